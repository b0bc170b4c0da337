/**
 * The related-tickets model: the related tickets (loaded when the section opens), the selection,
 * the change (CCs, followers and tags to add or remove, a field value) and the run with its
 * progress and an outcome per ticket. Selection and change are a draft per agent and ticket; a run
 * a reload interrupted is run again from a fresh read, which sends only what is missing.
 */
import { batch, computed, signal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { Id, TicketField } from "../../platform/api/types";
import type { DraftStore } from "../../platform/storage/createDraftStore";
import type { ZafPort } from "../../platform/zaf/port";
import { fieldAccess } from "../../shared/customFieldsAccess";
import { coerceFieldValue } from "../../shared/fieldCoercion";
import type { Issue } from "../../shared/issues";
import { sleep as realSleep } from "../../shared/sleep";
import type { FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";
import type { TicketStore } from "../../ticket/createTicketStore";
import type { PendingMetadata } from "../../ticket/metadata/createMetadataModel";
import { loadRelatedTickets, type RelatedApi, type RelatedTicket } from "./relatedTickets";
import { isEmptyIntent, type BulkIntent } from "./rules/bulkPlan";
import { isBulkDraft, LIST_KEYS, parseEmails, parseTags, type BulkDraft, type BulkTexts } from "./rules/bulkDraft";
import { runBulkUpdate, type BaseValues, type BulkOutcome, type BulkProgress } from "./runBulkUpdate";

interface BulkModelOptions {
	api: RelatedApi & Pick<ZendeskApi, "showManyUsers" | "updateManyTickets" | "getJobStatus">;
	zaf: Pick<ZafPort, "invoke">;
	ticket: Pick<TicketStore, "snapshot" | "ready">;
	metadata: Pick<PendingMetadata, "attach" | "saved">;
	definitions: Pick<FieldDefinitionsCache, "forForm">;
	drafts: DraftStore;
	sleep?(ms: number): Promise<void>;
	now?(): number;
	random?(): number;
}

/** Creates the model; nothing is read until `open()`. */
export function createBulkModel(options: BulkModelOptions) {
	const { api, drafts } = options;
	const stored = drafts.load("bulk", isBulkDraft);
	const loadState = signal<"idle" | "loading" | "ready" | "failed">("idle");
	const related = signal<RelatedTicket[]>([]);
	/** Names of the related tickets' assignees (one request for all, after the list). */
	const names = signal<ReadonlyMap<Id, string>>(new Map());
	const fields = signal<TicketField[]>([]);
	const selected = signal<ReadonlySet<Id>>(new Set(stored?.selected ?? []));
	const texts = signal<BulkTexts>(stored?.texts ?? EMPTY_TEXTS);
	const phase = signal<"idle" | "running" | "done">("idle");
	const progress = signal<BulkProgress | null>(null);
	const outcomes = signal<ReadonlyMap<Id, BulkOutcome>>(new Map());
	const runIssues = signal<Issue[]>([]);
	const error = signal<ApiError | null>(null);
	let alive = true;

	/** The intent the texts mean, and the problems next to each input. */
	const parsed = computed(() => {
		const t = texts.value;
		const issues: Issue[] = [];
		const keep = <R extends { issues: Issue[] }>(result: R): R => {
			issues.push(...result.issues);
			return result;
		};
		const emails = (key: "ccsAdd" | "ccsRemove" | "followersAdd" | "followersRemove") =>
			keep(parseEmails(t[key], key)).emails;
		const tags = (key: "tagsAdd" | "tagsRemove") => keep(parseTags(t[key], key)).tags;
		const intent: BulkIntent = {
			ccs: { add: emails("ccsAdd"), remove: emails("ccsRemove") },
			followers: { add: emails("followersAdd"), remove: emails("followersRemove") },
			tags: { add: tags("tagsAdd"), remove: tags("tagsRemove") },
			fields: [],
		};
		const field = fields.value.find(f => f.id === t.fieldId);
		if (field && t.fieldValue.trim() !== "") {
			const coerced = coerceFieldValue(field, t.fieldValue);
			if (coerced.ok) intent.fields = [{ id: field.id, value: coerced.value }];
			else issues.push(...coerced.issues.map(issue => ({ ...issue, field: "fieldValue" })));
		}
		return { intent, issues };
	});
	const issues = computed(() => [...parsed.value.issues, ...runIssues.value]);
	const editableFields = computed(() =>
		fields.value.filter(f => fieldAccess(f).mode === "edit" && f.type !== "lookup"),
	);
	const canApply = computed(
		() =>
			phase.value !== "running" &&
			selected.value.size > 0 &&
			parsed.value.issues.length === 0 &&
			!isEmptyIntent(parsed.value.intent),
	);

	/** The base of the run under way (what the agent saw), kept with the draft so a reload keeps it. */
	let runBase: BulkDraft["base"] = stored?.running ? stored.base : undefined;
	let runOnly: Id | undefined = stored?.running ? stored.only : undefined;
	const persist = () => {
		const running = phase.value === "running";
		const draft: BulkDraft = {
			selected: [...selected.value],
			texts: texts.value,
			running,
			...(running && runBase ? { base: runBase } : {}),
			...(running && runOnly !== undefined ? { only: runOnly } : {}),
		};
		if (draft.selected.length === 0 && Object.values(draft.texts).every(v => v === "" || v === null))
			drafts.clear("bulk");
		else drafts.save("bulk", draft);
	};

	const select = (next: ReadonlySet<Id>) => {
		selected.value = next;
		persist();
	};

	async function open(): Promise<void> {
		if (loadState.value === "loading" || loadState.value === "ready") return;
		loadState.value = "loading";
		error.value = null;
		try {
			const { ticket } = await options.ticket.ready();
			const [list, defs] = await Promise.all([
				loadRelatedTickets(api, ticket),
				options.definitions.forForm(ticket.ticketFormId),
			]);
			batch(() => {
				related.value = list;
				fields.value = defs.fields;
				loadState.value = "ready";
			});
			const assignees = [...new Set(list.flatMap(r => (r.ticket.assigneeId ? [r.ticket.assigneeId] : [])))];
			if (assignees.length > 0)
				api.showManyUsers(assignees).then(
					users => void (names.value = new Map(users.map(user => [user.id, user.name]))),
					() => undefined,
				);
			// A run a reload interrupted is run again: the fresh read sends only what is still missing.
			if (stored?.running && alive) void apply(stored.only);
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			batch(() => {
				error.value = caught;
				loadState.value = "failed";
			});
		}
	}

	/** Applies the change to the selection, or (`only`) to one conflicted ticket, replacing the other agent's value the agent saw. */
	async function apply(only?: Id): Promise<void> {
		if (!canApply.value) return;
		const ids = only !== undefined ? [only] : related.value.map(r => r.ticket.id).filter(id => selected.value.has(id));
		const before = only !== undefined ? outcomes.value : new Map<Id, BulkOutcome>();
		// What the agent saw: the list they chose from, or (a run a reload interrupted) what it saw then.
		runOnly = only;
		runBase ??= Object.fromEntries(
			related.value
				.filter(r => ids.includes(r.ticket.id))
				.map(r => [r.ticket.id, seenValues(r.ticket.customFields, outcomes.value.get(r.ticket.id))]),
		);
		const base = new Map(Object.entries(runBase).map(([id, values]) => [Number(id), values as BaseValues] as const));
		batch(() => {
			phase.value = "running";
			runIssues.value = [];
			error.value = null;
			outcomes.value = before;
		});
		persist();
		try {
			const run = await runBulkUpdate(
				{
					api,
					attach: patch => options.metadata.attach(patch),
					sleep: options.sleep ?? realSleep,
					now: options.now ?? Date.now,
					alive: () => alive,
					...(options.random ? { random: options.random } : {}),
					onProgress: next => void (progress.value = next),
				},
				ids,
				parsed.value.intent,
				base,
			);
			if (run.kind === "blocked") {
				runIssues.value = [{ field: "apply", code: "bulk.issues.metadataBlocked" }];
				return;
			}
			outcomes.value = new Map([...before, ...run.outcomes]);
			// Zendesk reports no audit ids for a job: the metadata went with every updated ticket.
			const anyUpdated = [...run.outcomes.values()].some(o => o.kind === "updated");
			if (run.metadata && anyUpdated) options.metadata.saved({ id: null });
			if (!alive) return;
			const refreshed = await api.showManyTickets(ids).catch(() => []);
			related.value = related.value.map(r => ({ ...r, ticket: refreshed.find(t => t.id === r.ticket.id) ?? r.ticket }));
			// The change is done everywhere: the inputs empty (they could not be edited during the run).
			if ([...outcomes.value.values()].every(o => o.kind === "updated" || o.kind === "unchanged"))
				texts.value = EMPTY_TEXTS;
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			error.value = caught;
		} finally {
			batch(() => {
				phase.value = "done";
				progress.value = null;
			});
			// A panel that went away mid-run keeps "running" in the draft: the next panel runs it again.
			if (alive) {
				runBase = undefined;
				runOnly = undefined;
				persist();
			}
		}
	}

	return {
		loadState,
		related,
		names,
		selected,
		texts,
		editableFields,
		issues,
		canApply,
		phase,
		progress,
		outcomes,
		error,
		open,
		apply: () => apply(),
		/** The agent has seen another agent's value on `id` and keeps their own: sends it to that ticket only. */
		keepMine: (id: Id) => apply(id),
		toggle(id: Id): void {
			const next = new Set(selected.value);
			if (next.has(id)) next.delete(id);
			else next.add(id);
			select(next);
		},
		selectAll: () => select(new Set(related.value.map(r => r.ticket.id))),
		selectNone: () => select(new Set()),
		edit(change: Partial<BulkTexts>): void {
			// The change under way is the one sent: editing waits until the run is over.
			if (phase.value === "running") return;
			batch(() => {
				texts.value = { ...texts.value, ...change };
				runIssues.value = [];
				if (phase.value === "done") phase.value = "idle";
			});
			persist();
		},
		/** Opens a related ticket in the agent's workspace. */
		openTicket: (id: Id) => options.zaf.invoke("routeTo", "ticket", id).catch(() => undefined),
		dispose(): void {
			alive = false;
		},
	};
}

const EMPTY_TEXTS = {
	...Object.fromEntries([...LIST_KEYS, "fieldValue"].map(key => [key, ""])),
	fieldId: null,
} as BulkTexts;

/**
 * The values the agent has seen for a ticket: the listed ones, with another agent's values from a
 * conflict outcome on top ("Apply mine anyway" replaces exactly those, and asks again about any other).
 */
function seenValues(listed: BaseValues, outcome: BulkOutcome | undefined): Array<{ id: Id; value: unknown }> {
	if (outcome?.kind !== "conflict") return listed.map(entry => ({ ...entry }));
	const theirs = new Map(outcome.fields.map(f => [f.id, f.theirs] as const));
	const kept = listed.filter(entry => !theirs.has(entry.id)).map(entry => ({ ...entry }));
	return [...kept, ...[...theirs].map(([id, value]) => ({ id, value }))];
}

/** The model's public shape. */
export type BulkModel = ReturnType<typeof createBulkModel>;
