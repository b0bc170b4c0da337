/**
 * Ticket field and form definitions, loaded once and shared: they rarely change and Zendesk asks
 * clients to cache them ("Consider caching this resource", §7.1). One cache lives for the app's
 * session (created by the composition root and handed to every model that needs it); with an
 * injected storage (e.g. `sessionStorage`) the definitions are also reused by the next ticket's
 * panel until `ttlMs` has passed.
 */
import type { ZendeskApi } from "../../api/client";
import { isApiError } from "../../api/errors";
import type { TicketField, TicketForm } from "../../api/types";
import type { StorageLike } from "./createDraftStore";

/** What the cache holds. `forms` is empty on plans without ticket forms. */
export interface FieldDefinitions {
	fields: TicketField[];
	forms: TicketForm[];
}

/** Options of the cache. */
export interface FieldDefinitionsCacheOptions {
	api: Pick<ZendeskApi, "listTicketFields" | "listTicketForms">;
	/** Where definitions survive a panel reload; memory only when absent. */
	storage?: StorageLike;
	/** How long stored definitions are trusted. Default 10 minutes. */
	ttlMs?: number;
	now?: () => number;
}

/** Loads definitions at most once; concurrent callers share one request. */
export interface FieldDefinitionsCache {
	/** The definitions; rejects with the ApiError of the fields request (nothing is cached then). */
	get(): Promise<FieldDefinitions>;
	/** Forgets the definitions (e.g. after Zendesk named a field the cache does not know). */
	invalidate(): void;
}

/** Storage key of the shared definitions. */
export const FIELD_DEFINITIONS_KEY = "zd-sidebar:fieldDefinitions:v1";

/** Ten minutes: long enough to spare requests across tickets, short enough to pick up an admin's edit. */
export const DEFAULT_DEFINITIONS_TTL_MS = 10 * 60 * 1000;

/**
 * Creates the cache. A forms request that fails (e.g. 403 on plans without forms) counts as "no
 * forms"; a fields request that fails rejects and is retried on the next `get()`.
 */
export function createFieldDefinitionsCache(options: FieldDefinitionsCacheOptions): FieldDefinitionsCache {
	const ttl = options.ttlMs ?? DEFAULT_DEFINITIONS_TTL_MS;
	const now = options.now ?? Date.now;
	let pending: Promise<FieldDefinitions> | null = null;

	async function load(): Promise<FieldDefinitions> {
		const stored = readStored(options.storage, now(), ttl);
		if (stored) return stored;
		const [fields, forms] = await Promise.all([
			options.api.listTicketFields(),
			options.api.listTicketForms().catch((error: unknown) => {
				if (isApiError(error)) return [];
				throw error;
			}),
		]);
		const definitions = { fields, forms };
		try {
			options.storage?.setItem(FIELD_DEFINITIONS_KEY, JSON.stringify({ at: now(), definitions }));
		} catch {
			// A full or disabled storage only costs a request next time.
		}
		return definitions;
	}

	return {
		get() {
			if (!pending) {
				pending = load();
				pending.catch(() => {
					pending = null;
				});
			}
			return pending;
		},
		invalidate() {
			pending = null;
			try {
				options.storage?.removeItem(FIELD_DEFINITIONS_KEY);
			} catch {
				// nothing else to do
			}
		},
	};
}

function readStored(storage: StorageLike | undefined, now: number, ttl: number): FieldDefinitions | null {
	try {
		const raw = storage?.getItem(FIELD_DEFINITIONS_KEY);
		if (!raw) return null;
		const parsed = JSON.parse(raw) as { at?: unknown; definitions?: { fields?: unknown; forms?: unknown } };
		if (typeof parsed.at !== "number" || now - parsed.at > ttl || now < parsed.at) return null;
		const { fields, forms } = parsed.definitions ?? {};
		if (!Array.isArray(fields) || !Array.isArray(forms)) return null;
		// We wrote it, but storage is shared with other code: check the shape before trusting it.
		if (!fields.every(isStoredField) || !forms.every(isStoredForm)) return null;
		return { fields: fields as TicketField[], forms: forms as TicketForm[] };
	} catch {
		return null;
	}
}

function isStoredField(value: unknown): boolean {
	if (typeof value !== "object" || value === null) return false;
	const field = value as Record<string, unknown>;
	return (
		typeof field.id === "number" &&
		typeof field.type === "string" &&
		typeof field.title === "string" &&
		Array.isArray(field.options)
	);
}

function isStoredForm(value: unknown): boolean {
	if (typeof value !== "object" || value === null) return false;
	const form = value as Record<string, unknown>;
	return typeof form.id === "number" && Array.isArray(form.ticketFieldIds) && Array.isArray(form.agentConditions);
}
