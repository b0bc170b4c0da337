/**
 * The pending custom audit metadata of one ticket, shared by every section that saves: the agent's
 * rows (a draft per agent and ticket) merged with the admin's defaults, attached to the next real
 * change (`attach`, then `saved(audit)`) and never sent alone: Zendesk stores metadata only on an
 * update that changes the ticket (§5.6).
 */
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import type { Issue } from "../../shared/issues";
import {
	attachMetadata,
	DEFAULTS_FIELD,
	isBlankRow,
	mergeMetadata,
	parseDefaultMetadata,
	metadataByteLength,
	metadataSizeIssues,
	rowsToMetadata,
	validateMetadataRows,
	type MetadataObject,
	type MetadataRow,
} from "./metadata";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import { isRecord } from "../../shared/isRecord";

/** One editor row, as typed. */
type MetadataEditorRow = Record<keyof MetadataRow, string>;

/** What happened to the metadata most recently. */
export type MetadataStatus =
	| { kind: "idle" }
	/** A save had nothing to change: Zendesk would have stored nothing, so nothing was sent. */
	| { kind: "refused" }
	/** Saved on the audit `auditId` (`null` when the response carried no audit id). */
	| { kind: "attached"; auditId: number | null; keys: string[] }
	/** The update went through but Zendesk created no audit, so the metadata was not stored; rows kept. */
	| { kind: "notStored" };

/** The outcome of `attach`: the update with metadata, or why it must not be sent. */
type MetadataAttach<T> = { ok: true; update: T & { metadata?: MetadataObject } } | { ok: false; issues: Issue[] };

interface MetadataModelOptions {
	/** This agent's drafts on this ticket. */
	drafts: DraftStore;
	/** The raw `defaultMetadata` setting (JSON text or an object); invalid values are reported, not thrown. */
	defaultSetting: unknown;
	/** True when the host already found the setting unusable (reported as `defaultsNotObject`). */
	defaultSettingInvalid?: boolean;
}

/** The shared metadata model. */
export type MetadataModel = ReturnType<typeof createMetadataModel>;

/** What the ticket's writer needs of the pending metadata: attach it, then say how the save went. */
export type PendingMetadata = Pick<MetadataModel, "attach" | "saved" | "setRemoteIssues">;

/** Creates the shared model and restores the agent's rows from the draft store. */
export function createMetadataModel({ drafts, defaultSetting, defaultSettingInvalid }: MetadataModelOptions) {
	const parsedDefaults = defaultSettingInvalid
		? { defaults: {}, issues: [{ field: DEFAULTS_FIELD, code: "metadata.issues.defaultsNotObject" }] }
		: parseDefaultMetadata(defaultSetting);
	const rows = signal<MetadataEditorRow[]>(drafts.load("metadata", isRows) ?? []);
	const status = signal<MetadataStatus>({ kind: "idle" });
	const remoteIssues = signal<Issue[]>([]);
	const defaults = signal(parsedDefaults.defaults);
	/** The rows as they were when last attached: only those are cleared after the save. */
	let attachedRows: MetadataEditorRow[] | null = null;
	let attachedKeys: string[] = [];

	const agent = computed(() => rowsToMetadata(rows.value));
	/** Defaults + valid agent rows: exactly what the next update carries. */
	const pending = computed(() => mergeMetadata(defaults.value, agent.value));
	const bytes = computed(() => metadataByteLength(pending.value));
	const blocking = computed(() => [
		...validateMetadataRows(rows.value, defaults.value),
		...metadataSizeIssues(pending.value),
	]);
	const issues = computed(() => [...parsedDefaults.issues, ...blocking.value, ...remoteIssues.value]);
	const hasAgentMetadata = computed(() => rows.value.some(row => !isBlankRow(row)));

	function update(next: MetadataEditorRow[]): void {
		batch(() => {
			rows.value = next;
			remoteIssues.value = [];
			if (status.value.kind !== "idle") status.value = { kind: "idle" };
		});
		if (next.some(row => !isBlankRow(row))) drafts.save("metadata", next);
		else drafts.clear("metadata");
	}

	function edit(index: number, patch: Partial<MetadataEditorRow>): void {
		const next = rows.value.slice();
		while (next.length <= index) next.push({ key: "", value: "" });
		next[index] = { ...(next[index] ?? { key: "", value: "" }), ...patch };
		update(next);
	}

	return {
		rows: rows as ReadonlySignal<MetadataEditorRow[]>,
		/** The admin's defaults (always attached with a real change). */
		defaults: defaults as ReadonlySignal<MetadataObject>,
		pending,
		/** UTF-8 bytes of `pending`'s JSON (the live counter). */
		bytes,
		/** Row problems, the size limit, a bad admin setting and Zendesk's own refusals. */
		issues,
		/** True when the agent has typed metadata that is not saved yet. */
		hasAgentMetadata,
		status: status as ReadonlySignal<MetadataStatus>,
		setKey: (index: number, key: string) => edit(index, { key }),
		setValue: (index: number, value: string) => edit(index, { value }),
		addRow: () => update([...rows.value, { key: "", value: "" }]),
		removeRow: (index: number) => update(rows.value.filter((_, i) => i !== index)),
		/** Drops the agent's rows (defaults stay). */
		clear: () => update([]),
		/** `update` with the pending metadata (unchanged with none); refuses, keeping all, for invalid or too large rows or metadata alone. */
		attach<T extends Readonly<Record<string, unknown>>>(update: T): MetadataAttach<T> {
			if (blocking.value.length > 0) return { ok: false, issues: blocking.value };
			const metadata = Object.keys(pending.value).length > 0 ? pending.value : undefined;
			const result = attachMetadata(update, metadata);
			if (result.ok) {
				attachedRows = rows.value;
				attachedKeys = Object.keys(metadata ?? {});
				return result;
			}
			// Only the agent's own metadata is worth a refusal; defaults alone simply are not sent.
			if (!hasAgentMetadata.value) return { ok: true, update };
			status.value = { kind: "refused" };
			return { ok: false, issues: [result.issue] };
		},
		/** The attached update was saved on `audit` (null: none created; `id: null`: ids unknown, as after a bulk job). */
		saved(audit: { id: number | null } | null): void {
			if (audit === null) {
				if (hasAgentMetadata.value) status.value = { kind: "notStored" };
				return;
			}
			const keys = attachedKeys;
			// Rows edited while the save was in flight were not sent: keep them for the next change.
			const untouched = attachedRows === rows.value;
			attachedRows = null;
			batch(() => {
				if (untouched) rows.value = [];
				remoteIssues.value = [];
				status.value = { kind: "attached", auditId: audit.id, keys };
			});
			if (untouched) drafts.clear("metadata");
		},
		/** Shows Zendesk's own refusal of the metadata (422 details) until the next edit. */
		setRemoteIssues(next: Issue[]): void {
			remoteIssues.value = next;
		},
	};
}

function isRows(value: unknown): value is MetadataEditorRow[] {
	return (
		Array.isArray(value) &&
		value.every(row => isRecord(row) && typeof row.key === "string" && typeof row.value === "string")
	);
}
