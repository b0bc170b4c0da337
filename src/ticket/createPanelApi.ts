/**
 * The request economy of one ticket panel: a `ZendeskApi` for the sections that answers what the
 * panel already knows instead of asking Zendesk again. Sections keep calling the API as before;
 * the composition root hands them this one.
 *
 * - **One ticket read at panel open.** Every section loads the open ticket; they share ONE
 *   `GET /tickets/{id}?include=users` (the users are sideloaded for whoever needs them). An answer
 *   about the ticket (that read, or the ticket a PUT returned) is reused by reads that start within
 *   `sharedReadMs` of it, so a save's read-back or another section's re-read costs nothing.
 *   It is forgotten at once when this panel writes (before and after the write, and on any
 *   failure, so a re-read after a 409, timeout or 5xx always goes to Zendesk), when Zendesk says
 *   the ticket changed (`ticket.updated`) or the agent submitted it (`ticket.submit.done`).
 * - **No request per person.** `showManyUsers` is answered from the users sideloaded with the
 *   ticket when it knows every id asked for; otherwise the one request goes out as asked.
 * - **Definitions and settings once per session.** Ticket fields and forms come from the shared
 *   field-definitions cache; account settings from a session value (sessionStorage, 10 minutes).
 * - **The ticket's form in parallel with the ticket.** With ZAF's `ticket.form` as a hint, the first
 *   ticket read also starts that form's definitions (`ticket_forms/{id}?include=ticket_fields`, or
 *   every field and form for a ticket without one), so the Fields section does not wait for the
 *   ticket to learn which form to ask for. The REST ticket stays the truth: the section asks again
 *   for its `ticket_form_id`, which costs nothing when the hint was right.
 *
 * Does not retry, does not cache other tickets, writes, searches, audits or job statuses.
 */
import type { ZendeskApi } from "../platform/api/client";
import type { AccountSettings, Id, Ticket, User } from "../platform/api/types";
import type { ZafPort } from "../platform/zaf/port";
import type { StorageLike } from "../platform/storage/createDraftStore";
import type { FieldDefinitionsCache } from "./createFieldDefinitionsCache";
import { createSessionValue, SESSION_TTL_MS } from "../platform/storage/createSessionValue";

/**
 * How long an answer about the open ticket is reused. Long enough for every section's first read
 * (people reads after the settings, on a slow network well after the others) and for read-backs
 * right after a write; far shorter than anything an agent does by hand.
 */
export const SHARED_READ_MS = 5_000;

/** Session storage key of the account settings. */
export const ACCOUNT_SETTINGS_KEY = "zd-sidebar:accountSettings:v1";

/** Options of the panel API. */
export interface PanelApiOptions {
	api: ZendeskApi;
	/** The panel's ticket. */
	ticketId: Id;
	zaf: Pick<ZafPort, "on">;
	/** The panel's shared field definitions (itself cached per session). */
	definitions: Pick<FieldDefinitionsCache, "fields" | "forms" | "forForm">;
	/**
	 * ZAF's `ticket.form.id` at start-up: the form the agent's ticket shows (maybe unsaved), `null`
	 * when ZAF says it has none, absent when ZAF did not say. Only decides what to load early.
	 */
	formHint?: Id | null;
	/** Where account settings survive the panel (sessionStorage); memory only when absent. */
	storage?: StorageLike;
	sharedReadMs?: number;
	settingsTtlMs?: number;
	now?: () => number;
}

/** The panel's API and its clean-up. */
export interface PanelApi {
	api: ZendeskApi;
	/** Stops listening to ZAF events. */
	dispose(): void;
}

/** Builds the panel API over the plain client. */
export function createPanelApi(options: PanelApiOptions): PanelApi {
	const { api, ticketId } = options;
	const now = options.now ?? Date.now;
	const window = options.sharedReadMs ?? SHARED_READ_MS;
	/** The latest answer about the ticket; `users` null when it came without sideloads (a PUT). */
	let known: { ticket: Ticket; users: User[] | null; at: number } | null = null;
	let reading: Promise<{ ticket: Ticket; users: User[] }> | null = null;
	let generation = 0;
	const people = new Map<Id, User>();

	const forget = () => {
		known = null;
		reading = null;
		generation++;
	};
	const remember = (users: readonly User[]) => users.forEach(user => people.set(user.id, user));

	const settings = createSessionValue<AccountSettings>({
		key: ACCOUNT_SETTINGS_KEY,
		load: () => api.getAccountSettings(),
		isValid: isAccountSettings,
		ttlMs: options.settingsTtlMs ?? SESSION_TTL_MS,
		now,
		...(options.storage ? { storage: options.storage } : {}),
	});

	let hinted = options.formHint === undefined;
	function readTicket(): Promise<{ ticket: Ticket; users: User[] }> {
		if (reading) return reading;
		const mine = generation;
		const started = api.getTicket(ticketId, { includeUsers: true });
		reading = started;
		if (!hinted) {
			hinted = true;
			// Whoever needs the definitions asks again and sees this request's failure, if any.
			options.definitions.forForm(options.formHint ?? null).catch(() => undefined);
		}
		started.then(
			answer => {
				remember(answer.users);
				if (mine === generation) known = { ticket: answer.ticket, users: answer.users, at: now() };
				if (reading === started) reading = null;
			},
			() => {
				if (reading === started) reading = null;
			},
		);
		return started;
	}

	async function write<T extends { ticket: Ticket }>(id: Id, send: () => Promise<T>): Promise<T> {
		if (id !== ticketId) return send();
		forget();
		try {
			const answer = await send();
			forget();
			known = { ticket: answer.ticket, users: null, at: now() };
			return answer;
		} catch (caught) {
			forget();
			throw caught;
		}
	}

	const stops = [options.zaf.on("ticket.updated", forget), options.zaf.on("ticket.submit.done", forget)];

	const panelApi: ZendeskApi = {
		...api,
		async getTicket(id, readOptions = {}) {
			if (id !== ticketId) return api.getTicket(id, readOptions);
			const withUsers = readOptions.includeUsers === true;
			const recent = known !== null && now() - known.at <= window ? known : null;
			if (recent && (!withUsers || recent.users !== null)) {
				return { ticket: recent.ticket, users: withUsers ? (recent.users ?? []) : [] };
			}
			const answer = await readTicket();
			return { ticket: answer.ticket, users: withUsers ? answer.users : [] };
		},
		updateTicket: (id, payload) => write(id, () => api.updateTicket(id, payload)),
		async createTicket(payload, createOptions) {
			// A follow-up changes its source (followup_ids), so forget what we knew about it.
			forget();
			try {
				return await api.createTicket(payload, createOptions);
			} finally {
				forget();
			}
		},
		async getJobStatus(id) {
			// An async create changes its source when the job finishes: whatever we knew is suspect.
			try {
				return await api.getJobStatus(id);
			} finally {
				forget();
			}
		},
		async showManyUsers(ids) {
			const unique = [...new Set(ids)];
			const found = unique.map(id => people.get(id));
			if (unique.length > 0 && found.every(user => user !== undefined)) return found as User[];
			const users = await api.showManyUsers(ids);
			remember(users);
			return users;
		},
		listTicketFields: () => options.definitions.fields(),
		listTicketForms: () => options.definitions.forms(),
		getAccountSettings: () => settings.get(),
	};

	return {
		api: panelApi,
		dispose: () => stops.forEach(stop => stop()),
	};
}

const SETTINGS_KEYS: ReadonlyArray<keyof AccountSettings> = [
	"collaboration",
	"followerAndEmailCcCollaborations",
	"lightAgentEmailCcsAllowed",
	"commentsPublicByDefault",
	"emailAttachments",
	"privateAttachments",
	"tagging",
];

function isAccountSettings(value: unknown): value is AccountSettings {
	if (typeof value !== "object" || value === null) return false;
	const record = value as Record<string, unknown>;
	return SETTINGS_KEYS.every(key => typeof record[key] === "boolean");
}
