/**
 * The people section's model: loads the ticket's CCs and followers (one request, users sideloaded)
 * and the account's mode, keeps the agent's staged changes (persisted per agent and ticket, so a
 * panel reload keeps them), validates them, and applies them in ONE safe update through the shared
 * ticket writer, together with the ticket's pending audit metadata (the shared metadata model:
 * cleared only when Zendesk created an audit; invalid or oversize metadata blocks the apply). On a
 * 409 it re-reads, rebases the intent and retries once when that is unambiguous; on
 * `ticket.updated` it refreshes and rebases. It never sends a comment, and never drops staged
 * changes on an error.
 */
import { watchTicketChanges } from "../../ticket/watchTicketChanges";
import { computed, effect, signal, type ReadonlySignal } from "@preact/signals";
import { isApiError, type ApiError } from "../../platform/api/errors";
import { diffPeople, isPatchEmpty } from "./rules/ccDiff";
import { issuesFromErrorDetails } from "../fields/rules/customFieldsErrors";
import type { Issue } from "../../shared/issues";
import { choosePeopleMode, peopleRules } from "./rules/peopleMode";
import { rebasePeople, type ExternalChange, type RebaseNote } from "./rules/peopleRebase";
import { summarizePeople, type PeopleSummary, type SummaryLine } from "./rules/peopleSummary";
import type {
	CurrentPeople,
	Id,
	PeopleList,
	PeopleRules,
	PersonRef,
	PersonUser,
	StagedPeople,
} from "../../shared/peopleTypes";
import { validateCandidate, validateStaged } from "./rules/peopleValidation";
import { unappliedChanges, type UnappliedChange } from "./rules/peopleVerify";
import { EMPTY_STAGED, parseStaged, stageAdd, stageRemove, unstage } from "./rules/stagedPeople";
import type { ZafPort } from "../../platform/zaf/port";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import { createRequesterSearch, type RequesterSearch } from "../../ui/createRequesterSearch";
import { createTicketWriter } from "../../ticket/createTicketWriter";
import type { TicketWriteLane } from "../../ticket/createTicketWriteLane";
import { peopleAfterWrite, readPeople, type PeopleApi } from "./peopleSnapshot";
import { attachPeopleMetadata, createPeopleSavePlan, type PeoplePayload } from "./peopleSavePlan";
import { toPeopleUpdateInput } from "./peopleUpdateInput";

/** The draft-store section the staged changes live in. */
export const PEOPLE_DRAFT_SECTION = "people";

/** Dependencies of the people model. */
export interface PeopleModelOptions {
	api: PeopleApi;
	zaf: Pick<ZafPort, "on">;
	ticketId: Id;
	/** Per agent + ticket storage of the staged changes. */
	drafts: DraftStore;
	/** Debounce of the pickers' search (default: the shared search's). */
	searchDebounceMs?: number;
	/** The ticket's shared write lane (serialises writes with the other sections). */
	lane?: TicketWriteLane;
	/** The ticket's shared pending audit metadata, attached to the apply (absent: none is sent). */
	metadata?: Pick<MetadataModel, "attach" | "saved" | "setRemoteIssues"> | null;
}

/** The form-level issue shown when the pending metadata stops an apply (the metadata section says why). */
export const METADATA_BLOCKED: Issue = { field: "form", code: "people.issues.metadataBlocked" };

/** What a write answers: the people, and the audit Zendesk created (`null`: none, the update changed nothing). */
type PeopleWritten = CurrentPeople & { audit?: { id: number } | null };

/** Where loading is. */
export type PeopleLoadState = "loading" | "ready" | "failed";

/** The people model: state as signals, and actions. */
export interface PeopleModel {
	readonly state: ReadonlySignal<PeopleLoadState>;
	readonly current: ReadonlySignal<CurrentPeople | undefined>;
	readonly rules: ReadonlySignal<PeopleRules>;
	readonly staged: ReadonlySignal<StagedPeople>;
	readonly summary: ReadonlySignal<PeopleSummary | undefined>;
	/**
	 * Problems of the last rejected addition, per list, then of the staged set, then (`form`) the
	 * pending metadata blocking the last apply; render next to the list.
	 */
	readonly issues: ReadonlySignal<Issue[]>;
	/** What happened on a refresh or conflict (someone else already added X, the cap, ...). */
	readonly notes: ReadonlySignal<RebaseNote[]>;
	/** What someone else changed meanwhile (shown with the notes). */
	readonly external: ReadonlySignal<ExternalChange[]>;
	/** Sent changes Zendesk did not reflect (e.g. a user deleted meanwhile). */
	readonly unapplied: ReadonlySignal<UnappliedChange[]>;
	/** What the last successful apply changed (for a confirmation). */
	readonly applied: ReadonlySignal<SummaryLine[] | null>;
	/** The last remote failure (load or apply); staged changes are kept. */
	readonly error: ReadonlySignal<ApiError | null>;
	readonly applying: ReadonlySignal<boolean>;
	/** True when there is something to send and the staged set has no issues. */
	readonly canApply: ReadonlySignal<boolean>;
	/** Search as you type for each picker (debounced, stale answers dropped). */
	readonly searches: Readonly<Record<PeopleList, RequesterSearch>>;
	/** Loads settings and people, restores staged changes. Safe to call again (retry). */
	load(): Promise<void>;
	/** Validates and stages an addition; returns false (and sets `issues`) when refused. */
	add(list: PeopleList, person: PersonRef): boolean;
	/** Stages a removal (or cancels a staged addition of that person). */
	remove(list: PeopleList, person: PersonRef): void;
	/** Drops whatever is staged about that person on that list. */
	undo(list: PeopleList, person: PersonRef): void;
	/** Clears the issues of a rejected addition (e.g. when the agent types again). */
	clearCandidateIssues(): void;
	/** Drops every staged change. */
	discard(): void;
	/** Sends the staged changes in one safe update. Never rejects for an ApiError (see `error`). */
	apply(): Promise<void>;
	/** Re-reads the ticket and rebases the staged changes on it. Never rejects for an ApiError. */
	refresh(): Promise<void>;
	dispose(): void;
}

/** Builds the model. Call `load()` once mounted. */
export function createPeopleModel(options: PeopleModelOptions): PeopleModel {
	const { api, ticketId, drafts } = options;
	const state = signal<PeopleLoadState>("loading");
	const current = signal<CurrentPeople | undefined>(undefined);
	const rules = signal<PeopleRules>({ lightAgentEmailCcsAllowed: false });
	const staged = signal<StagedPeople>(EMPTY_STAGED);
	const candidateIssues = signal<Issue[]>([]);
	const metadataIssues = signal<Issue[]>([]);
	const notes = signal<RebaseNote[]>([]);
	const external = signal<ExternalChange[]>([]);
	const unapplied = signal<UnappliedChange[]>([]);
	const applied = signal<SummaryLine[] | null>(null);
	const error = signal<ApiError | null>(null);
	const applying = signal(false);
	const searchOptions = {
		search: (text: string) => searchPeople(api, text),
		...(options.searchDebounceMs === undefined ? {} : { debounceMs: options.searchDebounceMs }),
	};
	const searches = { ccs: createRequesterSearch(searchOptions), followers: createRequesterSearch(searchOptions) };
	let restored = false;
	let disposed = false;
	let refreshSeq = 0;

	const writer = createTicketWriter<PeopleWritten, PeoplePayload>({
		load: () => readPeople(api, ticketId, requireCurrent().mode),
		async send(payload, stamp) {
			const input = toPeopleUpdateInput(payload.patch, stamp, payload.metadata);
			const { ticket, audit } = await api.updateTicket(ticketId, input);
			const people = await peopleAfterWrite(api, ticket, payload.base, stagedUsers({ changes: payload.changes }));
			return { ...people, audit: audit ? { id: audit.id } : null };
		},
		...(options.lane ? { lane: options.lane } : {}),
	});

	const summary = computed(() => (current.value ? summarizePeople(current.value, staged.value) : undefined));
	const stagedIssues = computed(() => {
		const now = current.value;
		return now ? validateStaged({ current: now, staged: staged.value, rules: rules.value }) : [];
	});
	const issues = computed(() => [...candidateIssues.value, ...stagedIssues.value, ...metadataIssues.value]);
	const canApply = computed(
		() => !applying.value && (summary.value?.pending ?? 0) > 0 && stagedIssues.value.length === 0,
	);

	// Persist every change of the staged set (after restore, so an early empty value never wipes a draft).
	const stopPersist = effect(() => {
		const value = staged.value;
		if (!restored) return;
		if (value.changes.length === 0) drafts.clear(PEOPLE_DRAFT_SECTION);
		else drafts.save(PEOPLE_DRAFT_SECTION, value);
	});

	// A change that lands while we apply is picked up once the apply is over (the panel never stays stale).
	const changes = watchTicketChanges(options.zaf, applying, () => void refresh());

	function requireCurrent(): CurrentPeople {
		const now = current.value;
		if (now === undefined) throw new Error("[zd-sidebar] people model used before load");
		return now;
	}

	function setCurrent(next: PeopleWritten): void {
		// The audit belongs to the write, not to the people: keep `current` a plain CurrentPeople.
		const { audit: _audit, ...people } = next;
		current.value = people;
		writer.observe(people);
	}

	async function load(): Promise<void> {
		state.value = "loading";
		error.value = null;
		try {
			const settings = await api.getAccountSettings();
			rules.value = peopleRules(settings);
			const fresh = await readPeople(api, ticketId, choosePeopleMode(settings));
			if (disposed) return;
			setCurrent(fresh);
			if (!restored) {
				const saved = drafts.load(PEOPLE_DRAFT_SECTION, (value): value is unknown => parseStaged(value) !== null);
				const parsed = saved === undefined ? null : parseStaged(saved);
				restored = true;
				if (parsed !== null && parsed.changes.length > 0) {
					// Staged against an older read: re-apply on the fresh one and say what became a no-op.
					const result = rebasePeople(parsed, fresh, fresh);
					notes.value = result.notes;
					staged.value = result.staged;
				}
			}
			state.value = "ready";
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			error.value = caught;
			state.value = "failed";
		}
	}

	async function refresh(): Promise<void> {
		const before = current.value;
		if (before === undefined || applying.value || disposed) return;
		const mine = ++refreshSeq;
		try {
			const fresh = await readPeople(api, ticketId, before.mode);
			// A newer refresh or an apply may have landed meanwhile: never go back to older data.
			if (mine !== refreshSeq || applying.value || disposed || current.value !== before) return;
			if (fresh.updatedAt === before.updatedAt && sameIds(fresh, before)) return;
			const editing = staged.value.changes.length > 0;
			const result = rebasePeople(staged.value, before, fresh);
			setCurrent(fresh);
			staged.value = result.staged;
			// Without staged changes the lists simply update; "while you were editing" would be noise.
			notes.value = editing ? result.notes : [];
			external.value = editing ? result.external : [];
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (mine === refreshSeq) error.value = caught;
		}
	}

	async function apply(): Promise<void> {
		const base = current.value;
		if (base === undefined || applying.value) return;
		const intent = staged.value;
		if (validateStaged({ current: base, staged: intent, rules: rules.value }).length > 0) return;
		metadataIssues.value = [];
		// Invalid or oversize metadata stops the apply before it waits in the lane (the plan checks again).
		const metadata = options.metadata ?? undefined;
		const patch = diffPeople(base, intent);
		if (!isPatchEmpty(patch) && !attachPeopleMetadata(metadata, patch, base.updatedAt).ok) {
			metadataIssues.value = [METADATA_BLOCKED];
			return;
		}
		applying.value = true;
		error.value = null;
		applied.value = null;
		unapplied.value = [];
		const planner = createPeopleSavePlan(intent, base, rules.value, metadata);
		try {
			const outcome = await writer.save(planner.plan);
			setCurrent(outcome.snapshot);
			notes.value = planner.notes;
			external.value = planner.external;
			if (outcome.kind === "ask") {
				if (planner.metadataIssues !== null) metadataIssues.value = [METADATA_BLOCKED];
				staged.value = outcome.conflicts;
				return;
			}
			const sent = planner.sent;
			if (outcome.kind === "saved" && sent !== null) {
				applied.value = summarizePeople(sent.base, { changes: sent.changes }).lines;
				unapplied.value = unappliedChanges(sent.changes, outcome.snapshot);
				// Clears the agent's rows only when Zendesk created an audit to hold the metadata.
				if (sent.metadata !== undefined) metadata?.saved(outcome.snapshot.audit ?? null);
			}
			staged.value = EMPTY_STAGED;
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			error.value = caught;
			notes.value = planner.notes;
			// Zendesk's refusal of the metadata itself (422 details) shows in the metadata editor too.
			if (caught.kind === "invalid" && planner.sent?.metadata !== undefined)
				metadata?.setRemoteIssues(issuesFromErrorDetails(caught.details, []).filter(i => i.field === "metadata"));
		} finally {
			applying.value = false;
			changes.afterBusy();
		}
	}

	function add(list: PeopleList, person: PersonRef): boolean {
		const now = current.value;
		if (now === undefined) return false;
		const found = validateCandidate({ current: now, staged: staged.value, rules: rules.value }, list, person);
		candidateIssues.value = found;
		metadataIssues.value = [];
		if (found.length > 0) return false;
		staged.value = stageAdd(staged.value, list, person);
		applied.value = null;
		return true;
	}

	return {
		state,
		current,
		rules,
		staged,
		summary,
		issues,
		notes,
		external,
		unapplied,
		applied,
		error,
		applying,
		canApply,
		searches,
		load,
		add,
		remove(list, person) {
			candidateIssues.value = [];
			metadataIssues.value = [];
			applied.value = null;
			staged.value = stageRemove(staged.value, list, person);
		},
		undo(list, person) {
			metadataIssues.value = [];
			staged.value = unstage(staged.value, list, person);
		},
		clearCandidateIssues() {
			if (candidateIssues.value.length > 0) candidateIssues.value = [];
		},
		discard() {
			candidateIssues.value = [];
			metadataIssues.value = [];
			notes.value = [];
			staged.value = EMPTY_STAGED;
		},
		apply,
		refresh,
		dispose() {
			disposed = true;
			searches.ccs.dispose();
			searches.followers.dispose();
			changes.stop();
			stopPersist();
		},
	};
}

/** Text that can only be (the start of) a name: letters, marks, spaces, apostrophes and hyphens. */
const NAME_LIKE = /^[\p{L}\p{M}\s'’-]+$/u;

/**
 * Picker search: a name through `users/autocomplete`, Zendesk's name-prefix endpoint for typeahead;
 * anything else (an email, part of one, digits) through `users/search`, which matches emails too.
 */
export function searchPeople(api: Pick<PeopleApi, "searchUsers" | "autocompleteUsers">, text: string) {
	return NAME_LIKE.test(text) ? api.autocompleteUsers(text) : api.searchUsers(text);
}

function stagedUsers(staged: StagedPeople): PersonUser[] {
	return staged.changes.flatMap(change => (change.person.kind === "user" ? [change.person.user] : []));
}

function sameIds(a: CurrentPeople, b: CurrentPeople): boolean {
	const ids = (people: CurrentPeople) => [...people.ccs, ...people.followers].map(user => user.id).join(",");
	return ids(a) === ids(b) && a.requesterId === b.requesterId;
}
