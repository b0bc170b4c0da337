/**
 * The Follow-up section: on a closed ticket it creates real follow-ups (`via_followup_source_id`);
 * on any other it says so plainly and offers a new ticket referencing this one. Until the agent
 * reaches for the form it shows the glance; the model and form are a chunk (followUpFeature),
 * fetched when the agent points at, focuses or clicks the start button, or at once when a draft
 * is waiting. The markup stays the same across that hand-over, so the start button keeps the
 * focus until the form takes its place.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Id } from "../../shared/ticketTypes";
import { useApi, useEnv, useStorage, useT, useZaf } from "../../platform/context";
import { useTicket } from "../../ticket/TicketProvider";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { createFollowUpGlance, type FollowUpGlance } from "./createFollowUpGlance";
import type { FollowUpModel } from "./createFollowUpModel";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { FollowUpIntro } from "./FollowUpIntro";
import { ChunkFailed } from "../../ui/lazyComponent";
import { createChunk } from "../../ui/lazyComponent";
import { Spinner } from "../../ui/Spinner";
import { Section } from "../../ui/Section";

const feature = createChunk(() => import("./followUpFeature"));

/** The section: the glance at the ticket, then (on demand) the full feature. */
export function FollowUpSection() {
	const env = useEnv();
	const { store } = useTicket();
	const t = useT();
	const storage = useStorage();
	const ticketId = env.ticketId;
	const glance = useMemo(
		() =>
			ticketId === null
				? null
				: createFollowUpGlance({
						ticket: store,
						drafts: createDraftStore(storage.local, env.currentUser.id, ticketId),
					}),
		[store, ticketId, env.currentUser.id, storage],
	);
	useEffect(() => void glance?.load(), [glance]);
	const engaged = useFeature(glance);
	const count = engaged.model?.followUpIds.value.length ?? glance?.source.value?.followupIds.length ?? 0;
	return (
		<Section title={t("shell.sections.followUp")} badge={count > 0 ? String(count) : undefined}>
			{glance === null ? <p class="zd-muted">{t("shell.noTicket")}</p> : <Body glance={glance} engaged={engaged} />}
		</Section>
	);
}

/**
 * The full feature, engaged on demand (`engage` fetches it if needed and builds and loads the
 * model; `startNow` opens the form), or at once when a draft is waiting; disposed with the section.
 */
function useFeature(glance: FollowUpGlance | null) {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const t = useT();
	const storage = useStorage();
	const { store } = useTicket();
	const [model, setModel] = useState<FollowUpModel | null>(null);
	const [phase, setPhase] = useState<"idle" | "loading" | "failed">("idle");
	const alive = useRef(true);
	const busy = useRef(false);
	useEffect(
		() => () => {
			alive.current = false;
		},
		[],
	);
	useEffect(() => (model === null ? undefined : () => model.dispose()), [model]);

	const engage = async (startNow: boolean) => {
		if (model !== null) {
			if (startNow) model.start();
			return;
		}
		const source = glance?.source.value;
		if (!source || busy.current) return;
		busy.current = true;
		setPhase("loading");
		try {
			const { createFollowUpModel, createSessionLocales } = await feature.load();
			const made = createFollowUpModel({
				api,
				zaf,
				ticket: store,
				drafts: createDraftStore(storage.local, env.currentUser.id, source.id),
				linkedNote: id => t("followUp.linkedNote", { id }),
				defaultAsync: env.settings.asyncFollowUps,
				// Account configuration: once per browser session, not once per ticket.
				listLocales: createSessionLocales(api, storage.session).get,
			});
			await made.load(source);
			if (!alive.current) return made.dispose();
			if (startNow) made.start();
			setModel(made);
			setPhase("idle");
		} catch {
			if (alive.current) setPhase("failed");
		} finally {
			busy.current = false;
		}
	};

	// A draft left open on this ticket brings the form back as soon as the ticket is known.
	const hasDraft = useMemo(() => glance?.hasDraft() ?? false, [glance]);
	const known = glance?.source.value != null;
	useEffect(() => {
		if (hasDraft && known) void engage(false);
	}, [hasDraft, known]);

	return { model, phase, engage: (startNow: boolean) => void engage(startNow) };
}

function Body({ glance, engaged }: { glance: FollowUpGlance; engaged: ReturnType<typeof useFeature> }) {
	const t = useT();
	const zaf = useZaf();
	const { model, phase } = engaged;
	const source = model?.source.value ?? glance.source.value;
	if (source === null) {
		const error = glance.loadError.value;
		if (error) return <ErrorNotice error={error} onRetry={() => void glance.load()} />;
		return <Spinner label={t("followUp.loading")} showLabel />;
	}
	const Form = feature.loaded()?.FollowUpForm;
	const open = (id: Id) =>
		model ? void model.openTicket(id) : void zaf.invoke("routeTo", "ticket", id).catch(() => undefined);
	return (
		<FollowUpIntro
			status={source.status}
			followUpIds={model ? model.followUpIds.value : source.followupIds}
			created={model?.created.value ?? null}
			onOpen={open}
			onStart={() => engaged.engage(true)}
			onPrepare={feature.preload}
			starting={phase === "loading"}
			form={
				model?.open.value && Form ? (
					<Form model={model} />
				) : phase === "failed" ? (
					<ChunkFailed onRetry={() => engaged.engage(true)} />
				) : undefined
			}
		/>
	);
}
