/**
 * The Follow-up section of the ticket sidebar. On a closed ticket it creates real follow-ups
 * (`via_followup_source_id`); on any other ticket it says so plainly and offers a new ticket that
 * references this one instead. Builds its model from the environment and owns its lifetime.
 */
import { useEffect, useMemo } from "preact/hooks";
import type { TicketStatus } from "../../domain/followUpTypes";
import { useApi, useEnv, useStorage, useT, useZaf } from "../context";
import { createDraftStore } from "../models/createDraftStore";
import { createFollowUpModel, type FollowUpModel } from "../models/createFollowUpModel";
import { createSessionLocales } from "../models/createSessionLocales";
import { ErrorNotice } from "./ErrorNotice";
import { FollowUpLinks } from "./FollowUpLinks";
import { Button } from "./primitives/Button";
import { lazyComponent } from "./primitives/lazyComponent";
import { Spinner } from "./primitives/Spinner";
import { Section } from "./Section";

/** The form is its own chunk, fetched when the agent points at or focuses the button that opens it. */
const FollowUpForm = lazyComponent(
	() => import("./FollowUpForm"),
	module => module.FollowUpForm,
);

/** Status names (total), for the "not closed" explanation. */
const STATUS_KEYS: Record<TicketStatus, string> = {
	new: "followUp.status.new",
	open: "followUp.status.open",
	pending: "followUp.status.pending",
	hold: "followUp.status.hold",
	solved: "followUp.status.solved",
	closed: "followUp.status.closed",
};

/** The section: builds the model once per ticket and agent (drafts in the panel's storage), loads it, disposes it on unmount. */
export function FollowUpSection() {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const t = useT();
	const ticketId = env.ticketId;
	const storage = useStorage();
	const model = useMemo(
		() =>
			ticketId === null
				? null
				: createFollowUpModel({
						api,
						zaf,
						ticketId,
						drafts: createDraftStore(storage.local, env.currentUser.id, ticketId),
						linkedNote: id => t("followUp.linkedNote", { id }),
						defaultAsync: env.settings.asyncFollowUps,
						// Account configuration: once per browser session, not once per ticket.
						listLocales: createSessionLocales(api, storage.session).get,
					}),
		[api, zaf, ticketId, env.currentUser.id, storage],
	);
	useEffect(() => {
		if (model === null) return;
		void model.load();
		return () => model.dispose();
	}, [model]);
	const count = model?.followUpIds.value.length ?? 0;
	return (
		<Section title={t("shell.sections.followUp")} badge={count > 0 ? String(count) : undefined}>
			{model === null ? <p class="zd-muted">{t("shell.noTicket")}</p> : <FollowUpPanel model={model} />}
		</Section>
	);
}

/** What the section shows for a loaded (or loading) model. Exported for component tests. */
export function FollowUpPanel({ model }: { model: FollowUpModel }) {
	const t = useT();
	const state = model.loadState.value;
	const source = model.source.value;
	if (state === "loading" && source === null) return <Spinner label={t("followUp.loading")} showLabel />;
	if (state === "failed" || source === null) {
		const error = model.loadError.value;
		return error ? <ErrorNotice error={error} onRetry={() => void model.load()} /> : null;
	}
	const closed = source.status === "closed";
	return (
		<div class="zd-followup" data-mode={closed ? "followUp" : "linked"}>
			<p class={closed ? "zd-followup__intro" : "zd-followup__intro zd-notice zd-notice--info"}>
				{closed ? t("followUp.intro.closed") : t("followUp.intro.notClosed", { status: t(STATUS_KEYS[source.status]) })}
			</p>
			<FollowUpLinks
				created={model.created.value}
				followUpIds={model.followUpIds.value}
				onOpen={id => void model.openTicket(id)}
				onCreateAnother={model.start}
			/>
			{model.open.value ? (
				<FollowUpForm model={model} />
			) : model.created.value === null ? (
				<Button
					variant={closed ? "primary" : "default"}
					onClick={model.start}
					onPointerEnter={FollowUpForm.preload}
					onFocus={FollowUpForm.preload}
				>
					{t(closed ? "followUp.start.followUp" : "followUp.start.linked")}
				</Button>
			) : null}
		</div>
	);
}
