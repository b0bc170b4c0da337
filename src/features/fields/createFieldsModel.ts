/**
 * The custom-fields model: the form's definitions (followed across form changes), the values, the edits as a stored
 * draft, ONE `custom_fields` intent via the writer; drops, 422 `details`, conflicts show per field; drafts survive errors.
 */
import { batch, computed, effect, signal, untracked, type ReadonlySignal } from "@preact/signals";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { Id, Ticket } from "../../platform/api/types";
import {
	conflictNotices,
	currentValue,
	draftIssues,
	draftValues,
	findConflicts,
	isFieldDrafts,
	markConflicts,
	rebaseDrafts,
	shownConflicts,
	unreadableDraftIds,
	withDraft,
	withoutDrafts,
	type FieldConflict,
	type FieldDrafts,
} from "./rules/customFieldsDrafts";
import {
	compareReadBack,
	planFieldsSave,
	readBackNotices,
	toWireValue,
	unchangedDraftIds as unchangedDraftIdsOf,
	type FieldsSaveInput,
} from "./rules/customFieldsSave";
import {
	fieldKey,
	type CustomFieldValue,
	type FieldDraftValue,
	type FieldId,
	type TicketFieldDef,
} from "../../shared/customFieldsTypes";
import { sameFieldValue, toDraftValue } from "../../shared/customFieldsValues";
import { formForTicket, orderTicketFields } from "./rules/fieldOrder";
import { issuesFromErrorDetails, type Issue } from "../../shared/issues";
import type { FieldDefinitionsCache, FieldDefinitions } from "../../ticket/createFieldDefinitionsCache";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { CoerceOptions } from "../../shared/fieldCoercion";

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

/** Creates the model; call `load()` to start. */
export function createFieldsModel(options: FieldsModelOptions) {
	const { ticket, definitions: cache, metadata } = options;
	const coerce = options.coerce ?? {};
	const state = signal<"loading" | "ready" | "failed">("loading");
	const definitions = signal<FieldDefinitions | null>(null);
	const snapshot = computed<Ticket | null>(() => ticket.snapshot.value?.ticket ?? null);
	const drafts = signal<FieldDrafts>(options.drafts.load("fields", isFieldDrafts) ?? {});
	// A restored draft the browser could not read is shown with its problem at once.
	const touched = signal<ReadonlySet<string>>(new Set(unreadableDraftIds(drafts.value).map(String)));
	const remoteIssues = signal<Issue[]>([]);
	const saveNotices = signal<Issue[]>([]);
	const error = signal<ApiError | null>(null);
	const saving = signal(false);
	const lastResult = signal<FieldsSaveResult>(null);

	const fields = computed(() => definitions.value?.fields ?? []);
	const values = () => snapshot.value?.customFields ?? [];
	const fieldOf = (id: FieldId) => fields.value.find(candidate => candidate.id === id);
	/** The fields to show, in form order, with editability and the required-on-solve marker. */
	const shown = computed(() => {
		const defs = definitions.value;
		const snap = snapshot.value;
		if (!defs || !snap) return [];
		const byId = new Map(snap.customFields.map(entry => [entry.id, entry.value] as const));
		return orderTicketFields(defs.fields, formForTicket(defs.forms, snap.ticketFormId), byId);
	});
	const dirty = computed(() => Object.keys(drafts.value).length > 0);
	/** Blocking problems: of touched fields, of every field after a save attempt, and Zendesk's 422. */
	const issues = computed(() => [
		...draftIssues(drafts.value, fields.value, touched.value, coerce),
		...remoteIssues.value,
	]);
	/** Non-blocking: read-back, unchecked patterns, skipped drafts, conflicts (kept in the draft for after a reload). */
	const notices = computed(() => [
		...saveNotices.value,
		...conflictNotices(shownConflicts(drafts.value, values()), fields.value),
	]);

	function setDrafts(next: FieldDrafts): void {
		drafts.value = next;
		if (Object.keys(next).length > 0) options.drafts.save("fields", next);
		else options.drafts.clear("fields");
	}

	/** Drops the save's messages on field `id` (and, with `form`, the form-level remote ones). */
	function forget(id: FieldId, form: boolean): void {
		const key = fieldKey(id);
		remoteIssues.value = remoteIssues.value.filter(issue => issue.field !== key && !(form && issue.field === "fields"));
		saveNotices.value = saveNotices.value.filter(issue => issue.field !== key);
	}

	async function load(): Promise<void> {
		state.value = "loading";
		error.value = null;
		try {
			// The REST ticket names the form; the core has usually started that form's read already.
			const defs = await cache.forForm((await ticket.ready()).ticket.ticketFormId);
			batch(() => {
				definitions.value = defs;
				state.value = "ready";
			});
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			batch(() => {
				error.value = caught;
				state.value = "failed";
			});
		}
	}

	// Someone may move the ticket to another form: its fields come with it.
	let shownForm: Id | null | undefined;
	const stopFollow = effect(() => {
		const form = snapshot.value?.ticketFormId;
		if (form === undefined || state.value !== "ready") return;
		untracked(() => {
			if (shownForm === undefined) shownForm = form;
			if (form === shownForm) return;
			shownForm = form;
			cache.forForm(form).then(
				defs => {
					if (shownForm === form) definitions.value = defs;
				},
				(caught: unknown) => {
					if (isApiError(caught)) error.value = caught;
				},
			);
		});
	});

	async function save(): Promise<FieldsSaveResult> {
		const defs = definitions.value;
		const snap = snapshot.value;
		if (!defs || !snap || saving.value) return null;
		batch(() => {
			touched.value = new Set(Object.keys(drafts.value));
			remoteIssues.value = [];
			saveNotices.value = [];
			error.value = null;
		});
		const plan = planFieldsSave(saveInput(defs.fields, snap.customFields));
		saveNotices.value = plan.notices;
		if (plan.issues.length > 0) return finish("invalid");
		if (plan.customFields.length === 0) {
			// Nothing changes: Zendesk would store nothing, so metadata typed by the agent is refused, not lost.
			const attached = metadata.attach({});
			if (!attached.ok) remoteIssues.value = attached.issues.map(issue => ({ ...issue, field: "fields" }));
			setDrafts(withoutDrafts(drafts.value, unchangedDraftIds(snap.customFields)));
			return finish("nothing");
		}
		saving.value = true;
		let sent: { base: readonly CustomFieldValue[]; customFields: CustomFieldValue[] } | undefined;
		try {
			const outcome = await ticket.write<FieldConflict[]>({
				plan({ ticket: fresh }) {
					const conflicts = findConflicts(drafts.value, fresh.customFields, defs.fields, coerce);
					if (conflicts.length > 0) return { kind: "ask", conflicts };
					const again = planFieldsSave(saveInput(defs.fields, fresh.customFields));
					if (again.issues.length > 0 || again.customFields.length === 0) return { kind: "noop" };
					sent = { base: fresh.customFields, customFields: again.customFields };
					return { kind: "send", payload: { custom_fields: again.customFields.map(toWireValue) } };
				},
			});
			const after = outcome.snapshot.ticket.customFields;
			if (outcome.kind === "ask") {
				// Remembered in the draft: the notice is shown until the agent chooses, after a reload too.
				setDrafts(markConflicts(drafts.value, outcome.conflicts));
				return finish("conflict");
			}
			if (outcome.kind === "blocked") {
				remoteIssues.value = [{ field: "fields", code: "fields.issues.metadataBlocked" }];
				return finish("invalid");
			}
			if (outcome.kind === "noop" || !sent) {
				setDrafts(withoutDrafts(drafts.value, unchangedDraftIds(after)));
				return finish("nothing");
			}
			// Flag what Zendesk did not keep as sent; dropped values stay as drafts, so the agent sees what they meant.
			const { base, customFields: sentValues } = sent;
			const results = compareReadBack(sentValues, base, after, fields.value);
			const kept = results.filter(result => result.status === "dropped").map(result => result.fieldId);
			const settled = Object.keys(drafts.value)
				.map(Number)
				.filter(id => !kept.includes(id) && sentValues.some(entry => entry.id === id));
			batch(() => {
				saveNotices.value = [...saveNotices.value, ...readBackNotices(results, fields.value)];
				setDrafts(rebaseDrafts(withoutDrafts(drafts.value, settled), kept, after));
			});
			return finish("saved");
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			const mapped = caught.kind === "invalid" ? issuesFromErrorDetails(caught.details, defs.fields) : [];
			batch(() => {
				// Metadata refusals are shown by the metadata editor (the writer hands them over).
				remoteIssues.value = mapped.filter(issue => issue.field !== "metadata");
				if (mapped.length === 0) error.value = caught;
			});
			return finish(mapped.length > 0 ? "invalid" : "failed");
		} finally {
			saving.value = false;
		}
	}

	/** What a save plan starts from: the current drafts over `current`. */
	const saveInput = (defs: readonly TicketFieldDef[], current: readonly CustomFieldValue[]): FieldsSaveInput => ({
		fields: defs,
		current,
		drafts: draftValues(drafts.value),
		unreadable: unreadableDraftIds(drafts.value),
		options: coerce,
	});
	const unchangedDraftIds = (current: readonly CustomFieldValue[]): FieldId[] =>
		unchangedDraftIdsOf(saveInput(fields.value, current));

	const finish = (result: FieldsSaveResult) => (lastResult.value = result);

	return {
		state: state as ReadonlySignal<typeof state.value>,
		shown,
		drafts: drafts as ReadonlySignal<FieldDrafts>,
		dirty,
		issues,
		notices,
		error: error as ReadonlySignal<ApiError | null>,
		saving: saving as ReadonlySignal<boolean>,
		lastResult: lastResult as ReadonlySignal<FieldsSaveResult>,
		/** What an input shows: the draft, else the ticket value. */
		valueOf(id: FieldId): FieldDraftValue {
			const draft = drafts.value[String(id)];
			if (draft) return draft.value;
			const field = fieldOf(id);
			return field ? toDraftValue(field, currentValue(values(), id)) : null;
		},
		ticketValueOf: (id: FieldId) => currentValue(values(), id),
		load,
		/** Records an edit; `unreadable` (a date picker holding 30 February reads `""`) blocks the save, not clears. */
		edit(id: FieldId, value: FieldDraftValue, unreadable = false): void {
			const current = currentValue(values(), id);
			const field = fieldOf(id);
			batch(() => {
				// Typing the ticket's own value back removes the draft instead of keeping a no-op edit.
				const undo = field && !drafts.value[String(id)] && !unreadable;
				if (undo && sameFieldValue(toDraftValue(field, current), value, field.type)) return;
				setDrafts(withDraft(drafts.value, id, value, current, unreadable));
				forget(id, true);
				lastResult.value = null;
			});
		},
		/** Marks a field as visited, so its problems show. */
		touch(id: FieldId): void {
			if (!touched.value.has(String(id))) touched.value = new Set([...touched.value, String(id)]);
		},
		revert(id: FieldId): void {
			batch(() => {
				setDrafts(withoutDrafts(drafts.value, [id]));
				forget(id, false);
			});
		},
		discard(): void {
			batch(() => {
				setDrafts({});
				remoteIssues.value = [];
				saveNotices.value = [];
				touched.value = new Set();
				lastResult.value = null;
			});
		},
		save,
		dispose: stopFollow,
	};
}
