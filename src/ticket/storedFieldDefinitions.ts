/**
 * Where the field-definitions cache keeps what it loaded: in memory for the panel's lifetime and, with
 * an injected storage (`sessionStorage`), under ONE key for the next panels of the browser session.
 * Three kinds of slots, each with its own time: every field, every form, and one form with its fields.
 * Every stored slot is checked before it is trusted (the storage is shared with other code) and
 * dropped once older than the TTL. Knows nothing about requests.
 */
import type { Id, TicketField, TicketForm } from "../platform/api/types";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { isRecord as isObject } from "../shared/isRecord";

/** One form and the fields it lists (its `ticketFieldIds` may name fields the agent cannot see). */
export interface FormWithFields {
	form: TicketForm;
	fields: TicketField[];
}

/** A slot name: `fields`, `forms` or `form:<id>`. */
export type DefinitionsSlot = "fields" | "forms" | `form:${number}`;

/** What each slot holds. */
export type SlotValue<S extends DefinitionsSlot> = S extends "fields"
	? TicketField[]
	: S extends "forms"
		? TicketForm[]
		: FormWithFields;

/** The slot of one form. */
export const formSlot = (id: Id): `form:${number}` => `form:${id}`;

/** Session storage key of every stored definition. */
export const FIELD_DEFINITIONS_KEY = "zd-sidebar:fieldDefinitions:v2";

interface Entry {
	at: number;
	value: unknown;
}

/** The slots' reader and writer. */
export interface StoredFieldDefinitions {
	/** The slot's value if it is fresh (memory first, then storage), else null. */
	read<S extends DefinitionsSlot>(slot: S): SlotValue<S> | null;
	/** Keeps a value in memory and (best effort) in storage, dropping expired slots. */
	write<S extends DefinitionsSlot>(slot: S, value: SlotValue<S>): void;
	/** Forgets every slot, in memory and in storage. */
	clear(): void;
}

/** Creates the store. A full or refused storage is not an error: it only costs a request later. */
export function createStoredFieldDefinitions(options: {
	storage?: StorageLike;
	ttlMs: number;
	now: () => number;
}): StoredFieldDefinitions {
	const { storage, ttlMs, now } = options;
	const memory = new Map<DefinitionsSlot, Entry>();
	const fresh = (entry: Entry | undefined): entry is Entry =>
		entry !== undefined && now() >= entry.at && now() - entry.at <= ttlMs;

	function stored(): Record<string, unknown> {
		try {
			const raw = storage?.getItem(FIELD_DEFINITIONS_KEY);
			const parsed: unknown = raw ? JSON.parse(raw) : null;
			return isObject(parsed) && isObject(parsed.slots) ? parsed.slots : {};
		} catch {
			return {};
		}
	}

	return {
		read(slot) {
			const inMemory = memory.get(slot);
			if (fresh(inMemory)) return inMemory.value as never;
			const entry = stored()[slot];
			if (!isEntry(entry) || !fresh(entry) || !isValid(slot, entry.value)) return null;
			memory.set(slot, entry);
			return entry.value as never;
		},
		write(slot, value) {
			const entry = { at: now(), value };
			memory.set(slot, entry);
			if (!storage) return;
			try {
				const slots = Object.fromEntries(Object.entries(stored()).filter(([, kept]) => isEntry(kept) && fresh(kept)));
				storage.setItem(FIELD_DEFINITIONS_KEY, JSON.stringify({ slots: { ...slots, [slot]: entry } }));
			} catch {
				// A full or refused storage only costs a request in the next panel.
			}
		},
		clear() {
			memory.clear();
			try {
				storage?.removeItem(FIELD_DEFINITIONS_KEY);
			} catch {
				// nothing else to forget
			}
		},
	};
}

function isValid(slot: DefinitionsSlot, value: unknown): boolean {
	if (slot === "fields") return Array.isArray(value) && value.every(isStoredField);
	if (slot === "forms") return Array.isArray(value) && value.every(isStoredForm);
	return (
		isObject(value) &&
		isStoredForm(value.form) &&
		Array.isArray(value.fields) &&
		value.fields.every(isStoredField) &&
		`form:${String(value.form.id)}` === slot
	);
}

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
