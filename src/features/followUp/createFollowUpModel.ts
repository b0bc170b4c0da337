/**
 * The follow-up feature's model: loads the source ticket, keeps the draft (persisted per agent and
 * ticket through the injected draft store), validates, creates the ticket (sync or async with job
 * polling), and exposes everything the section renders as signals. Components call its actions
 * and never the API.
 */
import { batch, effect, untracked, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { TicketField, User } from "../../platform/api/types";
import type { ZafPort } from "../../platform/zaf/port";
import type { FollowUpDraft, PendingJob } from "./rules/followUpDraft";
import { createFollowUpDraft } from "./rules/followUpDraft";
import { parseFollowUpDraft } from "./rules/followUpDraftParse";
import { buildFollowUpPayload } from "./rules/followUpPayload";
import type { FollowUpMode, FollowUpSource, Id } from "./rules/followUpTypes";
import { followUpModeFor } from "./rules/followUpTypes";
import { attemptFor, type RandomBytes } from "../../shared/idempotencyKey";
import type { JobOutcome, PollSchedule } from "../../shared/jobPolling";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { TicketStore } from "../../ticket/createTicketStore";
import { FOLLOW_UP_DRAFT_SECTION } from "./createFollowUpGlance";
import { createFollowUpUploads } from "./createFollowUpUploads";
import { createRequesterSearch } from "../../ui/createRequesterSearch";
import { sendCreate, watchJob, type FollowUpCreateDeps } from "./followUpCreate";
import { followUpErrorIssues } from "./followUpErrorIssues";
import { ignoreApiError, loadFollowUpExtras } from "./followUpExtras";
import { createFollowUpState, type CreatedFollowUp, type FollowUpLocale } from "./followUpState";

export type { CreatedFollowUp, FollowUpLocale, FollowUpStatus } from "./followUpState";

/** Dependencies and knobs. Everything time- or randomness-related is injectable for tests. */
export interface FollowUpModelOptions {
	api: Pick<
		ZendeskApi,
		| "createTicket"
		| "getJobStatus"
		| "showManyUsers"
		| "searchUsers"
		| "uploadText"
		| "deleteUpload"
		| "listTicketFields"
	>;
	/** Opens a created ticket in the workspace (`routeTo`). */
	zaf: Pick<ZafPort, "invoke">;
	/** The source ticket: its snapshot, followed while the model lives. */
	ticket: Pick<TicketStore, "ticketId" | "snapshot" | "ready" | "refresh">;
	/** This agent's drafts on this ticket (section `followUp`). */
	drafts: DraftStore;
	/** The note a linked (non-follow-up) ticket's first comment ends with, already translated. */
	linkedNote(sourceId: Id): string;
	/** Default of "create in the background" (the installation's `asyncFollowUps` setting). */
	defaultAsync?: boolean;
	/** The account's languages, asked for when the draft first has a new requester; without them only the account default is offered. */
	listLocales?(): Promise<FollowUpLocale[]>;
	now?(): number;
	sleep?(ms: number): Promise<void>;
	random?(): number;
	randomBytes?: RandomBytes;
	schedule?: PollSchedule;
	newId?(): string;
	searchDebounceMs?: number;
}

export { FOLLOW_UP_DRAFT_SECTION } from "./createFollowUpGlance";

const isAnything = (value: unknown): value is unknown => value !== undefined;

/**
 * Creates the model. Call `load()` once; `dispose()` stops polling and searches.
 *
 * @example
 *   const model = createFollowUpModel({ api, zaf, ticket, drafts, linkedNote: id => t("followUp.linkedNote", { id }) });
 *   await model.load();
 */
export function createFollowUpModel(options: FollowUpModelOptions) {
	const { api, ticket, drafts } = options;
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
	let idCounter = 0;
	const newId = options.newId ?? (() => `f${now().toString(36)}-${(idCounter++).toString(36)}`);
	let alive = true;
	let localesAsked = false;
	let stopLocales: (() => void) | undefined;
	let unsubscribe: (() => void) | undefined;

	const state = createFollowUpState({ now, uploadsInFlight: () => uploads.inFlight.value });
	const { source, draft, phase, serverIssues } = state;

	const getDraft = (): FollowUpDraft => {
		if (draft.value === null) throw new Error("[zd-sidebar] follow-up draft used before load()");
		return draft.value;
	};
	const patchDraft = (change: (d: FollowUpDraft) => FollowUpDraft) => {
		const next = change(getDraft());
		draft.value = next;
		drafts.save(FOLLOW_UP_DRAFT_SECTION, next);
	};

	const uploads = createFollowUpUploads({ api, getDraft, patchDraft, now, newId });
	const requesterSearch = createRequesterSearch({
		search: text => api.searchUsers(text),
		...(options.searchDebounceMs === undefined ? {} : { debounceMs: options.searchDebounceMs }),
	});

	const createDeps: FollowUpCreateDeps = {
		api,
		sleep,
		now,
		alive: () => alive,
		onWaiting: until => {
			state.waitingUntil.value = until;
		},
		...(options.random ? { random: options.random } : {}),
	};

	/** Reads the source ticket again (through the store, so every section sees the answer). */
	async function readSource(): Promise<FollowUpSource> {
		const { ticket: fresh } = await ticket.refresh();
		source.value = fresh;
		return fresh;
	}

	/** Follows the store's snapshot: the source as it changes elsewhere; an unopened draft follows its status. */
	function followSource(): () => void {
		return effect(() => {
			const s = ticket.snapshot.value?.ticket;
			if (s === undefined) return;
			untracked(() => {
				source.value = s;
				const d = draft.value;
				if (!state.open.value && d !== null && d.mode !== followUpModeFor(s.status))
					draft.value = { ...d, mode: followUpModeFor(s.status) };
			});
		});
	}

	const freshDraft = (s: FollowUpSource): FollowUpDraft => ({
		...createFollowUpDraft(s),
		createAsync: options.defaultAsync ?? false,
	});

	function finish(ticketIdMade: Id | null, mode: FollowUpMode): void {
		const s = source.value;
		batch(() => {
			state.created.value = { ticketId: ticketIdMade, mode };
			phase.value = "created";
			state.job.value = null;
			state.attempted.value = false;
			serverIssues.value = [];
			state.open.value = false;
			drafts.clear(FOLLOW_UP_DRAFT_SECTION);
			if (s !== null) draft.value = freshDraft(s);
			uploads.restore();
		});
		void readSource().catch(ignoreApiError); // refreshes followup_ids; the local list already shows the new id
	}

	function fail(caught: ApiError): void {
		const d = getDraft();
		batch(() => {
			phase.value = "failed";
			state.error.value = caught;
			serverIssues.value = followUpErrorIssues(caught, d);
		});
		if (caught.code === "IdempotentRequestError") patchDraft(x => ({ ...x, attempt: null }));
	}

	async function watch(pending: PendingJob, mode: FollowUpMode, startedAt: number): Promise<void> {
		phase.value = "queued";
		try {
			const onProgress = (outcome: JobOutcome) => {
				state.job.value = outcome;
				if (outcome.phase === "working") phase.value = "working";
			};
			const result = await watchJob(createDeps, pending.jobId, startedAt, onProgress, options.schedule);
			if (result.kind === "stopped") return;
			if (result.kind === "completed") return finish(result.ticketId ?? pending.ticketId, mode);
			phase.value = "failed";
			if (result.kind === "timed_out") {
				serverIssues.value = [{ field: "form", code: "followUp.job.timedOut" }];
				return;
			}
			// A new try needs a new key: the old one would replay the failed job.
			patchDraft(d => ({ ...d, pendingJob: null, attempt: null }));
			const code = JOB_FAILURE_CODES[result.phase];
			serverIssues.value = [{ field: "form", code, vars: { details: result.details ?? result.error ?? "—" } }];
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			fail(caught);
		}
	}

	async function create(s: FollowUpSource, d: FollowUpDraft): Promise<void> {
		const request = buildFollowUpPayload(s, d, { linkedNote: options.linkedNote(s.id) });
		if (request === null) {
			phase.value = "idle";
			return;
		}
		const attempt = attemptFor(d.attempt, request.body, options.randomBytes);
		patchDraft(x => ({ ...x, attempt })); // stored before sending: a reload after a timeout reuses the key
		try {
			const result = await sendCreate(createDeps, request.body.ticket, {
				async: d.createAsync,
				idempotencyKey: attempt.key,
				// A key already in the stored draft may have reached Zendesk before a reload: look first.
				maybeSent: d.attempt?.key === attempt.key,
			});
			if (result.kind === "created") return finish(result.ticket.id, request.mode);
			const pendingJob: PendingJob = { jobId: result.jobStatus.id, ticketId: result.ticketId, queuedAt: now() };
			patchDraft(x => ({ ...x, pendingJob }));
			state.job.value = { phase: "queued", done: result.jobStatus.progress, total: result.jobStatus.total };
			await watch(pendingJob, request.mode, pendingJob.queuedAt);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			fail(caught);
		}
	}

	return {
		source: source as ReadonlySignal<FollowUpSource | null>,
		loadState: state.loadState as ReadonlySignal<"loading" | "ready" | "failed">,
		loadError: state.loadError as ReadonlySignal<ApiError | null>,
		draft: draft as ReadonlySignal<FollowUpDraft | null>,
		open: state.open as ReadonlySignal<boolean>,
		issues: state.issues,
		status: state.status,
		error: state.error as ReadonlySignal<ApiError | null>,
		job: state.job as ReadonlySignal<JobOutcome | null>,
		waitingUntil: state.waitingUntil as ReadonlySignal<number | null>,
		created: state.created as ReadonlySignal<CreatedFollowUp | null>,
		followUpIds: state.followUpIds,
		users: state.users as ReadonlySignal<ReadonlyMap<Id, User>>,
		locales: state.locales as ReadonlySignal<FollowUpLocale[] | null>,
		/** Ticket fields by id, for naming the custom field values offered for copying (empty until loaded). */
		fields: state.fields as ReadonlySignal<ReadonlyMap<Id, TicketField>>,
		uploads,
		requesterSearch,

		/**
		 * Reads the source ticket (or takes `known`, the ticket the section has just read) and
		 * restores a stored draft (resuming a queued job). Never throws for ApiError.
		 */
		async load(known?: FollowUpSource): Promise<void> {
			state.loadState.value = "loading";
			let s: FollowUpSource;
			try {
				s = known ?? (await ticket.ready()).ticket;
				if (known) source.value = known;
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				batch(() => {
					state.loadError.value = caught;
					state.loadState.value = "failed";
				});
				return;
			}
			const stored = drafts.load(FOLLOW_UP_DRAFT_SECTION, isAnything);
			const restored = stored === undefined ? freshDraft(s) : parseFollowUpDraft(stored, freshDraft(s));
			batch(() => {
				draft.value = restored;
				state.open.value = stored !== undefined;
				state.loadError.value = null;
				state.loadState.value = "ready";
				uploads.restore();
			});
			// Locales only matter for a new requester: asked for when the draft first needs them, not at panel open.
			void loadFollowUpExtras({ api, state }, s, restored);
			stopLocales ??= effect(() => {
				if (draft.value?.requester.kind !== "new" || localesAsked || !options.listLocales) return;
				localesAsked = true;
				options.listLocales().then(list => void (state.locales.value = list), ignoreApiError);
			});
			unsubscribe ??= followSource();
			if (restored.pendingJob !== null) void watch(restored.pendingJob, restored.mode, now());
		},

		/** Opens the form (starting the persisted draft). */
		start(): void {
			state.open.value = true;
			state.created.value = null;
			if (phase.value === "created") phase.value = "idle";
			if (draft.value !== null) drafts.save(FOLLOW_UP_DRAFT_SECTION, draft.value);
		},

		/** Applies an edit to the draft and persists it. Ignored before load. */
		edit(change: (d: FollowUpDraft) => FollowUpDraft): void {
			if (draft.value === null) return;
			patchDraft(change);
		},

		/** Accepts that the source changed status: the draft becomes a follow-up or a linked ticket. */
		acceptMode(): void {
			const s = source.value;
			if (s === null || draft.value === null) return;
			patchDraft(d => ({ ...d, mode: s.status === "closed" ? "followUp" : "linked" }));
		},

		/** Validates and creates. Does nothing while a create is under way (no double submit). */
		async submit(): Promise<void> {
			if (state.busy() || draft.value === null) return;
			phase.value = "creating";
			batch(() => {
				state.attempted.value = true;
				serverIssues.value = [];
				state.error.value = null;
			});
			const pending = getDraft().pendingJob;
			if (pending !== null) return watch(pending, getDraft().mode, now());
			let s = source.value;
			try {
				s = await readSource(); // catches a source closed (or reopened) since the draft was started
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				if (s === null) return fail(caught);
			}
			if (state.issues.value.length > 0) {
				phase.value = "idle";
				return;
			}
			await create(s, getDraft());
		},

		/** Throws the draft away (and its uploads), closing the form. */
		async discard(): Promise<void> {
			if (state.busy()) return;
			const s = source.value;
			await uploads.discardAll();
			batch(() => {
				drafts.clear(FOLLOW_UP_DRAFT_SECTION);
				if (s !== null) draft.value = freshDraft(s);
				state.open.value = false;
				state.attempted.value = false;
				serverIssues.value = [];
				state.error.value = null;
				phase.value = "idle";
			});
		},

		/** Opens a ticket in the agent workspace (`routeTo`). */
		async openTicket(id: Id): Promise<void> {
			try {
				await options.zaf.invoke("routeTo", "ticket", id);
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
			}
		},

		/** Stops polling, pending searches and the `ticket.updated` subscription. */
		dispose(): void {
			alive = false;
			unsubscribe?.();
			stopLocales?.();
			requesterSearch.dispose();
		},
	};
}

/** Message per way a background job can end badly (total). */
const JOB_FAILURE_CODES: Record<"failed" | "killed" | "missing", string> = {
	failed: "followUp.job.failed",
	killed: "followUp.job.killed",
	missing: "followUp.job.missing",
};

/** The model's public shape. */
export type FollowUpModel = ReturnType<typeof createFollowUpModel>;
