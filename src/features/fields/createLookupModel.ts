/**
 * Lookup fields (`relationship_target_type`): names for the ids they hold, and a search for user
 * and organization lookups (the searches of the shared people picker). The ids shown at one time are
 * named together: ONE `show_many` per type for users and organizations, however many fields
 * point to them; tickets are read one by one (their subject is shown). An id no longer shown
 * before its batch leaves is not asked for, so typing an id costs one request after the pause.
 * Failures only leave a short note; nothing here blocks editing, and nothing is cached beyond
 * the panel.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError } from "../../platform/api/errors";
import type { Id } from "../../platform/api/types";
import type { FieldId } from "../../shared/customFieldsTypes";
import { userLabel } from "../../shared/userLabel";
import { FIELDS_DRAFT_SECTION } from "../../shared/draftSections";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import { keepTypedText } from "../../platform/storage/keepTypedText";
import { SEARCH_DEBOUNCE_MS } from "../../ui/createPeopleSearch";
import {
	createOrganizationSearch,
	createPeopleSearch,
	type OrganizationSearch,
	type PeopleSearch,
} from "../../ui/createPeopleSearch";

/** A record's id and the line shown for it. */
interface LookupOption {
	id: Id;
	label: string;
}

/** The picker's search of one lookup field: the People pickers' over users, or over organizations. */
export type LookupSearch =
	{ target: "zen:user"; search: PeopleSearch } | { target: "zen:organization"; search: OrganizationSearch };

/** Why an id has no name: no such record, or the name could not be read (try again by re-entering it). */
export type LookupProblem = "missing" | "failed";

export interface LookupModelOptions {
	api: Pick<
		ZendeskApi,
		| "searchUsers"
		| "autocompleteUsers"
		| "showManyUsers"
		| "getTicket"
		| "showManyOrganizations"
		| "autocompleteOrganizations"
	>;
	/** Where the text typed in a lookup's picker is kept (per field, next to the fields' draft); without it, in memory only. */
	drafts?: DraftStore;
	/** Search debounce, and the pause before the names of newly shown ids are asked for (tests pass 0). */
	debounceMs?: number;
}

export interface LookupModel {
	/** Known labels by `target:id` (e.g. `zen:organization:9004` → `Brightline Office Supplies`). */
	readonly labels: ReadonlySignal<ReadonlyMap<string, string>>;
	/** The label of a record, or `null` while unknown (call `resolve`). */
	labelOf(target: string | null, id: number): string | null;
	/** Why a record that was looked up has no label, or `null`. */
	problemOf(target: string | null, id: number): LookupProblem | null;
	/**
	 * Asks for the record's name once (users, organizations, tickets), with the other ids asked for
	 * within the pause. `typed` (the default) is an id the agent is typing: it waits for the pause; an
	 * id the ticket already holds is asked for at once, together with the others shown with it, so
	 * the names of the ticket's values arrive with the panel and do not move it later. Returns a
	 * release for effect clean-ups: when no one shows the id any more before the request leaves, it
	 * is not asked for.
	 */
	resolve(target: string | null, id: number, typed?: boolean): () => void;
	/** The picker's search of one user or organization lookup field (created on first use); `null` for other targets. */
	searchOf(field: { id: FieldId; relationshipTargetType: string | null }): LookupSearch | null;
	/** Remembers a picked record's label, so it shows without another request. */
	remember(target: string, id: number, label: string): void;
	dispose(): void;
}

/** What one target's names are read with. `batch`: every pending id in one call. */
interface Loader {
	batch: boolean;
	load(ids: Id[]): Promise<LookupOption[]>;
}

/** Creates the lookup helper for one panel. */
export function createLookupModel({ api, drafts, debounceMs = SEARCH_DEBOUNCE_MS }: LookupModelOptions): LookupModel {
	const labels = signal<ReadonlyMap<string, string>>(new Map());
	const problems = signal<ReadonlyMap<string, LookupProblem>>(new Map());
	/** Bookkeeping: `pending` (waiting for the batch, with how many fields show it), `asked`, `done`. */
	const pending = new Map<string, { target: string; id: Id; wanted: number }>();
	const asked = new Set<string>();
	const searches = new Map<FieldId, LookupSearch>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** The pending batch leaves at once (it holds ids the ticket already has). */
	let soon = false;
	let disposed = false;
	const key = (target: string, id: number) => `${target}:${id}`;

	const loaders: Record<string, Loader> = {
		"zen:user": {
			batch: true,
			load: async ids => (await api.showManyUsers(ids)).map(user => ({ id: user.id, label: userLabel(user) })),
		},
		"zen:organization": {
			batch: true,
			load: async ids => (await api.showManyOrganizations(ids)).map(org => ({ id: org.id, label: org.name })),
		},
		"zen:ticket": {
			batch: false,
			load: async ([id]) => {
				const { ticket } = await api.getTicket(id ?? 0);
				return [{ id: ticket.id, label: `#${ticket.id} ${ticket.subject}` }];
			},
		},
	};

	function learn(target: string, found: readonly LookupOption[], problem: Array<[Id, LookupProblem]>): void {
		const nextLabels = new Map(labels.value);
		const nextProblems = new Map(problems.value);
		for (const option of found) {
			nextLabels.set(key(target, option.id), option.label);
			nextProblems.delete(key(target, option.id));
		}
		for (const [id, why] of problem) nextProblems.set(key(target, id), why);
		labels.value = nextLabels;
		problems.value = nextProblems;
	}

	async function load(target: string, loader: Loader, ids: Id[]): Promise<void> {
		try {
			const found = await loader.load(ids);
			if (disposed) return;
			const named = new Set(found.map(option => option.id));
			learn(
				target,
				found,
				ids.filter(id => !named.has(id)).map(id => [id, "missing"]),
			);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (disposed) return;
			const why: LookupProblem = caught.kind === "not_found" ? "missing" : "failed";
			// A failed name may be asked for again (the agent re-enters the id, the field is shown again).
			if (why === "failed") for (const id of ids) asked.delete(key(target, id));
			learn(
				target,
				[],
				ids.map(id => [id, why]),
			);
		}
	}

	function flush(): void {
		timer = undefined;
		soon = false;
		const byTarget = new Map<string, Id[]>();
		for (const [k, { target, id }] of pending) {
			asked.add(k);
			byTarget.set(target, [...(byTarget.get(target) ?? []), id]);
		}
		pending.clear();
		for (const [target, ids] of byTarget) {
			const loader = loaders[target];
			if (!loader) continue;
			if (loader.batch) void load(target, loader, ids);
			else for (const id of ids) void load(target, loader, [id]);
		}
	}

	const remember = (target: string, id: number, label: string) => learn(target, [{ id, label }], []);

	return {
		labels,
		labelOf: (target, id) => (target ? (labels.value.get(key(target, id)) ?? null) : null),
		problemOf(target, id) {
			if (!target || labels.value.has(key(target, id))) return null;
			return problems.value.get(key(target, id)) ?? null;
		},
		resolve(target, id, typed = true) {
			const k = target ? key(target, id) : "";
			if (!target || !loaders[target] || !Number.isSafeInteger(id) || id <= 0) return () => undefined;
			if (disposed || asked.has(k) || labels.value.has(k)) return () => undefined;
			const entry = pending.get(k) ?? { target, id, wanted: 0 };
			entry.wanted++;
			pending.set(k, entry);
			// Typing restarts the pause, unless ids the ticket holds are already due at once.
			if (!typed || !soon) {
				if (timer !== undefined) clearTimeout(timer);
				soon = !typed;
				timer = setTimeout(flush, typed ? debounceMs : 0);
			}
			let released = false;
			return () => {
				if (released || pending.get(k) !== entry) return;
				released = true;
				if (--entry.wanted === 0) pending.delete(k);
			};
		},
		searchOf(field) {
			const target = field.relationshipTargetType;
			if (target !== "zen:user" && target !== "zen:organization") return null;
			let search = searches.get(field.id);
			if (!search) {
				const options = {
					debounceMs,
					...(drafts ? { keepText: keepTypedText(drafts, FIELDS_DRAFT_SECTION, String(field.id)) } : {}),
				};
				search =
					target === "zen:user"
						? { target, search: createPeopleSearch(api, options) }
						: { target, search: createOrganizationSearch(api, options) };
				searches.set(field.id, search);
			}
			return search;
		},
		remember,
		dispose() {
			disposed = true;
			if (timer !== undefined) clearTimeout(timer);
			pending.clear();
			for (const { search } of searches.values()) search.dispose();
		},
	};
}
