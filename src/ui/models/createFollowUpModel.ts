/**
 * The follow-up feature's model: loads the source ticket, keeps the draft (persisted per agent and
 * ticket through the injected draft store), validates, creates the ticket (sync or async with job
 * polling), and exposes everything the section renders as signals. Components call its actions
 * and never the API.
 */
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../api/client";
import { isApiError, type ApiError } from "../../api/errors";
import type { TicketField, User } from "../../api/types";
import type { ZafPort } from "../../zaf/port";
import type { FollowUpDraft, PendingJob } from "../../domain/followUpDraft";
import { createFollowUpDraft } from "../../domain/followUpDraft";
import { parseFollowUpDraft } from "../../domain/followUpDraftParse";
import { labelPeople } from "../../domain/followUpDraftEdits";
import { buildFollowUpPayload } from "../../domain/followUpPayload";
import type { FollowUpMode, FollowUpSource, Id } from "../../domain/followUpTypes";
import { validateFollowUpDraft } from "../../domain/followUpValidation";
import { attemptFor, type RandomBytes } from "../../domain/idempotencyKey";
import type { Issue } from "../../domain/issues";
import type { JobOutcome, PollSchedule } from "../../domain/jobPolling";
import type { DraftStore } from "./createDraftStore";
import { createFollowUpUploads, type FollowUpUploads } from "./createFollowUpUploads";
import { createRequesterSearch, type RequesterSearch } from "./createRequesterSearch";
import { sendCreate, watchJob, type FollowUpCreateDeps } from "./followUpCreate";
import { followUpErrorIssues } from "./followUpErrorIssues";

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

/** Dependencies and knobs. Everything time- or randomness-related is injectable for tests. */
export interface FollowUpModelOptions {
	api: Pick<
		ZendeskApi,
		| "getTicket"
		| "createTicket"
		| "getJobStatus"
		| "showManyUsers"
		| "searchUsers"
		| "uploadText"
		| "deleteUpload"
		| "listTicketFields"
	>;
	zaf: Pick<ZafPort, "invoke">;
	ticketId: Id;
	/** This agent's drafts on this ticket (section `followUp`). */
	drafts: DraftStore;
	/** The note a linked (non-follow-up) ticket's first comment ends with, already translated. */
	linkedNote(sourceId: Id): string;
	/** Default of "create in the background" (the installation's `asyncFollowUps` setting). */
	defaultAsync?: boolean;
	/** The account's languages; without it the language choice is hidden. */
	listLocales?(): Promise<FollowUpLocale[]>;
	now?(): number;
	sleep?(ms: number): Promise<void>;
	random?(): number;
	randomBytes?: RandomBytes;
	schedule?: PollSchedule;
	newId?(): string;
	searchDebounceMs?: number;
}

/** Draft section name in the shared draft store. */
export const FOLLOW_UP_DRAFT_SECTION = "followUp";

const isAnything = (value: unknown): value is unknown => value !== undefined;

/** A rejection handler for optional reads: an ApiError is ignored, a bug is rethrown. */
const ignoreApiError = (caught: unknown): void => {
	if (!isApiError(caught)) throw caught;
};

/**
 * Creates the model. Call `load()` once; `dispose()` stops polling and searches.
 *
 * @example
 *   const model = createFollowUpModel({ api, zaf, ticketId: 41, drafts, linkedNote: id => t("followUp.linkedNote", { id }) });
 *   await model.load();
 */
export function createFollowUpModel(options: FollowUpModelOptions) {
	const { api, ticketId, drafts } = options;
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
	let idCounter = 0;
	const newId = options.newId ?? (() => `f${now().toString(36)}-${(idCounter++).toString(36)}`);
	let alive = true;

	const source = signal<FollowUpSource | null>(null);
	const loadState = signal<"loading" | "ready" | "failed">("loading");
	const loadError = signal<ApiError | null>(null);
	const draft = signal<FollowUpDraft | null>(null);
	const open = signal(false);
	const attempted = signal(false);
	const serverIssues = signal<Issue[]>([]);
	const phase = signal<Exclude<FollowUpStatus, "uploading">>("idle");
	const error = signal<ApiError | null>(null);
	const job = signal<JobOutcome | null>(null);
	const waitingUntil = signal<number | null>(null);
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
		drafts.save(FOLLOW_UP_DRAFT_SECTION, next);
	};

	const uploads: FollowUpUploads = createFollowUpUploads({ api, getDraft, patchDraft, now, newId });
	const requesterSearch: RequesterSearch = createRequesterSearch({
		search: text => api.searchUsers(text),
		...(options.searchDebounceMs === undefined ? {} : { debounceMs: options.searchDebounceMs }),
	});

	const status = computed<FollowUpStatus>(() =>
		uploads.inFlight.value > 0 && (phase.value === "idle" || phase.value === "failed") ? "uploading" : phase.value,
	);
	const busy = () => phase.value === "creating" || phase.value === "queued" || phase.value === "working";

	const issues = computed<Issue[]>(() => {
		const d = draft.value;
		const s = source.value;
		if (!attempted.value || d === null || s === null) return serverIssues.value;
		const context = { source: s, now: now(), uploadsInFlight: uploads.inFlight.value };
		const known = locales.value?.map(l => l.id);
		return [
			...validateFollowUpDraft(d, known ? { ...context, knownLocaleIds: known } : context),
			...serverIssues.value,
		];
	});

	const followUpIds = computed<Id[]>(() => {
		const ids = [...(source.value?.followupIds ?? [])];
		const made = created.value;
		if (made?.mode === "followUp" && made.ticketId !== null && !ids.includes(made.ticketId)) ids.push(made.ticketId);
		return ids;
	});

	const createDeps: FollowUpCreateDeps = {
		api,
		sleep,
		now,
		alive: () => alive,
		onWaiting: until => {
			waitingUntil.value = until;
		},
		...(options.random ? { random: options.random } : {}),
	};

	async function readSource(): Promise<FollowUpSource> {
		const { ticket } = await api.getTicket(ticketId);
		source.value = ticket;
		return ticket;
	}

	async function lookUpPeople(s: FollowUpSource, d: FollowUpDraft): Promise<void> {
		const ids = [
			s.requesterId,
			...d.emailCcs.map(cc => (cc.kind === "user" ? cc.userId : null)),
			...d.followers.map(f => f.userId),
		];
		const wanted = ids.filter((id): id is Id => id !== null);
		if (wanted.length === 0) return;
		try {
			const found = await api.showManyUsers(wanted);
			users.value = new Map([...users.value, ...found.map(u => [u.id, u] as const)]);
			const label = (id: Id) => {
				const u = users.value.get(id);
				return u ? (u.email ? `${u.name} <${u.email}>` : u.name) : undefined;
			};
			if (draft.value !== null) draft.value = labelPeople(draft.value, label);
		} catch (caught) {
			if (!isApiError(caught)) throw caught; // names are a nicety: ids still work
		}
	}

	function finish(ticketIdMade: Id | null, mode: FollowUpMode): void {
		const s = source.value;
		batch(() => {
			created.value = { ticketId: ticketIdMade, mode };
			phase.value = "created";
			job.value = null;
			attempted.value = false;
			serverIssues.value = [];
			open.value = false;
			drafts.clear(FOLLOW_UP_DRAFT_SECTION);
			if (s !== null) draft.value = freshDraft(s);
			uploads.restore();
		});
		void readSource().catch(ignoreApiError); // refreshes followup_ids; the local list already shows the new id
	}

	function freshDraft(s: FollowUpSource): FollowUpDraft {
		return { ...createFollowUpDraft(s), createAsync: options.defaultAsync ?? false };
	}

	async function watch(pending: PendingJob, mode: FollowUpMode, startedAt: number): Promise<void> {
		phase.value = "queued";
		try {
			const result = await watchJob(
				createDeps,
				pending.jobId,
				startedAt,
				outcome => {
					job.value = outcome;
					if (outcome.phase === "working") phase.value = "working";
				},
				options.schedule,
			);
			if (result.kind === "stopped") return;
			if (result.kind === "completed") return finish(result.ticketId ?? pending.ticketId, mode);
			phase.value = "failed";
			if (result.kind === "timed_out") {
				serverIssues.value = [{ field: "form", code: "followUp.job.timedOut" }];
				return;
			}
			patchDraft(d => ({ ...d, pendingJob: null, attempt: null })); // a new try needs a new key: the old one replays the failed job
			const code =
				result.phase === "killed"
					? "followUp.job.killed"
					: result.phase === "missing"
						? "followUp.job.missing"
						: "followUp.job.failed";
			serverIssues.value = [{ field: "form", code, vars: { details: result.details ?? result.error ?? "—" } }];
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			fail(caught);
		}
	}

	function fail(caught: ApiError): void {
		const d = getDraft();
		batch(() => {
			phase.value = "failed";
			error.value = caught;
			serverIssues.value = followUpErrorIssues(caught, d);
		});
		if (caught.code === "IdempotentRequestError") patchDraft(x => ({ ...x, attempt: null }));
	}

	return {
		source: source as ReadonlySignal<FollowUpSource | null>,
		loadState: loadState as ReadonlySignal<"loading" | "ready" | "failed">,
		loadError: loadError as ReadonlySignal<ApiError | null>,
		draft: draft as ReadonlySignal<FollowUpDraft | null>,
		open: open as ReadonlySignal<boolean>,
		issues,
		status,
		error: error as ReadonlySignal<ApiError | null>,
		job: job as ReadonlySignal<JobOutcome | null>,
		waitingUntil: waitingUntil as ReadonlySignal<number | null>,
		created: created as ReadonlySignal<CreatedFollowUp | null>,
		followUpIds,
		users: users as ReadonlySignal<ReadonlyMap<Id, User>>,
		locales: locales as ReadonlySignal<FollowUpLocale[] | null>,
		/** Ticket fields by id, for naming the custom field values offered for copying (empty until loaded). */
		fields: fields as ReadonlySignal<ReadonlyMap<Id, TicketField>>,
		uploads,
		requesterSearch,

		/** Reads the source ticket and restores a stored draft (resuming a queued job). Never throws for ApiError. */
		async load(): Promise<void> {
			loadState.value = "loading";
			let s: FollowUpSource;
			try {
				s = await readSource();
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				batch(() => {
					loadError.value = caught;
					loadState.value = "failed";
				});
				return;
			}
			const stored = drafts.load(FOLLOW_UP_DRAFT_SECTION, isAnything);
			const restored = stored === undefined ? freshDraft(s) : parseFollowUpDraft(stored, freshDraft(s));
			batch(() => {
				draft.value = restored;
				open.value = stored !== undefined;
				loadError.value = null;
				loadState.value = "ready";
				uploads.restore();
			});
			if (options.listLocales)
				options.listLocales().then(
					l => (locales.value = l),
					ignoreApiError, // without languages the choice is hidden; the account default applies
				);
			void lookUpPeople(s, restored);
			if (restored.customFields.length > 0)
				api.listTicketFields().then(
					list => (fields.value = new Map(list.map(f => [f.id, f]))),
					ignoreApiError, // titles are a nicety: values still show with their field id
				);
			if (restored.pendingJob !== null) void watch(restored.pendingJob, restored.mode, now());
		},

		/** Opens the form (starting the persisted draft). */
		start(): void {
			open.value = true;
			created.value = null;
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
			if (busy() || draft.value === null) return;
			phase.value = "creating";
			batch(() => {
				attempted.value = true;
				serverIssues.value = [];
				error.value = null;
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
			const d = getDraft();
			const blocking = issues.value;
			const request =
				blocking.length === 0 ? buildFollowUpPayload(s, d, { linkedNote: options.linkedNote(s.id) }) : null;
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
				});
				if (result.kind === "created") return finish(result.ticket.id, request.mode);
				const pendingJob: PendingJob = { jobId: result.jobStatus.id, ticketId: result.ticketId, queuedAt: now() };
				patchDraft(x => ({ ...x, pendingJob }));
				job.value = { phase: "queued", done: result.jobStatus.progress, total: result.jobStatus.total };
				await watch(pendingJob, request.mode, pendingJob.queuedAt);
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				fail(caught);
			}
		},

		/** Throws the draft away (and its uploads), closing the form. */
		async discard(): Promise<void> {
			if (busy()) return;
			const s = source.value;
			await uploads.discardAll();
			batch(() => {
				drafts.clear(FOLLOW_UP_DRAFT_SECTION);
				if (s !== null) draft.value = freshDraft(s);
				open.value = false;
				attempted.value = false;
				serverIssues.value = [];
				error.value = null;
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

		/** Stops polling and pending searches. */
		dispose(): void {
			alive = false;
			requesterSearch.dispose();
		},
	};
}

/** The model's public shape. */
export type FollowUpModel = ReturnType<typeof createFollowUpModel>;
