/** The custom-fields model's public shape, implemented by `createFieldsModel`. */
import type { ReadonlySignal } from "@preact/signals";
import type { ApiError } from "../../platform/api/errors";
import type { FieldDraftValue, FieldId, FieldValue } from "../../shared/customFieldsTypes";
import type { Issue } from "../../shared/issues";
import type { FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { CoerceOptions } from "../../shared/fieldCoercion";
import type { FieldDrafts } from "./rules/customFieldsDrafts";
import type { ShownField } from "./rules/fieldOrder";

export type FieldsLoadState = "loading" | "ready" | "failed";

/** The result of the last save, for a short confirmation. */
export type FieldsSaveResult = "saved" | "nothing" | "conflict" | "invalid" | "failed" | null;

export interface FieldsModelOptions {
	/** The open ticket: its snapshot, and the writer every save goes through. */
	ticket: TicketStore;
	drafts: DraftStore;
	/** The shared definitions: the model asks for the ticket's form (`ticket_form_id`) only. */
	definitions: Pick<FieldDefinitionsCache, "forForm">;
	/** The ticket's pending metadata: told when a save has nothing to change (Zendesk would store nothing). */
	metadata: Pick<MetadataModel, "attach">;
	/** Locale parsing choices (`decimalComma` for de/fr). */
	coerce?: CoerceOptions;
}

export interface FieldsModel {
	readonly state: ReadonlySignal<FieldsLoadState>;
	/** The fields to show, in form order, with editability and the required-on-solve marker. */
	readonly shown: ReadonlySignal<ShownField[]>;
	readonly drafts: ReadonlySignal<FieldDrafts>;
	readonly dirty: ReadonlySignal<boolean>;
	/** Blocking problems to show: of touched fields, every field after a save attempt, and Zendesk's 422. */
	readonly issues: ReadonlySignal<Issue[]>;
	/** Non-blocking remarks: read-back drops/changes, conflicts, unchecked patterns, skipped drafts. */
	readonly notices: ReadonlySignal<Issue[]>;
	readonly error: ReadonlySignal<ApiError | null>;
	readonly saving: ReadonlySignal<boolean>;
	readonly lastResult: ReadonlySignal<FieldsSaveResult>;
	/** What an input shows: the draft, else the ticket value. */
	valueOf(id: FieldId): FieldDraftValue;
	/** The ticket's value (for "reset" and read-only display). */
	ticketValueOf(id: FieldId): FieldValue;
	load(): Promise<void>;
	/** Re-reads the ticket (drafts stay). */
	refresh(): Promise<void>;
	/**
	 * Records an edit. `unreadable`: the browser could not read the input (a native date picker
	 * holding 30 February reports `""` with `validity.badInput`); the draft then blocks the save
	 * with `fields.issues.dateUnreadable` instead of clearing the field.
	 */
	edit(id: FieldId, value: FieldDraftValue, unreadable?: boolean): void;
	/** Marks a field as visited, so its problems show. */
	touch(id: FieldId): void;
	revert(id: FieldId): void;
	discard(): void;
	save(): Promise<FieldsSaveResult>;
	/** Stops following the ticket. */
	dispose(): void;
}
