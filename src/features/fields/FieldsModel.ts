/** The custom-fields model's options, results and shape (`createFieldsModel`). */
import type { FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { CoerceOptions } from "../../shared/fieldCoercion";
import type { createFieldsModel } from "./createFieldsModel";

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

/** The model of the custom-fields section. */
export type FieldsModel = ReturnType<typeof createFieldsModel>;
