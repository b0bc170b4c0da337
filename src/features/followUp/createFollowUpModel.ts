/**
 * The follow-up feature's model: loads the source ticket, keeps the draft (persisted per agent and
 * ticket through the injected draft store), validates, creates the ticket (sync or async with job
 * polling), and exposes everything the section renders as signals. Components call its actions
 * and never the API.
 */
import { batch, effect, untracked, type ReadonlySignal } from "@preact/signals";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { TicketField, User } from "../../platform/api/types";
import type { FollowUpDraft } from "./rules/followUpDraft";
import { createFollowUpDraft } from "./rules/followUpDraft";
import { parseFollowUpDraft } from "./rules/followUpDraftParse";
import type { FollowUpMode, FollowUpSource, Id } from "./rules/followUpTypes";
import { followUpModeFor } from "./rules/followUpTypes";
import type { JobOutcome } from "../../shared/jobPolling";
import { createFollowUpUploads } from "./createFollowUpUploads";
import { createPeopleSearch } from "../../ui/createPeopleSearch";
import { keepTypedText } from "../../platform/storage/keepTypedText";
import type { FollowUpCreateDeps } from "./followUpCreate";
import { ignoreApiError, loadFollowUpExtras } from "./followUpExtras";
import { createFollowUpState, type CreatedFollowUp, type FollowUpLocale } from "./followUpState";
import { sleep as realSleep } from "../../shared/sleep";
import { createFollowUpSubmission } from "./followUpSubmission";
import type { FollowUpModelOptions } from "./FollowUpModelOptions";
import { FOLLOW_UP_DRAFT_SECTION } from "../../shared/draftSections";
import type { Wait } from "../../ticket/waitClock";

export type { CreatedFollowUp, FollowUpLocale, FollowUpStatus } from "./followUpState";

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
	const sleep = options.sleep ?? realSleep;
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
	// The pickers' typed text (an address being corrected) is kept next to the draft.
	const searchFor = (picker: string) =>
		createPeopleSearch(api, {
			keepText: keepTypedText(drafts, FOLLOW_UP_DRAFT_SECTION, picker),
			...(options.searchDebounceMs === undefined ? {} : { debounceMs: options.searchDebounceMs }),
		});
	const requesterSearch = searchFor("requester");
	const ccSearch = searchFor("ccs");
	const clearSearches = () => {
		requesterSearch.setQuery("");
		ccSearch.setQuery("");
	};

	const createDeps: FollowUpCreateDeps = {
		api,
		sleep,
		now,
		alive: () => alive,
		onWaiting: (until, reason) => {
			state.waiting.value = until === null ? null : { until, reason };
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
			clearSearches();
			if (s !== null) draft.value = freshDraft(s);
			uploads.restore();
		});
		void readSource().catch(ignoreApiError); // refreshes followup_ids; the local list already shows the new id
	}

	const { watch, create, fail } = createFollowUpSubmission({
		state,
		getDraft,
		patchDraft,
		deps: createDeps,
		now,
		finish,
		linkedNote: options.linkedNote,
		...(options.randomBytes ? { randomBytes: options.randomBytes } : {}),
		...(options.schedule ? { schedule: options.schedule } : {}),
	});

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
		waiting: state.waiting as ReadonlySignal<Wait | null>,
		created: state.created as ReadonlySignal<CreatedFollowUp | null>,
		followUpIds: state.followUpIds,
		users: state.users as ReadonlySignal<ReadonlyMap<Id, User>>,
		locales: state.locales as ReadonlySignal<FollowUpLocale[] | null>,
		/** Ticket fields by id, for naming the custom field values offered for copying (empty until loaded). */
		fields: state.fields as ReadonlySignal<ReadonlyMap<Id, TicketField>>,
		uploads,
		requesterSearch,
		/** The CC picker's search. */
		ccSearch,

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
			// The section may have gone while the ticket was read: start nothing for a disposed model.
			if (!alive) return;
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
				clearSearches();
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
			ccSearch.dispose();
		},
	};
}

/** The model's public shape. */
export type FollowUpModel = ReturnType<typeof createFollowUpModel>;
