/**
 * The Follow-up section: real follow-ups (`via_followup_source_id`) on a closed ticket, else, said
 * plainly, a linked ticket; the tickets made from this one. The model and form are a chunk
 * (followUpFeature), fetched when the agent points at, focuses or clicks the start button, or at
 * once for a waiting draft; the markup stays, so the start button keeps the focus until the form.
 */
import { computed } from "@preact/signals";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Id, TicketStatus } from "../../shared/ticketTypes";
import { useApi, useEnv, useStorage, useT, useZaf } from "../../platform/context";
import { useTicket } from "../../ticket/TicketProvider";
import { isApiError } from "../../platform/api/errors";
import { createDraftStore, draftWaiting, type DraftStore } from "../../platform/storage/createDraftStore";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { FollowUpSource } from "./rules/followUpDraft";
import type { FollowUpModel } from "./createFollowUpModel";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { ChunkFailed, createChunk } from "../../ui/lazyComponent";
import { Spinner } from "../../ui/Spinner";
import { Section } from "../../ui/Section";
import { Button } from "../../ui/Button";
import { useFocusOnMount } from "../../ui/focus";

const feature = createChunk(() => import("./followUpFeature"));

/**
 * The glance over the open ticket and this agent's drafts on it: what the section shows before the
 * form, from the panel's shared read, which the full model then starts from. Creates nothing, keeps
 * no draft, owns nothing to dispose. Call `load()` once.
 */
export function createFollowUpGlance(options: {
	ticket: Pick<TicketStore, "snapshot" | "error" | "ready">;
	drafts: Pick<DraftStore, "load">;
}) {
	const { ticket } = options;
	return {
		source: computed<FollowUpSource | null>(() => ticket.snapshot.value?.ticket ?? null),
		/** Why the last read failed (`null` after a success). */
		loadError: ticket.error,
		/** Waits for the ticket's first read; never rejects for an ApiError. */
		async load(): Promise<void> {
			await ticket.ready().catch((caught: unknown) => {
				if (!isApiError(caught)) throw caught;
			});
		},
		/** Whether a follow-up draft is stored for this agent and ticket (its content is not checked here). */
		hasDraft: () => draftWaiting(options.drafts, "followUp"),
	};
}

type FollowUpGlance = ReturnType<typeof createFollowUpGlance>;

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

/** The full feature: `engage` fetches, builds and loads the model (`startNow`: opens the form); at once for a draft. */
function useFeature(glance: FollowUpGlance | null) {
	const env = useEnv();
	const api = useApi();
	const t = useT();
	const storage = useStorage();
	const { store } = useTicket();
	const [model, setModel] = useState<FollowUpModel | null>(null);
	const [phase, setPhase] = useState<"idle" | "loading" | "failed">("idle");
	const alive = useRef(true);
	const busy = useRef(false);
	useEffect(() => () => void (alive.current = false), []);
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

/** Status names (total), for the "not closed" explanation. */
const STATUS_KEYS: Record<TicketStatus, string> = {
	new: "followUp.status.new",
	open: "followUp.status.open",
	pending: "followUp.status.pending",
	hold: "followUp.status.hold",
	solved: "followUp.status.solved",
	closed: "followUp.status.closed",
};

/** What the agent can create, the ticket just created and those made before, and the start button or the form. */
function Body({ glance, engaged }: { glance: FollowUpGlance; engaged: ReturnType<typeof useFeature> }) {
	const t = useT();
	const zaf = useZaf();
	const { model, phase } = engaged;
	const created = model?.created.value ?? null;
	const notice = useRef<HTMLDivElement>(null);
	// The form that had the focus is gone: the result takes it (never from elsewhere).
	useFocusOnMount(notice, created !== null);
	const source = model?.source.value ?? glance.source.value;
	if (source === null) {
		const error = glance.loadError.value;
		if (error) return <ErrorNotice error={error} onRetry={() => void glance.load()} />;
		return <Spinner label={t("followUp.loading")} showLabel />;
	}
	const Form = feature.loaded()?.FollowUpForm;
	const onOpen = (id: Id) => void zaf.invoke("routeTo", "ticket", id).catch(() => undefined);
	const onStart = () => engaged.engage(true);
	const { status } = source;
	const followUpIds = model ? model.followUpIds.value : source.followupIds;
	const closed = status === "closed";
	const statusVars = { status: t(STATUS_KEYS[status]) };
	const form =
		model?.open.value && Form ? <Form model={model} /> : phase === "failed" ? <ChunkFailed onRetry={onStart} /> : null;
	return (
		<div class="zd-followup" data-mode={closed ? "followUp" : "linked"}>
			{/* The short rule, and the full one behind it: the agent reads that once, not on every ticket. */}
			<details class="zd-info">
				<summary class="zd-followup__intro">
					{t(closed ? "followUp.intro.closedShort" : "followUp.intro.notClosedShort", statusVars)}
				</summary>
				<p class="zd-muted">{t(closed ? "followUp.intro.closed" : "followUp.intro.notClosed", statusVars)}</p>
			</details>
			{created ? (
				<div ref={notice} class="zd-notice zd-notice--success" role="status" tabIndex={-1}>
					<p class="zd-notice__text">
						{created.ticketId === null
							? t("followUp.links.createdUnknown")
							: t(created.mode === "followUp" ? "followUp.links.createdFollowUp" : "followUp.links.createdLinked", {
									id: created.ticketId,
								})}{" "}
						{created.ticketId !== null ? <TicketLink id={created.ticketId} onOpen={onOpen} /> : null}
					</p>
					<Button small onClick={onStart}>
						{t("followUp.links.another")}
					</Button>
				</div>
			) : null}
			{followUpIds.length > 0 ? (
				<div class="zd-followup__existing">
					<p class="zd-field__label">{t("followUp.links.existing", { count: followUpIds.length })}</p>
					<ul class="zd-followup__ids">
						{followUpIds.map(id => (
							<li key={id}>
								<TicketLink id={id} onOpen={onOpen} />
							</li>
						))}
					</ul>
				</div>
			) : null}
			{form ??
				(created === null ? (
					<Button
						variant={closed ? "primary" : "default"}
						busy={phase === "loading"}
						onClick={onStart}
						onPointerEnter={feature.preload}
						onFocus={feature.preload}
					>
						{t(closed ? "followUp.start.followUp" : "followUp.start.linked")}
					</Button>
				) : null)}
		</div>
	);
}

/** A ticket number rendered as a link-styled button (routing goes through ZAF, not an href). */
function TicketLink({ id, onOpen }: { id: Id; onOpen(id: Id): void }) {
	const t = useT();
	return (
		<Button variant="basic" small onClick={() => onOpen(id)} aria-label={t("followUp.links.open", { id })}>
			#{id}
		</Button>
	);
}
