/**
 * Lookup fields: names for their ids (ONE `show_many` per type for the ids shown together, tickets one by one) and
 * the pickers' searches. An id no longer shown when its batch leaves is not asked for (typing costs one request).
 */
import { signal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError } from "../../platform/api/errors";
import type { Id } from "../../platform/api/types";
import type { FieldId } from "../../shared/customFieldsTypes";
import { userLabel } from "../../shared/userLabel";
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
type LookupOption = { id: Id; label: string };

/** The picker's search of one lookup field: the People pickers' over users, or over organizations. */
export type LookupSearch =
	{ target: "zen:user"; search: PeopleSearch } | { target: "zen:organization"; search: OrganizationSearch };

/** Why an id has no name: no such record, or it could not be read (re-entering the id tries again). */
export type LookupProblem = "missing" | "failed";

export interface LookupModelOptions {
	api: ZendeskApi;
	/** Where the text typed in a lookup's picker is kept (per field, next to the fields' draft); else in memory. */
	drafts?: DraftStore;
	/** Search debounce, and the pause before newly shown ids are named (tests pass 0). */
	debounceMs?: number;
}

/** The lookup helper of one panel. */
export type LookupModel = ReturnType<typeof createLookupModel>;

/** Creates the lookup helper for one panel. */
export function createLookupModel({ api, drafts, debounceMs = SEARCH_DEBOUNCE_MS }: LookupModelOptions) {
	const labels = signal<ReadonlyMap<string, string>>(new Map());
	const problems = signal<ReadonlyMap<string, LookupProblem>>(new Map());
	/** Ids waiting for the batch (with how many fields show each), and ids asked for. */
	const pending = new Map<string, { target: string; id: Id; wanted: number }>();
	const asked = new Set<string>();
	const searches = new Map<FieldId, LookupSearch>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** The pending batch leaves at once (it holds ids the ticket already has). */
	let soon = false;
	let disposed = false;
	const key = (target: string, id: number) => `${target}:${id}`;

	// Users and organizations: every pending id in one call; tickets one by one (see flush).
	const loaders: Record<string, (ids: Id[]) => Promise<LookupOption[]>> = {
		"zen:user": async ids => (await api.showManyUsers(ids)).map(user => ({ id: user.id, label: userLabel(user) })),
		"zen:organization": async ids =>
			(await api.showManyOrganizations(ids)).map(org => ({ id: org.id, label: org.name })),
		"zen:ticket": async ([id]) => {
			const { ticket } = await api.getTicket(id ?? 0);
			return [{ id: ticket.id, label: `#${ticket.id} ${ticket.subject}` }];
		},
	};

	/** Records the labels `found`, and `why` the `unnamed` ids have none. */
	function learn(target: string, found: readonly LookupOption[], unnamed: Id[] = [], why: LookupProblem = "missing") {
		const nextLabels = new Map(labels.value);
		const nextProblems = new Map(problems.value);
		for (const option of found) {
			nextLabels.set(key(target, option.id), option.label);
			nextProblems.delete(key(target, option.id));
		}
		for (const id of unnamed) nextProblems.set(key(target, id), why);
		labels.value = nextLabels;
		problems.value = nextProblems;
	}

	async function load(target: string, ids: Id[]): Promise<void> {
		try {
			const found = await (loaders[target] as (ids: Id[]) => Promise<LookupOption[]>)(ids);
			if (disposed) return;
			const named = new Set(found.map(option => option.id));
			learn(
				target,
				found,
				ids.filter(id => !named.has(id)),
			);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			if (disposed) return;
			const why: LookupProblem = caught.kind === "not_found" ? "missing" : "failed";
			// A failed name may be asked for again (the agent re-enters the id, the field is shown again).
			if (why === "failed") for (const id of ids) asked.delete(key(target, id));
			learn(target, [], ids, why);
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
			if (target !== "zen:ticket") void load(target, ids);
			else for (const id of ids) void load(target, [id]);
		}
	}

	return {
		/** The label of a record, or `null` while unknown (call `resolve`). */
		labelOf: (target: string | null, id: number) => (target ? (labels.value.get(key(target, id)) ?? null) : null),
		/** Why a record that was looked up has no label, or `null`. */
		problemOf(target: string | null, id: number): LookupProblem | null {
			if (!target || labels.value.has(key(target, id))) return null;
			return problems.value.get(key(target, id)) ?? null;
		},
		/**
		 * Asks for the name once: after the pause when `typed`, else at once with the others shown (their names arrive
		 * with the panel and move nothing later). Returns a release for effect clean-ups.
		 */
		resolve(target: string | null, id: number, typed = true): () => void {
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
		/** The picker's search of a user or organization lookup field (created on first use); `null` for others. */
		searchOf(field: { id: FieldId; relationshipTargetType: string | null }): LookupSearch | null {
			const target = field.relationshipTargetType;
			if (target !== "zen:user" && target !== "zen:organization") return null;
			let search = searches.get(field.id);
			if (!search) {
				const options = {
					debounceMs,
					...(drafts ? { keepText: keepTypedText(drafts, "fields", String(field.id)) } : {}),
				};
				search =
					target === "zen:user"
						? { target, search: createPeopleSearch(api, options) }
						: { target, search: createOrganizationSearch(api, options) };
				searches.set(field.id, search);
			}
			return search;
		},
		/** Remembers a picked record's label, so it shows without another request. */
		remember: (target: string, id: number, label: string) => learn(target, [{ id, label }]),
		dispose(): void {
			disposed = true;
			if (timer !== undefined) clearTimeout(timer);
			pending.clear();
			for (const { search } of searches.values()) search.dispose();
		},
	};
}
