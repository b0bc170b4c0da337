/**
 * The custom-fields section's model: the definitions of the ticket's form from the shared cache
 * (following the form when the ticket moves to another), values from the ticket (REST), the
 * agent's edits as a draft persisted per ticket and agent, and ONE safe update
 * (`custom_fields: [{id, value}]` + the pending audit metadata) through a ticket writer. After
 * saving it reads the ticket back and flags every value Zendesk dropped or changed on its field;
 * a 422's `details` land on the right field. Drafts are never lost on an error.
 */
import { watchTicketChanges } from "../../ticket/watchTicketChanges";
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { Audit, Id, Ticket } from "../../platform/api/types";
import { issuesFromErrorDetails } from "./rules/customFieldsErrors";
import {
	conflictNotices,
	currentValue,
	draftValues,
	findConflicts,
	isFieldDrafts,
	rebaseDrafts,
	withDraft,
	withoutDrafts,
	type FieldConflict,
	type FieldDrafts,
} from "./rules/customFieldsDrafts";
import { planFieldsSave } from "./rules/customFieldsSave";
import type { CustomFieldValue, FieldDraftValue, FieldId, FieldValue } from "../../shared/customFieldsTypes";
import { sameFieldValue, toDraftValue } from "./rules/customFieldsValues";
import { validateFieldValue, type CoerceOptions } from "./rules/fieldCoercion";
import { formForTicket, orderTicketFields, type ShownField } from "./rules/fieldOrder";
import { compareReadBack, readBackNotices } from "./rules/fieldReadBack";
import type { Issue } from "../../shared/issues";
import type { ZafPort } from "../../platform/zaf/port";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { FieldDefinitions, FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import { createTicketWriter } from "../../ticket/createTicketWriter";
import type { TicketWriteLane } from "../../ticket/createTicketWriteLane";

/** The draft-store section the field drafts live in. */
export const FIELDS_DRAFT_SECTION = "fields";

/** What the writer knows about the ticket: enough for custom fields and the safe-update stamp. */
export interface FieldsSnapshot {
	updatedAt: string;
	ticketFormId: Id | null;
	customFields: CustomFieldValue[];
	/** The audit of the write that produced this snapshot (`null` for reads and no-op writes). */
	audit: Pick<Audit, "id"> | null;
}

export type FieldsLoadState = "loading" | "ready" | "failed";

/** The result of the last save, for a short confirmation. */
export type FieldsSaveResult = "saved" | "nothing" | "conflict" | "invalid" | "failed" | null;

export interface FieldsModelOptions {
	api: Pick<ZendeskApi, "getTicket" | "updateTicket">;
	zaf: Pick<ZafPort, "on">;
	ticketId: Id;
	drafts: DraftStore;
	/** The shared definitions: the model asks for the ticket's form (`ticket_form_id`) only. */
	definitions: Pick<FieldDefinitionsCache, "forForm">;
	/** The ticket's shared pending metadata: attached to the save, refused alone. */
	metadata: MetadataModel;
	/** Locale parsing choices (`decimalComma` for de/fr). */
	coerce?: CoerceOptions;
	/** The ticket's shared write lane (serialises writes with the other sections). */
	lane?: TicketWriteLane;
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
	edit(id: FieldId, value: FieldDraftValue): void;
	/** Marks a field as visited, so its problems show. */
	touch(id: FieldId): void;
	revert(id: FieldId): void;
	discard(): void;
	save(): Promise<FieldsSaveResult>;
	/** Stops listening to ZAF events. */
	dispose(): void;
}

/** Creates the model; call `load()` to start. */
export function createFieldsModel(options: FieldsModelOptions): FieldsModel {
	const { api, ticketId, definitions: cache, metadata } = options;
	const coerce = options.coerce ?? {};
	const state = signal<FieldsLoadState>("loading");
	const definitions = signal<FieldDefinitions | null>(null);
	const snapshot = signal<FieldsSnapshot | null>(null);
	const drafts = signal<FieldDrafts>(options.drafts.load(FIELDS_DRAFT_SECTION, isFieldDrafts) ?? {});
	const touched = signal<ReadonlySet<string>>(new Set());
	const remoteIssues = signal<Issue[]>([]);
	const notices = signal<Issue[]>([]);
	const error = signal<ApiError | null>(null);
	const saving = signal(false);
	const lastResult = signal<FieldsSaveResult>(null);

	const writer = createTicketWriter<FieldsSnapshot, Record<string, unknown>>({
		load: () => readSnapshot(),
		async send(payload, stamp) {
			const { ticket, audit } = await api.updateTicket(ticketId, {
				...payload,
				safe_update: true,
				updated_stamp: stamp,
			});
			return { ...toSnapshot(ticket), audit: audit ? { id: audit.id } : null };
		},
		...(options.lane ? { lane: options.lane } : {}),
	});

	const fields = computed(() => definitions.value?.fields ?? []);
	const shown = computed(() => {
		const defs = definitions.value;
		const snap = snapshot.value;
		if (!defs || !snap) return [];
		const values = new Map(snap.customFields.map(entry => [entry.id, entry.value] as const));
		return orderTicketFields(defs.fields, formForTicket(defs.forms, snap.ticketFormId), values);
	});
	const dirty = computed(() => Object.keys(drafts.value).length > 0);
	const issues = computed(() => {
		const live: Issue[] = [];
		for (const [key, draft] of Object.entries(drafts.value)) {
			const field = fields.value.find(candidate => String(candidate.id) === key);
			if (field && touched.value.has(key)) live.push(...validateFieldValue(field, draft.value, coerce));
		}
		return [...live, ...remoteIssues.value];
	});

	async function readSnapshot(): Promise<FieldsSnapshot> {
		const { ticket } = await api.getTicket(ticketId);
		return { ...toSnapshot(ticket), audit: null };
	}

	function setDrafts(next: FieldDrafts): void {
		drafts.value = next;
		if (Object.keys(next).length > 0) options.drafts.save(FIELDS_DRAFT_SECTION, next);
		else options.drafts.clear(FIELDS_DRAFT_SECTION);
	}

	async function load(): Promise<void> {
		state.value = "loading";
		error.value = null;
		try {
			// The REST ticket names the form; the panel API has usually started that form's read already.
			const snap = await readSnapshot();
			const defs = await cache.forForm(snap.ticketFormId);
			batch(() => {
				definitions.value = defs;
				snapshot.value = snap;
				state.value = "ready";
			});
			writer.observe(snap);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			batch(() => {
				error.value = caught;
				state.value = "failed";
			});
		}
	}

	async function refresh(): Promise<void> {
		try {
			const snap = await readSnapshot();
			// Someone may have moved the ticket to another form: its fields come with it.
			const sameForm = definitions.value !== null && snap.ticketFormId === snapshot.value?.ticketFormId;
			const defs = sameForm ? definitions.value : await cache.forForm(snap.ticketFormId);
			batch(() => {
				definitions.value = defs;
				snapshot.value = snap;
			});
			writer.observe(snap);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			error.value = caught;
		}
	}

	// A change that lands while we save is picked up once the save is over (the panel never stays stale).
	const changes = watchTicketChanges(options.zaf, saving, () => void refresh());
	const unsubscribe = changes.stop;

	async function save(): Promise<FieldsSaveResult> {
		const defs = definitions.value;
		const snap = snapshot.value;
		if (!defs || !snap || saving.value) return null;
		batch(() => {
			touched.value = new Set(Object.keys(drafts.value));
			remoteIssues.value = [];
			notices.value = [];
			error.value = null;
		});
		const plan = planFieldsSave({
			fields: defs.fields,
			current: snap.customFields,
			drafts: draftValues(drafts.value),
			options: coerce,
		});
		notices.value = plan.notices;
		if (plan.issues.length > 0) return finish("invalid");
		if (plan.customFields.length === 0) {
			// Nothing changes: Zendesk would store nothing, so metadata typed by the agent is refused, not lost.
			const attached = metadata.attach({});
			if (!attached.ok) remoteIssues.value = attached.issues.map(issue => ({ ...issue, field: "fields" }));
			setDrafts(withoutDrafts(drafts.value, unchangedDraftIds(snap.customFields)));
			return finish("nothing");
		}
		const check = metadata.attach({ custom_fields: plan.customFields });
		if (!check.ok) {
			remoteIssues.value = [{ field: "fields", code: "fields.issues.metadataBlocked" }];
			return finish("invalid");
		}
		saving.value = true;
		let sent: { base: FieldsSnapshot; customFields: CustomFieldValue[]; withMetadata: boolean } | null = null;
		try {
			const outcome = await writer.save<FieldConflict[]>(fresh => {
				const conflicts = findConflicts(drafts.value, fresh.customFields, defs.fields, coerce);
				if (conflicts.length > 0) return { kind: "ask", conflicts };
				const again = planFieldsSave({
					fields: defs.fields,
					current: fresh.customFields,
					drafts: draftValues(drafts.value),
					options: coerce,
				});
				if (again.issues.length > 0 || again.customFields.length === 0) return { kind: "noop" };
				const attached = metadata.attach({ custom_fields: again.customFields.map(toWire) });
				if (!attached.ok) return { kind: "noop" };
				sent = { base: fresh, customFields: again.customFields, withMetadata: "metadata" in attached.update };
				return { kind: "send", payload: attached.update };
			});
			snapshot.value = outcome.snapshot;
			if (outcome.kind === "ask") {
				batch(() => {
					notices.value = [...notices.value, ...conflictNotices(outcome.conflicts, defs.fields)];
					setDrafts(
						rebaseDrafts(
							drafts.value,
							outcome.conflicts.map(c => c.fieldId),
							outcome.snapshot.customFields,
						),
					);
				});
				return finish("conflict");
			}
			if (outcome.kind === "noop" || !sent) {
				setDrafts(withoutDrafts(drafts.value, unchangedDraftIds(outcome.snapshot.customFields)));
				return finish("nothing");
			}
			const done: { base: FieldsSnapshot; customFields: CustomFieldValue[]; withMetadata: boolean } = sent;
			if (done.withMetadata) metadata.saved(outcome.snapshot.audit);
			await readBack(done.base, done.customFields, outcome.snapshot);
			return finish("saved");
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			const mapped = caught.kind === "invalid" ? issuesFromErrorDetails(caught.details, defs.fields) : [];
			batch(() => {
				remoteIssues.value = mapped.filter(issue => issue.field !== "metadata");
				metadata.setRemoteIssues(mapped.filter(issue => issue.field === "metadata"));
				if (mapped.length === 0) error.value = caught;
			});
			return finish(mapped.length > 0 ? "invalid" : "failed");
		} finally {
			saving.value = false;
			changes.afterBusy();
		}
	}

	/** Reads the ticket back (falls back to the PUT's answer) and flags what Zendesk did not keep. */
	async function readBack(
		base: FieldsSnapshot,
		sentValues: CustomFieldValue[],
		written: FieldsSnapshot,
	): Promise<void> {
		let after = written;
		try {
			after = { ...(await readSnapshot()), audit: written.audit };
			writer.observe(after);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
		}
		const results = compareReadBack(sentValues, base.customFields, after.customFields, fields.value);
		const kept = results.filter(result => result.status === "dropped").map(result => result.fieldId);
		const settled = Object.keys(drafts.value)
			.map(Number)
			.filter(id => !kept.includes(id) && sentValues.some(entry => entry.id === id));
		batch(() => {
			snapshot.value = after;
			notices.value = [...notices.value, ...readBackNotices(results, fields.value)];
			// Dropped values stay as drafts (with the notice) so the agent still sees what they meant.
			setDrafts(rebaseDrafts(withoutDrafts(drafts.value, settled), kept, after.customFields));
		});
	}

	function unchangedDraftIds(values: readonly CustomFieldValue[]): FieldId[] {
		const plan = planFieldsSave({
			fields: fields.value,
			current: values,
			drafts: draftValues(drafts.value),
			options: coerce,
		});
		return [...draftValues(drafts.value).keys()].filter(
			id =>
				!plan.customFields.some(entry => entry.id === id) &&
				!plan.issues.some(issue => issue.field === `field.${id}`) &&
				!plan.skipped.includes(id),
		);
	}

	function finish(result: FieldsSaveResult): FieldsSaveResult {
		lastResult.value = result;
		return result;
	}

	return {
		state,
		shown,
		drafts,
		dirty,
		issues,
		notices,
		error,
		saving,
		lastResult,
		valueOf(id) {
			const draft = drafts.value[String(id)];
			if (draft) return draft.value;
			const field = fields.value.find(candidate => candidate.id === id);
			const value = currentValue(snapshot.value?.customFields ?? [], id);
			return field ? toDraftValue(field, value) : null;
		},
		ticketValueOf: id => currentValue(snapshot.value?.customFields ?? [], id),
		load,
		refresh,
		edit(id, value) {
			const current = currentValue(snapshot.value?.customFields ?? [], id);
			const field = fields.value.find(candidate => candidate.id === id);
			batch(() => {
				const existing = drafts.value[String(id)];
				// Typing the ticket's own value back removes the draft instead of keeping a no-op edit.
				if (field && !existing && sameFieldValue(toDraftValue(field, current), value, field.type)) return;
				setDrafts(withDraft(drafts.value, id, value, current));
				remoteIssues.value = remoteIssues.value.filter(
					issue => issue.field !== `field.${id}` && issue.field !== "fields",
				);
				notices.value = notices.value.filter(issue => issue.field !== `field.${id}`);
				lastResult.value = null;
			});
		},
		touch(id) {
			if (!touched.value.has(String(id))) touched.value = new Set([...touched.value, String(id)]);
		},
		revert(id) {
			batch(() => {
				setDrafts(withoutDrafts(drafts.value, [id]));
				remoteIssues.value = remoteIssues.value.filter(issue => issue.field !== `field.${id}`);
				notices.value = notices.value.filter(issue => issue.field !== `field.${id}`);
			});
		},
		discard() {
			batch(() => {
				setDrafts({});
				remoteIssues.value = [];
				notices.value = [];
				touched.value = new Set();
				lastResult.value = null;
			});
		},
		save,
		dispose: unsubscribe,
	};
}

function toSnapshot(ticket: Ticket): Omit<FieldsSnapshot, "audit"> {
	return { updatedAt: ticket.updatedAt, ticketFormId: ticket.ticketFormId, customFields: ticket.customFields };
}

/** Our readonly domain value → the wire's mutable array type. */
function toWire(entry: CustomFieldValue): { id: Id; value: string | number | boolean | string[] | null } {
	return {
		id: entry.id,
		value: Array.isArray(entry.value) ? [...entry.value] : (entry.value as string | number | boolean | null),
	};
}
