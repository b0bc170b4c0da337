/**
 * Ticket field and form definitions, loaded when needed and shared: they rarely change and Zendesk
 * asks clients to cache them ("Consider caching this resource", §7.1). The Fields section needs
 * only the ticket's form with its fields: ONE `ticket_forms/{id}?include=ticket_fields` per form and
 * session. A ticket without a form needs every field and form; the audit history and the follow-up
 * extras need every field, only when they run. One cache lives per panel; with an injected storage
 * (`sessionStorage`) what it loaded is kept under ONE key for the next panels, for `SESSION_TTL_MS`.
 */
import type { ZendeskApi } from "../platform/api/client";
import { isApiError, type ApiErrorKind } from "../platform/api/errors";
import type { Id, TicketField, TicketForm } from "../platform/api/types";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { SESSION_TTL_MS } from "../platform/storage/createSessionValue";
import { isRecord as isObject } from "../shared/isRecord";

/** Definitions the Fields section orders and validates with. `forms` is empty on plans without ticket forms. */
export interface FieldDefinitions {
	fields: TicketField[];
	forms: TicketForm[];
}

/** Options of the cache. */
interface FieldDefinitionsCacheOptions {
	api: Pick<ZendeskApi, "listTicketFields" | "listTicketForms" | "showTicketFormWithFields">;
	/** Where definitions survive a panel reload; memory only when absent. */
	storage?: StorageLike | undefined;
	now?: () => number;
}

/** Session storage key of every stored definition. */
export const FIELD_DEFINITIONS_KEY = "zd-sidebar:fieldDefinitions:v2";

/** Failures of the one-form read after which every field and form are read instead. */
const FALL_BACK_ON: ReadonlySet<ApiErrorKind> = new Set(["not_found", "forbidden", "invalid", "unexpected_response"]);

/** A slot of the store: every field, every form, or one form with its fields (each with its own time). */
type Slot = "fields" | "forms" | `form:${number}`;
type SlotValue<S extends Slot> = S extends "fields"
	? TicketField[]
	: S extends "forms"
		? TicketForm[]
		: { form: TicketForm; fields: TicketField[] };
const formSlot = (id: Id): `form:${number}` => `form:${id}`;

interface Entry {
	at: number;
	value: unknown;
}

/**
 * Creates the cache. Does not load until asked; loads each kind of definition at most once
 * (concurrent callers share one request); failures are not kept.
 */
export function createFieldDefinitionsCache(options: FieldDefinitionsCacheOptions) {
	const { api, storage } = options;
	const now = options.now ?? Date.now;
	const memory = new Map<Slot, Entry>();
	const pending = new Map<Slot, Promise<unknown>>();
	/** Forms this panel could not read with their fields: straight to the fallback next time. */
	const unreadable = new Set<Id>();

	const fresh = (entry: Entry | undefined): entry is Entry =>
		entry !== undefined && now() >= entry.at && now() - entry.at <= SESSION_TTL_MS;
	// The storage is shared with other code: every stored slot is checked before it is trusted.
	function stored(): Record<string, unknown> {
		try {
			const raw = storage?.getItem(FIELD_DEFINITIONS_KEY);
			const parsed: unknown = raw ? JSON.parse(raw) : null;
			return isObject(parsed) && isObject(parsed.slots) ? parsed.slots : {};
		} catch {
			return {};
		}
	}
	/** The slot's value if it is fresh (memory first, then storage), else null. */
	function read<S extends Slot>(slot: S): SlotValue<S> | null {
		const inMemory = memory.get(slot);
		if (fresh(inMemory)) return inMemory.value as never;
		const entry = stored()[slot];
		if (!isEntry(entry) || !fresh(entry) || !isValid(slot, entry.value)) return null;
		memory.set(slot, entry);
		return entry.value as never;
	}
	/** Keeps a value in memory and (best effort) in storage, dropping expired slots. */
	function write(slot: Slot, value: unknown): void {
		const entry = { at: now(), value };
		memory.set(slot, entry);
		if (!storage) return;
		try {
			const slots = Object.fromEntries(Object.entries(stored()).filter(([, kept]) => isEntry(kept) && fresh(kept)));
			storage.setItem(FIELD_DEFINITIONS_KEY, JSON.stringify({ slots: { ...slots, [slot]: entry } }));
		} catch {
			// A full or refused storage only costs a request in the next panel.
		}
	}

	/** The slot's value: known, being loaded, or loaded now (and kept). */
	function once<S extends Slot>(slot: S, load: () => Promise<SlotValue<S>>): Promise<SlotValue<S>> {
		const known = read(slot);
		if (known) return Promise.resolve(known);
		const running = pending.get(slot) as Promise<SlotValue<S>> | undefined;
		if (running) return running;
		const started = load().then(value => {
			write(slot, value);
			return value;
		});
		pending.set(slot, started);
		const done = () => {
			if (pending.get(slot) === started) pending.delete(slot);
		};
		started.then(done, done);
		return started;
	}

	/** Every field (`ticket_fields`, inactive and system ones too): audit labels, follow-up extras. */
	const fields = () => once("fields", () => api.listTicketFields());
	/** Every form (`ticket_forms`); `[]` when the account refuses them (plans without forms). */
	const forms = () =>
		once("forms", () =>
			api.listTicketForms().catch((error: unknown) => {
				if (isApiError(error)) return [];
				throw error;
			}),
		);
	/** Every field and every form (two requests); rejects with the fields request's ApiError. */
	const get = async (): Promise<FieldDefinitions> => {
		const [allFields, allForms] = await Promise.all([fields(), forms()]);
		return { fields: allFields, forms: allForms };
	};

	/**
	 * The fields form `formId` lists and the form (one request per form, none when every field and
	 * form are known); `null` or an unreadable form (404/403/400, no sideload) gives `get()`.
	 */
	async function forForm(formId: Id | null): Promise<FieldDefinitions> {
		if (formId === null) return get();
		const allFields = read("fields");
		const allForms = read("forms");
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
		forForm,
		get,
		fields,
		forms,
		/** The forms among `ids` already loaded, with no request (names not worth one: the history's form changes). */
		knownForms(ids: readonly Id[]): TicketForm[] {
			const all = read("forms") ?? [];
			return ids.flatMap(formId => all.find(form => form.id === formId) ?? read(formSlot(formId))?.form ?? []);
		},
	};
}

/** The cache of one panel. */
export type FieldDefinitionsCache = ReturnType<typeof createFieldDefinitionsCache>;

/** One form's definitions out of every field and form, or null when the form is not among them. */
function narrow(all: FieldDefinitions, formId: Id): FieldDefinitions | null {
	const form = all.forms.find(candidate => candidate.id === formId);
	if (!form) return null;
	if (form.ticketFieldIds.length === 0) return { fields: all.fields, forms: [form] };
	const listed = new Set(form.ticketFieldIds);
	return { fields: all.fields.filter(field => listed.has(field.id)), forms: [form] };
}

function isValid(slot: Slot, value: unknown): boolean {
	if (slot === "fields") return isFieldList(value);
	if (slot === "forms") return Array.isArray(value) && value.every(isStoredForm);
	return isObject(value) && isStoredForm(value.form) && isFieldList(value.fields) && formSlot(value.form.id) === slot;
}

const isFieldList = (value: unknown): boolean => Array.isArray(value) && value.every(isStoredField);

function isEntry(value: unknown): value is Entry {
	return isObject(value) && typeof value.at === "number" && "value" in value;
}

function isStoredField(value: unknown): boolean {
	return (
		isObject(value) &&
		typeof value.id === "number" &&
		typeof value.type === "string" &&
		typeof value.title === "string" &&
		Array.isArray(value.options)
	);
}

function isStoredForm(value: unknown): value is { id: number } {
	return (
		isObject(value) &&
		typeof value.id === "number" &&
		Array.isArray(value.ticketFieldIds) &&
		Array.isArray(value.agentConditions)
	);
}
