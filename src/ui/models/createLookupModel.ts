/**
 * Lookup fields (`relationship_target_type`): names for the ids they hold, and a user search for
 * `zen:user` lookups (search-as-you-type, as the requester picker does). Tickets are found by id
 * (their subject is shown); organizations have no search endpoint in this app and are entered by id.
 * Failures only leave a label empty; nothing here blocks editing.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../api/client";
import { isApiError } from "../../api/errors";
import type { FieldId } from "../../domain/customFieldsTypes";
import { userLabel } from "../../domain/userLabel";
import { createRequesterSearch, type RequesterSearch } from "./createRequesterSearch";

export interface LookupModelOptions {
	api: Pick<ZendeskApi, "searchUsers" | "showManyUsers" | "getTicket">;
	/** Search debounce (tests pass 0). */
	debounceMs?: number;
}

export interface LookupModel {
	/** Known labels by `target:id` (e.g. `zen:user:1003` → `Maria González <maria@example.com>`). */
	readonly labels: ReadonlySignal<ReadonlyMap<string, string>>;
	/** The label of a record, or `null` while unknown (call `resolve`). */
	labelOf(target: string | null, id: number): string | null;
	/** Looks the record up once (users and tickets); later calls for the same record do nothing. */
	resolve(target: string | null, id: number): void;
	/** The user search of one `zen:user` lookup field (created on first use). */
	userSearch(fieldId: FieldId): RequesterSearch;
	/** Remembers a picked user's label, so it shows without another request. */
	remember(target: string, id: number, label: string): void;
	dispose(): void;
}

/** Creates the lookup helper for one panel. */
export function createLookupModel({ api, debounceMs }: LookupModelOptions): LookupModel {
	const labels = signal<ReadonlyMap<string, string>>(new Map());
	const asked = new Set<string>();
	const searches = new Map<FieldId, RequesterSearch>();
	const key = (target: string, id: number) => `${target}:${id}`;
	const remember = (target: string, id: number, label: string) => {
		labels.value = new Map([...labels.value, [key(target, id), label]]);
	};

	async function fetchLabel(target: string, id: number): Promise<void> {
		try {
			if (target === "zen:user") {
				const [user] = await api.showManyUsers([id]);
				if (user) remember(target, id, userLabel(user));
			} else if (target === "zen:ticket") {
				const { ticket } = await api.getTicket(id);
				remember(target, id, `#${ticket.id} ${ticket.subject}`);
			}
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
		}
	}

	return {
		labels,
		labelOf: (target, id) => (target ? (labels.value.get(key(target, id)) ?? null) : null),
		resolve(target, id) {
			if (!target || !Number.isSafeInteger(id) || id <= 0 || asked.has(key(target, id))) return;
			asked.add(key(target, id));
			void fetchLabel(target, id);
		},
		userSearch(fieldId) {
			let search = searches.get(fieldId);
			if (!search) {
				search = createRequesterSearch({
					search: text => api.searchUsers(text),
					...(debounceMs === undefined ? {} : { debounceMs }),
				});
				searches.set(fieldId, search);
			}
			return search;
		},
		remember,
		dispose() {
			for (const search of searches.values()) search.dispose();
		},
	};
}
