/**
 * The agent's open ticket form in the workspace: the server's ticket plus the agent's (or the
 * app's, via ZAF `set`/`invoke`) unsaved edits. ZAF `get('ticket…')` reads it; submitting turns the
 * edits into one REST update. It knows no HTTP and no postMessage.
 */
import { diffTickets, type DiffView } from "./ticketChanges";
import { applySet, customFieldId, type Edits } from "./ticketEdits";
import { num, nums, objs, str, strs, toZafUser, unknownZafUser, zafDate, type Rest, type ZafUser } from "./zafShapes";

/** What the workspace loaded from the emulator for one ticket. */
export interface TicketSnapshot {
	ticket: Rest;
	users: Rest[];
	fields: Rest[];
	groups?: Rest[];
}

/** A per-path problem, in ZAF's `errors[path]` shape (without `path`). */
export interface StateError {
	name: string;
	message: string;
}

/** A ZAF `ticket.<prop>.changed` notification computed from two ticket objects. */
export interface TicketChange {
	event: string;
	value: unknown;
}

/** The form state. Create with `createTicketState(snapshot)`. */
export interface TicketState {
	readonly id: number;
	/** The last server ticket (REST shape). */
	server(): Rest;
	/** The ZAF `ticket` object: server values with the unsaved edits on top. */
	zafTicket(): Record<string, unknown>;
	/** `ticket.customField:<name>` (name `custom_field_<id>`): `known: false` for a field the account does not have. */
	customField(name: string): { known: boolean; value: unknown };
	/** Applies one ZAF `set` path below `ticket.` (e.g. `status`, `customField:custom_field_5`, `comment.text`). */
	set(path: string, value: unknown): StateError | undefined;
	/** `invoke('ticket.tags.add'|'ticket.tags.remove', tags)`. */
	changeTags(mode: "add" | "remove", tags: unknown): StateError | undefined;
	/** `invoke('ticket.comment.appendText', text)`. */
	appendCommentText(text: unknown): StateError | undefined;
	/** The unsaved edits as ZAF paths → values (empty when the form is clean). */
	edits(): Record<string, unknown>;
	/** The REST `PUT /api/v2/tickets/{id}` body for the edits (a safe update), or null when clean. */
	updateBody(): Rest | null;
	/** Replaces the server ticket (after a change on the server); the edits stay. */
	refresh(snapshot: TicketSnapshot): TicketChange[];
	/** Drops every edit (after a successful submit). */
	clearEdits(): TicketChange[];
	/** Called with the ZAF change list after every change of the state. */
	onChange(listener: (changes: TicketChange[]) => void): () => void;
}

/** Builds the form state for one ticket. Does not fetch anything. */
export function createTicketState(initial: TicketSnapshot): TicketState {
	let snap = initial;
	let edits: Edits = { customFields: new Map() };
	const listeners = new Set<(changes: TicketChange[]) => void>();

	const usersById = () => new Map(snap.users.map(u => [num(u, "id") ?? 0, u]));
	const customFieldDefs = () =>
		new Map(snap.fields.filter(f => f["removable"] !== false).map(f => [num(f, "id") ?? 0, f] as const));
	const serverCustomValues = () =>
		new Map(objs(snap.ticket, "custom_fields").map(cf => [num(cf, "id") ?? 0, cf["value"]]));

	function user(id: number | null, byId: Map<number, Rest>): ZafUser | null {
		if (id === null) return null;
		const u = byId.get(id);
		return u ? toZafUser(u) : unknownZafUser(id);
	}

	function zafTicket(): Record<string, unknown> {
		const t = snap.ticket;
		const byId = usersById();
		const groupId = num(t, "group_id");
		const group = (snap.groups ?? []).find(g => num(g, "id") === groupId);
		const has = <K extends keyof Edits>(k: K) => edits[k] !== undefined;
		const via = t["via"];
		const custom: Record<string, unknown> = {};
		for (const id of new Set([...customFieldDefs().keys(), ...serverCustomValues().keys()])) {
			custom[`customField:custom_field_${id}`] = edits.customFields.has(id)
				? edits.customFields.get(id)
				: (serverCustomValues().get(id) ?? null);
		}
		return {
			id: num(t, "id"),
			externalId: str(t, "external_id") || null,
			subject: has("subject") ? edits.subject : str(t, "subject"),
			description: str(t, "description"),
			status: has("status") ? edits.status : str(t, "status"),
			priority: has("priority") ? edits.priority : (t["priority"] ?? null),
			type: has("type") ? edits.type : (t["type"] ?? null),
			tags: has("tags") ? [...(edits.tags ?? [])] : strs(t, "tags"),
			createdAt: zafDate(str(t, "created_at")),
			updatedAt: zafDate(str(t, "updated_at")),
			isNew: false,
			requester: user(num(t, "requester_id"), byId),
			submitter: user(num(t, "submitter_id"), byId),
			assignee: {
				user: user(num(t, "assignee_id"), byId),
				group: groupId === null ? null : { id: groupId, name: group ? str(group, "name") : "" },
			},
			collaborators: nums(t, "collaborator_ids").map(id => user(id, byId)),
			emailCcs: nums(t, "email_cc_ids").map(id => user(id, byId)),
			organization: num(t, "organization_id") === null ? null : { id: num(t, "organization_id") },
			brand: num(t, "brand_id") === null ? null : { id: num(t, "brand_id") },
			form: { id: num(t, "ticket_form_id") },
			via: typeof via === "object" && via !== null ? via : { channel: "web", source: {} },
			recipient: t["recipient"] ?? null,
			comment: { text: edits.commentText ?? "", type: edits.commentType ?? "publicReply", attachments: [] },
			sharedWith: [],
			viewers: [],
			...custom,
		};
	}

	function customField(name: string): { known: boolean; value: unknown } {
		const id = customFieldId(name);
		if (id === null) return { known: false, value: undefined };
		if (edits.customFields.has(id)) return { known: true, value: edits.customFields.get(id) };
		const server = serverCustomValues();
		if (!customFieldDefs().has(id) && !server.has(id)) return { known: false, value: undefined };
		return { known: true, value: server.get(id) ?? null };
	}

	/** Runs a mutation and notifies listeners with the ZAF changes it caused. */
	function mutate(fn: () => StateError | undefined): StateError | undefined {
		const before = snapshotForDiff();
		const error = fn();
		if (error) return error;
		emit(diffTickets(before, snapshotForDiff()));
		return undefined;
	}

	function snapshotForDiff(): DiffView {
		const z = zafTicket();
		const custom: Record<string, unknown> = {};
		for (const id of new Set([...customFieldDefs().keys(), ...serverCustomValues().keys()])) {
			custom[`custom_field_${id}`] = customField(`custom_field_${id}`).value;
		}
		return { ticket: z, custom };
	}

	function emit(changes: TicketChange[]) {
		for (const l of listeners) l(changes);
	}

	function set(path: string, value: unknown): StateError | undefined {
		return mutate(() => applySet(edits, path, value, id => customField(`custom_field_${id}`).known));
	}

	return {
		get id() {
			return num(snap.ticket, "id") ?? 0;
		},
		server: () => snap.ticket,
		zafTicket,
		customField,
		set,
		changeTags(mode, tags) {
			const list = typeof tags === "string" ? [tags] : tags;
			if (!Array.isArray(list) || list.some(t => typeof t !== "string")) {
				return { name: "InvalidValue", message: "tags must be a string or an array of strings" };
			}
			const current = (zafTicket()["tags"] as string[]) ?? [];
			const next =
				mode === "add"
					? [...current, ...list.filter(t => !current.includes(t))]
					: current.filter(t => !list.includes(t));
			return set("tags", next);
		},
		appendCommentText(text) {
			if (typeof text !== "string") return { name: "InvalidValue", message: "text must be a string" };
			return set("comment.text", (edits.commentText ?? "") + text);
		},
		edits() {
			const out: Record<string, unknown> = {};
			for (const key of ["subject", "status", "priority", "type", "tags"] as const) {
				if (edits[key] !== undefined) out[`ticket.${key}`] = edits[key];
			}
			for (const [id, v] of edits.customFields) out[`ticket.customField:custom_field_${id}`] = v;
			if (edits.commentText) out["ticket.comment.text"] = edits.commentText;
			if (edits.commentType) out["ticket.comment.type"] = edits.commentType;
			return out;
		},
		updateBody() {
			const body: Rest = {};
			for (const key of ["subject", "status", "priority", "type", "tags"] as const) {
				if (edits[key] !== undefined) body[key] = edits[key];
			}
			if (edits.customFields.size > 0) {
				body["custom_fields"] = [...edits.customFields].map(([id, value]) => ({ id, value }));
			}
			if (edits.commentText) {
				body["comment"] = { body: edits.commentText, public: edits.commentType !== "internalNote" };
			}
			if (Object.keys(body).length === 0) return null;
			return { ticket: { ...body, safe_update: true, updated_stamp: str(snap.ticket, "updated_at") } };
		},
		refresh(next) {
			const before = snapshotForDiff();
			snap = next;
			const changes = diffTickets(before, snapshotForDiff());
			emit(changes);
			return changes;
		},
		clearEdits() {
			const before = snapshotForDiff();
			edits = { customFields: new Map() };
			const changes = diffTickets(before, snapshotForDiff());
			emit(changes);
			return changes;
		},
		onChange(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}
