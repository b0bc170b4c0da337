/**
 * The follow-up model's state: plain signals plus what is derived from them (status, visible
 * issues, the follow-up list). No I/O and no actions; `createFollowUpModel` owns those.
 */
import { computed, signal } from "@preact/signals";
import type { ApiError } from "../../platform/api/errors";
import type { TicketField, User } from "../../platform/api/types";
import type { FollowUpDraft } from "./rules/followUpDraft";
import type { FollowUpMode, FollowUpSource, Id } from "./rules/followUpTypes";
import { validateFollowUpDraft } from "./rules/followUpValidation";
import type { Issue } from "../../shared/issues";
import type { JobOutcome } from "../../shared/jobPolling";
import type { Wait } from "../../ticket/waitClock";

/** Where the create is. `uploading`: files are still uploading (the create button waits). */
export type FollowUpStatus = "idle" | "uploading" | "creating" | "queued" | "working" | "created" | "failed";

/** A language the new requester can be given (`GET /api/v2/locales`). */
export interface FollowUpLocale {
	id: Id;
	name: string;
}

/** The ticket that was just created. `ticketId` is null only if an async job never named it. */
export interface CreatedFollowUp {
	ticketId: Id | null;
	mode: FollowUpMode;
}

/** What the derived values need from outside: the clock and the number of uploads in flight. */
export interface FollowUpStateDeps {
	now(): number;
	/** Read inside computeds, so it may read a signal. */
	uploadsInFlight(): number;
}

/** Creates the state. Validation issues only show once the agent has tried to create (`attempted`). */
export function createFollowUpState(deps: FollowUpStateDeps) {
	const source = signal<FollowUpSource | null>(null);
	const draft = signal<FollowUpDraft | null>(null);
	const attempted = signal(false);
	const serverIssues = signal<Issue[]>([]);
	const phase = signal<Exclude<FollowUpStatus, "uploading">>("idle");
	const created = signal<CreatedFollowUp | null>(null);
	const locales = signal<FollowUpLocale[] | null>(null);

	return {
		source,
		loadState: signal<"loading" | "ready" | "failed">("loading"),
		loadError: signal<ApiError | null>(null),
		draft,
		open: signal(false),
		attempted,
		serverIssues,
		phase,
		error: signal<ApiError | null>(null),
		job: signal<JobOutcome | null>(null),
		/** The retry the create is waiting for (a 429, a hiccup, a lookup of an async create), or null. */
		waiting: signal<Wait | null>(null),
		created,
		users: signal<ReadonlyMap<Id, User>>(new Map()),
		locales,
		fields: signal<ReadonlyMap<Id, TicketField>>(new Map()),

		status: computed<FollowUpStatus>(() =>
			deps.uploadsInFlight() > 0 && (phase.value === "idle" || phase.value === "failed") ? "uploading" : phase.value,
		),

		issues: computed<Issue[]>(() => {
			const d = draft.value;
			const s = source.value;
			if (!attempted.value || d === null || s === null) return serverIssues.value;
			const context = { source: s, now: deps.now(), uploadsInFlight: deps.uploadsInFlight() };
			const known = locales.value?.map(l => l.id);
			return [
				...validateFollowUpDraft(d, known ? { ...context, knownLocaleIds: known } : context),
				...serverIssues.value,
			];
		}),

		followUpIds: computed<Id[]>(() => {
			const ids = [...(source.value?.followupIds ?? [])];
			const made = created.value;
			if (made?.mode === "followUp" && made.ticketId !== null && !ids.includes(made.ticketId)) ids.push(made.ticketId);
			return ids;
		}),

		/** True while a create or a job is under way. */
		busy: () => phase.value === "creating" || phase.value === "queued" || phase.value === "working",
	};
}

/** The state object. */
export type FollowUpState = ReturnType<typeof createFollowUpState>;
