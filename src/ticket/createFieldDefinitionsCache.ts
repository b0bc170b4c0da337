/**
 * Ticket field and form definitions, loaded when needed and shared: they rarely change and Zendesk
 * asks clients to cache them ("Consider caching this resource", §7.1). The Fields section needs only
 * the ticket's form and that form's fields: ONE `ticket_forms/{id}?include=ticket_fields` per form
 * and session. A ticket without a form needs every field and form (the default form, else all active
 * fields by position); the audit history and the follow-up extras need every field, only when they run.
 * One cache lives for a panel (created by the composition root and handed to every model that needs
 * it); with an injected storage (`sessionStorage`) what it loaded is reused by the next panels until
 * `ttlMs` has passed.
 */
import type { ZendeskApi } from "../platform/api/client";
import { isApiError, type ApiErrorKind } from "../platform/api/errors";
import type { Id, TicketField, TicketForm } from "../platform/api/types";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { createStoredFieldDefinitions, formSlot, type DefinitionsSlot, type SlotValue } from "./storedFieldDefinitions";

export { FIELD_DEFINITIONS_KEY } from "./storedFieldDefinitions";

/** Definitions the Fields section orders and validates with. `forms` is empty on plans without ticket forms. */
export interface FieldDefinitions {
	fields: TicketField[];
	forms: TicketForm[];
}

/** Options of the cache. */
export interface FieldDefinitionsCacheOptions {
	api: Pick<ZendeskApi, "listTicketFields" | "listTicketForms" | "showTicketFormWithFields">;
	/** Where definitions survive a panel reload; memory only when absent. */
	storage?: StorageLike;
	/** How long stored definitions are trusted. Default 10 minutes. */
	ttlMs?: number;
	now?: () => number;
}

/** Loads each kind of definition at most once; concurrent callers share one request. Failures are not kept. */
export interface FieldDefinitionsCache {
	/**
	 * What a ticket on form `formId` needs: `{ fields: the fields the form lists, forms: [the form] }`,
	 * in one request per form, or from every field and form when those are already known. `null` (no
	 * form) gives `get()`. When the form cannot be read with its fields (404/403, an answer without
	 * the sideload, a 400) it falls back to `get()`; other failures reject.
	 */
	forForm(formId: Id | null): Promise<FieldDefinitions>;
	/** Every field and every form (two requests); rejects with the fields request's ApiError. */
	get(): Promise<FieldDefinitions>;
	/** Every field (`ticket_fields`, inactive and system ones too): audit labels, follow-up extras. */
	fields(): Promise<TicketField[]>;
	/** Every form (`ticket_forms`); `[]` when the account refuses them (plans without forms). */
	forms(): Promise<TicketForm[]>;
	/**
	 * The forms among `ids` that are already loaded (every form, or one read with its fields), with
	 * no request: for names where loading them is not worth a request (the history's form changes).
	 */
	knownForms(ids: readonly Id[]): TicketForm[];
	/** Forgets everything (e.g. after Zendesk named a field the cache does not know). */
	invalidate(): void;
}

/** Ten minutes: long enough to spare requests across tickets, short enough to pick up an admin's edit. */
export const DEFAULT_DEFINITIONS_TTL_MS = 10 * 60 * 1000;

/** Failures of the one-form read after which every field and form are read instead. */
const FALL_BACK_ON: ReadonlySet<ApiErrorKind> = new Set(["not_found", "forbidden", "invalid", "unexpected_response"]);

/** Creates the cache. Does not load until asked. */
export function createFieldDefinitionsCache(options: FieldDefinitionsCacheOptions): FieldDefinitionsCache {
	const { api } = options;
	const store = createStoredFieldDefinitions({
		...(options.storage ? { storage: options.storage } : {}),
		ttlMs: options.ttlMs ?? DEFAULT_DEFINITIONS_TTL_MS,
		now: options.now ?? Date.now,
	});
	const pending = new Map<DefinitionsSlot, Promise<unknown>>();
	/** Forms this panel could not read with their fields: straight to the fallback next time. */
	const unreadable = new Set<Id>();
	let generation = 0;

	/** The slot's value: known, being loaded, or loaded now (and kept unless forgotten meanwhile). */
	function once<S extends DefinitionsSlot>(slot: S, load: () => Promise<SlotValue<S>>): Promise<SlotValue<S>> {
		const known = store.read(slot);
		if (known) return Promise.resolve(known);
		const running = pending.get(slot) as Promise<SlotValue<S>> | undefined;
		if (running) return running;
		const mine = generation;
		const started = load().then(value => {
			if (mine === generation) store.write(slot, value);
			return value;
		});
		pending.set(slot, started);
		const done = () => {
			if (pending.get(slot) === started) pending.delete(slot);
		};
		started.then(done, done);
		return started;
	}

	const fields = () => once("fields", () => api.listTicketFields());
	const forms = () =>
		once("forms", () =>
			api.listTicketForms().catch((error: unknown) => {
				if (isApiError(error)) return [];
				throw error;
			}),
		);
	const get = async (): Promise<FieldDefinitions> => {
		const [allFields, allForms] = await Promise.all([fields(), forms()]);
		return { fields: allFields, forms: allForms };
	};

	async function forForm(formId: Id): Promise<FieldDefinitions> {
		const allFields = store.read("fields");
		const allForms = store.read("forms");
		const derived = allFields && allForms ? narrow({ fields: allFields, forms: allForms }, formId) : null;
		if (derived) return derived;
		if (unreadable.has(formId)) return fallBack(formId);
		try {
			const { form, fields: listed } = await once(formSlot(formId), () => api.showTicketFormWithFields(formId));
			// A form listing no fields shows every active field (fieldOrder.ts): that needs them all.
			return { fields: form.ticketFieldIds.length > 0 ? listed : await fields(), forms: [form] };
		} catch (caught) {
			if (!isApiError(caught) || !FALL_BACK_ON.has(caught.kind)) throw caught;
			unreadable.add(formId);
			return fallBack(formId);
		}
	}

	async function fallBack(formId: Id): Promise<FieldDefinitions> {
		const all = await get();
		return narrow(all, formId) ?? all;
	}

	return {
		forForm: formId => (formId === null ? get() : forForm(formId)),
		get,
		fields,
		forms,
		knownForms(ids) {
			const all = store.read("forms") ?? [];
			return ids.flatMap(formId => all.find(form => form.id === formId) ?? store.read(formSlot(formId))?.form ?? []);
		},
		invalidate() {
			generation++;
			pending.clear();
			unreadable.clear();
			store.clear();
		},
	};
}

/** One form's definitions out of every field and form, or null when the form is not among them. */
function narrow(all: FieldDefinitions, formId: Id): FieldDefinitions | null {
	const form = all.forms.find(candidate => candidate.id === formId);
	if (!form) return null;
	if (form.ticketFieldIds.length === 0) return { fields: all.fields, forms: [form] };
	const listed = new Set(form.ticketFieldIds);
	return { fields: all.fields.filter(field => listed.has(field.id)), forms: [form] };
}
