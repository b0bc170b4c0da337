/**
 * The audit history of the open ticket, paged and lazy (nothing is requested until it opens),
 * newest first. Names come with each page's sideloads; forms from the definitions already loaded
 * (Zendesk does not sideload them); users a page names but did not sideload from one `show_many`.
 */
import { batch, computed, signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError, type ApiError } from "../../platform/api/errors";
import type { Audit, AuditPage, Id } from "../../platform/api/types";
import { formatAudits, USER_FIELDS, type AuditFormatContext } from "./rules/auditFormat";
import type { TicketFieldDef } from "../../shared/customFieldsTypes";
import type { FieldDefinitionsCache } from "../../ticket/createFieldDefinitionsCache";
import { isId } from "../../shared/ticketTypes";

type AuditsState = "idle" | "loading" | "ready" | "failed";

interface AuditsModelOptions {
	api: Pick<ZendeskApi, "listAudits" | "showManyUsers">;
	ticketId: Id;
	/** Every field's definition, for labels (asked for when the history opens, not before). */
	definitions: Pick<FieldDefinitionsCache, "fields" | "knownForms">;
}

/** Creates the model. It requests nothing until `open()`. */
export function createAuditsModel({ api, ticketId, definitions }: AuditsModelOptions) {
	const state = signal<AuditsState>("idle");
	const audits = signal<Audit[]>([]);
	const fields = signal<readonly TicketFieldDef[]>([]);
	const names = signal<Names>(EMPTY_NAMES);
	const cursor = signal<string | null>(null);
	const loadingMore = signal(false);
	const error = signal<ApiError | null>(null);
	let generation = 0;

	const entries = computed(() => formatAudits(audits.value, { fields: fields.value, ...names.value }).reverse());
	const hasMore = computed(() => cursor.value !== null);

	async function fetchPage(from: string | null, replace: boolean): Promise<void> {
		const mine = ++generation;
		const [page, allFields] = await Promise.all([api.listAudits(ticketId, from), definitions.fields().catch(() => [])]);
		if (mine !== generation) return; // a newer reload won
		const withPage = addNames(names.value, page, definitions.knownForms(formIds(page.items)));
		const unknown = userIds(page.items).filter(id => !withPage.userNames.has(id));
		let found: AuditPage["users"] = [];
		if (unknown.length > 0) found = await api.showManyUsers(unknown).catch(() => []);
		if (mine !== generation) return;
		batch(() => {
			fields.value = allFields;
			audits.value = replace ? page.items : [...audits.value, ...page.items];
			cursor.value = page.nextCursor;
			names.value = addNames(withPage, { users: found, groups: [], organizations: [] }, []);
		});
	}

	async function start(): Promise<void> {
		batch(() => {
			state.value = "loading";
			error.value = null;
		});
		try {
			await fetchPage(null, true);
			state.value = "ready";
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			batch(() => {
				error.value = caught;
				state.value = "failed";
			});
		}
	}

	return {
		state: state as ReadonlySignal<AuditsState>,
		/** Formatted audits, newest first. */
		entries,
		hasMore,
		loadingMore: loadingMore as ReadonlySignal<boolean>,
		error: error as ReadonlySignal<ApiError | null>,
		/** Loads the first page unless already loaded (call when the history is opened). */
		async open() {
			if (state.value === "idle" || state.value === "failed") await start();
		},
		async loadMore() {
			if (cursor.value === null || loadingMore.value || state.value !== "ready") return;
			loadingMore.value = true;
			error.value = null;
			try {
				await fetchPage(cursor.value, false);
			} catch (caught) {
				if (!isApiError(caught)) throw caught;
				error.value = caught;
			} finally {
				loadingMore.value = false;
			}
		},
		/** Starts over (e.g. after a save), but only if the history was opened before. */
		async reload() {
			if (state.value !== "idle") await start();
		},
	};
}

/** The model's public shape. */
export type AuditsModel = ReturnType<typeof createAuditsModel>;

/** The names the formatter looks values up in. */
type Names = Required<Omit<AuditFormatContext, "fields">>;

const EMPTY_NAMES: Names = {
	userNames: new Map(),
	userEmails: new Map(),
	groupNames: new Map(),
	organizationNames: new Map(),
	formNames: new Map(),
};

/** `names` plus what a page sideloaded and the forms known. */
function addNames(
	names: Names,
	page: Pick<AuditPage, "users" | "groups" | "organizations">,
	forms: ReadonlyArray<{ id: Id; name: string }>,
): Names {
	const withEmail = page.users.flatMap(user => (user.email ? [[user.email.toLowerCase(), user.name] as const] : []));
	return {
		userNames: new Map([...names.userNames, ...page.users.map(user => [user.id, user.name] as const)]),
		userEmails: new Map([...names.userEmails, ...withEmail]),
		groupNames: new Map([...names.groupNames, ...page.groups.map(group => [group.id, group.name] as const)]),
		organizationNames: new Map([...names.organizationNames, ...page.organizations.map(o => [o.id, o.name] as const)]),
		formNames: new Map([...names.formNames, ...forms.map(form => [form.id, form.name] as const)]),
	};
}

/** User-valued changes: the people fields, legacy collaborators, and CCs/followers named by id. */
const USER_VALUED = new Set([...USER_FIELDS, "collaborator_ids"]);

/** Authors plus users the page's events name by id, without the system author (-1). */
function userIds(audits: readonly Audit[]): number[] {
	const ids = new Set<number>();
	const add = (value: unknown) => {
		const id = Number(value);
		if (value !== null && value !== "" && isId(id)) ids.add(id);
	};
	for (const audit of audits) {
		if (audit.authorId > 0) ids.add(audit.authorId);
		for (const event of audit.events) {
			if (event.fieldName && USER_VALUED.has(event.fieldName))
				for (const value of [event.value, event.previousValue]) (Array.isArray(value) ? value : [value]).forEach(add);
			const people = [
				...(event.previousFollowers ?? []),
				...(event.currentFollowers ?? []),
				...(event.previousEmailCcs ?? []),
				...(event.currentEmailCcs ?? []),
			];
			people.filter(person => /^\d+$/.test(person)).forEach(add);
		}
	}
	return [...ids];
}

/** The forms `ticket_form_id` changes name. */
function formIds(audits: readonly Audit[]): Id[] {
	const events = audits.flatMap(audit => audit.events.filter(event => event.fieldName === "ticket_form_id"));
	const ids = events
		.flatMap(event => [event.value, event.previousValue])
		.filter(value => value !== null)
		.map(Number);
	return [...new Set(ids.filter(isId))];
}
