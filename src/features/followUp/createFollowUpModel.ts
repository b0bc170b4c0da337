/**
 * The follow-up's model, as signals: the source ticket, the draft (persisted per agent and ticket),
 * validation, the create (`followUpCreate.ts`) and the uploads. Components never call the API.
 */
import { batch, computed, effect, signal, untracked, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import type { TicketField, User } from "../../platform/api/types";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import { keepTypedText } from "../../platform/storage/keepTypedText";
import type { RandomBytes } from "../../shared/idempotencyKey";
import type { Issue } from "../../shared/issues";
import type { JobOutcome, PollSchedule } from "../../shared/jobPolling";
import type { Id } from "../../shared/ticketTypes";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { Wait } from "../../ticket/waitClock";
import { createPeopleSearch } from "../../ui/createPeopleSearch";
import { createFollowUpUploads } from "./createFollowUpUploads";
import { createFollowUpSubmission, type FollowUpStatus } from "./followUpCreate";
import { ignoreApiError, lookUpForDraft, type FollowUpLocale } from "./followUpLookups";
import { createFollowUpDraft, followUpModeFor, parseFollowUpDraft } from "./rules/followUpDraft";
import type { FollowUpDraft, FollowUpMode, FollowUpSource } from "./rules/followUpDraft";
import { validateFollowUpDraft } from "./rules/followUpValidation";

/** The ticket that was just created. `ticketId` is null only if an async job never named it. */
export interface CreatedFollowUp {
	ticketId: Id | null;
	mode: FollowUpMode;
}

/** What the model is built from; time and randomness are injectable for tests. */
export interface FollowUpModelOptions {
	/** Creates, jobs, user searches and look-ups, uploads, ticket fields. */
	api: ZendeskApi;
	/** The source ticket: its snapshot, followed while the model lives. */
	ticket: Pick<TicketStore, "snapshot" | "ready" | "refresh">;
	/** This agent's drafts on this ticket. */
	drafts: DraftStore;
	/** The note a linked (non-follow-up) ticket's first comment ends with, already translated. */
	linkedNote(sourceId: Id): string;
	/** Default of "create in the background" (the installation's `asyncFollowUps` setting). */
	defaultAsync?: boolean;
	/** The account's languages, asked for when the draft first has a new requester (else only the default). */
	listLocales?(): Promise<FollowUpLocale[]>;
	now?(): number;
	sleep?(ms: number): Promise<void>;
	random?(): number;
	randomBytes?: RandomBytes;
	schedule?: PollSchedule;
	searchDebounceMs?: number;
}

const isAnything = (value: unknown): value is unknown => value !== undefined;

/**
 * Creates the model. Call `load()` once; `dispose()` stops polling and searches.
 *
 * @example
 *   const model = createFollowUpModel({ api, ticket, drafts, linkedNote: id => t("followUp.linkedNote", { id }) });
 *   await model.load();
 */
export function createFollowUpModel(options: FollowUpModelOptions) {
	const { api, ticket, drafts } = options;
	const now = options.now ?? Date.now;
	let alive = true;
	let localesAsked = false;
	let stopLocales: (() => void) | undefined;
	let unsubscribe: (() => void) | undefined;

	const source = signal<FollowUpSource | null>(null);
	const draft = signal<FollowUpDraft | null>(null);
	const open = signal(false);
	const created = signal<CreatedFollowUp | null>(null);
	const users = signal<ReadonlyMap<Id, User>>(new Map());
	const locales = signal<FollowUpLocale[] | null>(null);
	const fields = signal<ReadonlyMap<Id, TicketField>>(new Map());

	const getDraft = (): FollowUpDraft => {
		if (draft.value === null) throw new Error("[zd-sidebar] follow-up draft used before load()");
		return draft.value;
	};
	const patchDraft = (change: (d: FollowUpDraft) => FollowUpDraft) => {
		const next = change(getDraft());
		draft.value = next;
		drafts.save("followUp", next);
	};

	const uploads = createFollowUpUploads({ api, getDraft, patchDraft, now });
	// The pickers' typed text (an address being corrected) is kept next to the draft.
	const searchFor = (picker: string) =>
		createPeopleSearch(api, {
			keepText: keepTypedText(drafts, "followUp", picker),
			...(options.searchDebounceMs === undefined ? {} : { debounceMs: options.searchDebounceMs }),
		});
	const requesterSearch = searchFor("requester");
	const ccSearch = searchFor("ccs");

	const issues = computed<Issue[]>(() => {
		const d = draft.value;
		const s = source.value;
		if (!attempted.value || d === null || s === null) return serverIssues.value;
		const knownLocaleIds = locales.value?.map(l => l.id);
		const context = { source: s, now: now(), uploadsInFlight: uploads.inFlight.value, knownLocaleIds };
		return [...validateFollowUpDraft(d, context), ...serverIssues.value];
	});

	/** Reads the source again, through the store, so every section sees the answer. */
	async function readSource(): Promise<FollowUpSource> {
		const { ticket: fresh } = await ticket.refresh();
		source.value = fresh;
		return fresh;
	}

	const freshDraft = (s: FollowUpSource): FollowUpDraft => ({
		...createFollowUpDraft(s),
		createAsync: options.defaultAsync ?? false,
	});

	/** Forgets the draft (a fresh one from `s` takes its place) and closes the form. */
	function reset(s: FollowUpSource | null): void {
		drafts.clear("followUp");
		requesterSearch.setQuery("");
		ccSearch.setQuery("");
		if (s !== null) draft.value = freshDraft(s);
		open.value = false;
		attempted.value = false;
		serverIssues.value = [];
	}

	const submission = createFollowUpSubmission(options, {
		alive: () => alive,
		now,
		source,
		readSource,
		issues: () => issues.value,
		getDraft,
		patchDraft,
		finish(ticketIdMade, mode) {
			batch(() => {
				created.value = { ticketId: ticketIdMade, mode };
				phase.value = "created";
				submission.job.value = null;
				reset(source.value);
				uploads.restore();
			});
			void readSource().catch(ignoreApiError); // refreshes followup_ids; the local list already shows the new id
		},
	});
	const { phase, attempted, serverIssues } = submission;

	return {
		source: source as ReadonlySignal<FollowUpSource | null>,
		draft: draft as ReadonlySignal<FollowUpDraft | null>,
		open: open as ReadonlySignal<boolean>,
		issues,
		status: computed<FollowUpStatus>(() =>
			uploads.inFlight.value > 0 && (phase.value === "idle" || phase.value === "failed") ? "uploading" : phase.value,
		),
		job: submission.job as ReadonlySignal<JobOutcome | null>,
		waiting: submission.waiting as ReadonlySignal<Wait | null>,
		created: created as ReadonlySignal<CreatedFollowUp | null>,
		followUpIds: computed<Id[]>(() => {
			const ids = [...(source.value?.followupIds ?? [])];
			const made = created.value;
			if (made?.mode === "followUp" && made.ticketId !== null && !ids.includes(made.ticketId)) ids.push(made.ticketId);
			return ids;
		}),
		users: users as ReadonlySignal<ReadonlyMap<Id, User>>,
		locales: locales as ReadonlySignal<FollowUpLocale[] | null>,
		/** Ticket fields by id, for naming the custom field values offered for copying (empty until loaded). */
		fields: fields as ReadonlySignal<ReadonlyMap<Id, TicketField>>,
		uploads,
		requesterSearch,
		ccSearch,

		/** Reads the source (or takes `known`, the section's) and restores a stored draft, resuming its job. Never throws for ApiError. */
		async load(known?: FollowUpSource): Promise<void> {
			let s: FollowUpSource;
			try {
				s = known ?? (await ticket.ready()).ticket;
				if (known) source.value = known;
			} catch (caught) {
				return ignoreApiError(caught);
			}
			// The section may have gone while the ticket was read: start nothing for a disposed model.
			if (!alive) return;
			const stored = drafts.load("followUp", isAnything);
			const restored = stored === undefined ? freshDraft(s) : parseFollowUpDraft(stored, freshDraft(s));
			batch(() => {
				draft.value = restored;
				open.value = stored !== undefined;
				uploads.restore();
			});
			lookUpForDraft({ api, draft, open, users, fields }, s, restored);
			// Locales only matter for a new requester: asked for when the draft first needs them, not at panel open.
			stopLocales ??= effect(() => {
				if (draft.value?.requester.kind !== "new" || localesAsked || !options.listLocales) return;
				localesAsked = true;
				options.listLocales().then(list => void (locales.value = list), ignoreApiError);
			});
			// Follows the store's snapshot: the source as it changes elsewhere; an unopened draft follows its status.
			unsubscribe ??= effect(() => {
				const fresh = ticket.snapshot.value?.ticket;
				if (fresh === undefined) return;
				untracked(() => {
					source.value = fresh;
					const d = draft.value;
					if (!open.value && d !== null && d.mode !== followUpModeFor(fresh.status))
						draft.value = { ...d, mode: followUpModeFor(fresh.status) };
				});
			});
			if (restored.pendingJob !== null) void submission.watch(restored.pendingJob, restored.mode, now());
		},

		/** Opens the form (starting the persisted draft). */
		start(): void {
			open.value = true;
			created.value = null;
			if (phase.value === "created") phase.value = "idle";
			if (draft.value !== null) drafts.save("followUp", draft.value);
		},

		/** Applies an edit to the draft and persists it. Ignored before load. */
		edit(change: (d: FollowUpDraft) => FollowUpDraft): void {
			if (draft.value !== null) patchDraft(change);
		},

		/** Accepts that the source changed status: the draft becomes a follow-up or a linked ticket. */
		acceptMode(): void {
			const s = source.value;
			if (s !== null && draft.value !== null) patchDraft(d => ({ ...d, mode: followUpModeFor(s.status) }));
		},

		/** Validates and creates. Does nothing before load or while a create is under way (no double submit). */
		async submit(): Promise<void> {
			if (draft.value !== null) await submission.submit();
		},

		/** Throws the draft away (and its uploads), closing the form. */
		async discard(): Promise<void> {
			if (submission.busy()) return;
			const s = source.value;
			await uploads.discardAll();
			batch(() => {
				reset(s);
				phase.value = "idle";
			});
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
