/**
 * The audit history of the open ticket, paged and lazy: nothing is requested until the history is
 * opened. Entries are formatted by `formatAudits` (who, when, which field changed from → to, custom
 * metadata) and shown newest first; author names come from one `show_many` per page.
 */
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { Audit, Id } from "../../platform/api/types";
import { formatAudits } from "./rules/auditFormat";
import type { AuditEntry } from "../../shared/auditTypes";
import type { TicketFieldDef } from "../../shared/customFieldsTypes";
import type { FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";

export type AuditsState = "idle" | "loading" | "ready" | "failed";

export interface AuditsModelOptions {
	api: Pick<ZendeskApi, "listAudits" | "showManyUsers">;
	ticketId: Id;
	/** Every field's definition, for labels (asked for when the history opens, not before). */
	definitions: Pick<FieldDefinitionsCache, "fields">;
}

export interface AuditsModel {
	readonly state: ReadonlySignal<AuditsState>;
	/** Formatted audits, newest first. */
	readonly entries: ReadonlySignal<AuditEntry[]>;
	readonly hasMore: ReadonlySignal<boolean>;
	readonly loadingMore: ReadonlySignal<boolean>;
	readonly error: ReadonlySignal<ApiError | null>;
	/** Loads the first page unless already loaded (call when the history is opened). */
	open(): Promise<void>;
	loadMore(): Promise<void>;
	/** Starts over (e.g. after a save), but only if the history was opened before. */
	reload(): Promise<void>;
}

/** Creates the model. It requests nothing until `open()`. */
export function createAuditsModel({ api, ticketId, definitions }: AuditsModelOptions): AuditsModel {
	const state = signal<AuditsState>("idle");
	const audits = signal<Audit[]>([]);
	const fields = signal<readonly TicketFieldDef[]>([]);
	const names = signal<ReadonlyMap<number, string>>(new Map());
	const cursor = signal<string | null>(null);
	const loadingMore = signal(false);
	const error = signal<ApiError | null>(null);
	let generation = 0;

	const entries = computed(() =>
		formatAudits(audits.value, { fields: fields.value, userNames: names.value }).reverse(),
	);
	const hasMore = computed(() => cursor.value !== null);

	async function fetchPage(from: string | null, replace: boolean): Promise<void> {
		const mine = ++generation;
		const [page, allFields] = await Promise.all([api.listAudits(ticketId, from), definitions.fields().catch(() => [])]);
		if (mine !== generation) return; // a newer reload won
		const unknown = userIds(page.items).filter(id => !names.value.has(id));
		let found: Array<{ id: number; name: string }> = [];
		if (unknown.length > 0) found = await api.showManyUsers(unknown).catch(() => []);
		if (mine !== generation) return;
		batch(() => {
			fields.value = allFields;
			audits.value = replace ? page.items : [...audits.value, ...page.items];
			cursor.value = page.nextCursor;
			if (found.length > 0)
				names.value = new Map([...names.value, ...found.map(user => [user.id, user.name] as const)]);
		});
	}

	async function start(): Promise<void> {
		batch(() => {
			state.value = "loading";
			error.value = null;
		});
		try {
			await fetchPage(null, true);
			state.value = "ready";
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			batch(() => {
				error.value = caught;
				state.value = "failed";
			});
		}
	}

	return {
		state,
		entries,
		hasMore,
		loadingMore,
		error,
		async open() {
			if (state.value === "idle" || state.value === "failed") await start();
		},
		async loadMore() {
			if (cursor.value === null || loadingMore.value || state.value !== "ready") return;
			loadingMore.value = true;
			error.value = null;
			try {
				await fetchPage(cursor.value, false);
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				error.value = caught;
			} finally {
				loadingMore.value = false;
			}
		},
		async reload() {
			if (state.value !== "idle") await start();
		},
	};
}

/** Authors plus users named by user-valued changes (assignee, requester), without the system author (-1). */
function userIds(audits: readonly Audit[]): number[] {
	const ids = new Set<number>();
	for (const audit of audits) {
		if (audit.authorId > 0) ids.add(audit.authorId);
		for (const event of audit.events) {
			if (event.fieldName !== "assignee_id" && event.fieldName !== "requester_id") continue;
			for (const value of [event.value, event.previousValue]) {
				const id = Number(value);
				if (Number.isSafeInteger(id) && id > 0) ids.add(id);
			}
		}
	}
	return [...ids];
}
