/**
 * Builds a world by replaying its history through the real services on a manual clock, so seeded
 * tickets, comments and audits are exactly what the emulator itself would have produced.
 */
import { SANDBOX_PASSWORD } from "../routes/auth";
import { createManualClock, isoSecond } from "../db/clock";
import { createDb, emptySeed, findTicket, findUserByEmail, type Db, type Seed } from "../db/db";
import {
	newUserRecord,
	type AccountRecord,
	type FieldOption,
	type GroupRecord,
	type OrganizationRecord,
	type TicketFieldRecord,
	type TicketFormRecord,
	type UserRecord,
	type Via,
} from "../db/records";
import type { ServiceContext } from "../services/serviceTypes";
import { createTicket, updateTicket } from "../services/ticketService";
import { uploadFile } from "../services/uploadService";

/** A world: a named seed plus the agent the "change as another agent" control uses by default. */
export interface World {
	name: string;
	description: string;
	otherAgentEmail?: string;
	build(): Seed;
}

/** A user for `addUser`: id, name and email required; the rest defaults to an active end user. */
export type UserSeed = Pick<UserRecord, "id" | "name" | "email"> & Partial<UserRecord>;

/** An organization for `addOrganization`: id and name required; the rest defaults to an empty, unshared organization. */
export type OrganizationSeed = Pick<OrganizationRecord, "id" | "name"> & Partial<OrganizationRecord>;

/** A field for `addField`: everything but the boilerplate. */
export type FieldSeed = Pick<TicketFieldRecord, "id" | "type" | "title"> &
	Partial<TicketFieldRecord> & { options?: Array<[value: string, name: string]> };

/** The builder's verbs. Every failure is a bug in the world, so they throw. */
export interface WorldBuilder {
	db: Db;
	/** Sets the clock (ISO string). */
	at(iso: string): void;
	addUser(user: UserSeed): void;
	addOrganization(organization: OrganizationSeed): void;
	addGroup(id: number, name: string, isDefault?: boolean): void;
	addField(field: FieldSeed): void;
	addForm(form: Pick<TicketFormRecord, "id" | "name" | "ticket_field_ids"> & Partial<TicketFormRecord>): void;
	/** Creates a ticket as `actorEmail` through the ticket service; returns its id. */
	create(actorEmail: string, body: Record<string, unknown>): number;
	/** Updates a ticket as `actorEmail` through the ticket service. */
	update(actorEmail: string, id: number, body: Record<string, unknown>): void;
	/** Uploads a file as `actorEmail`; returns the token. */
	upload(actorEmail: string, fileName: string, contentType: string, bytes: Uint8Array): string;
	/** Rewrites a ticket's channel (and its first audit's and comment's), e.g. `email` or `web`. */
	setChannel(id: number, channel: string, from?: Record<string, unknown>): void;
	/** The finished seed (sequences already past every id used). */
	seed(): Seed;
}

/** A builder over an empty db for `account`, starting at `startIso`. */
export function createWorldBuilder(account: AccountRecord, startIso: string): WorldBuilder {
	const clock = createManualClock(startIso);
	const db = createDb(emptySeed(account));
	const ctx: ServiceContext = { db, clock, notify: () => undefined };
	const stamp = () => isoSecond(clock.now());
	const actor = (email: string) => {
		const user = findUserByEmail(db, email);
		if (!user) throw new Error(`[world] unknown user ${email}`);
		return user;
	};
	const bump = (key: keyof Db["sequences"], id: number) => {
		db.sequences[key] = Math.max(db.sequences[key], id + 1);
	};
	return {
		db,
		at(iso) {
			const target = Date.parse(iso);
			if (target < clock.now()) throw new Error(`[world] time goes backwards at ${iso}`);
			clock.advance(target - clock.now());
		},
		addUser(seed) {
			// World users are verified and live in London, unlike users created through the API.
			const user = newUserRecord({ verified: true, time_zone: "Europe/London", ...seed }, stamp());
			db.users.push(user);
			db.account.passwords[String(user.id)] = SANDBOX_PASSWORD;
			bump("user", user.id);
		},
		addOrganization(seed) {
			db.organizations.push({
				details: null,
				domain_names: [],
				external_id: null,
				group_id: null,
				notes: null,
				organization_fields: {},
				shared_comments: false,
				shared_tickets: false,
				tags: [],
				created_at: stamp(),
				updated_at: stamp(),
				...seed,
			});
		},
		addGroup(id, name, isDefault = false) {
			const group: GroupRecord = {
				id,
				name,
				description: `${name} team`,
				default: isDefault,
				deleted: false,
				created_at: stamp(),
				updated_at: stamp(),
			};
			db.groups.push(group);
		},
		addField({ options, ...seed }) {
			const custom_field_options: FieldOption[] | undefined = options?.map(([value, name], position) => {
				const id = db.sequences.option++;
				return { id, name, raw_name: name, value, position, default: false };
			});
			const field: TicketFieldRecord = {
				raw_title: seed.title,
				description: "",
				raw_description: "",
				agent_description: null,
				position: 9999,
				active: true,
				required: false,
				required_in_portal: false,
				visible_in_portal: true,
				editable_in_portal: true,
				title_in_portal: seed.title,
				raw_title_in_portal: seed.title,
				collapsed_for_agents: false,
				regexp_for_validation: null,
				tag: null,
				removable: true,
				agent_can_edit: true,
				created_at: stamp(),
				updated_at: stamp(),
				...seed,
				...(custom_field_options ? { custom_field_options } : {}),
			};
			db.ticketFields.push(field);
			bump("field", field.id);
		},
		addForm(seed) {
			db.ticketForms.push({
				raw_name: seed.name,
				display_name: seed.name,
				raw_display_name: seed.name,
				active: true,
				default: false,
				position: db.ticketForms.length + 1,
				end_user_visible: true,
				in_all_brands: true,
				restricted_brand_ids: [],
				agent_conditions: [],
				end_user_conditions: [],
				created_at: stamp(),
				updated_at: stamp(),
				...seed,
			});
		},
		create(email, body) {
			// Seeded tickets keep the form they name, or none: they predate the default form that API creates now get.
			const input = "ticket_form_id" in body ? body : { ...body, ticket_form_id: null };
			const result = createTicket(ctx, actor(email), input, {
				request: {
					userAgent:
						"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
					ipAddress: "203.0.113.24",
				},
			});
			if (!result.ok) throw new Error(`[world] create failed: ${JSON.stringify(result.failure)}`);
			return result.value.ticket.id;
		},
		update(email, id, body) {
			const result = updateTicket(ctx, actor(email), id, body, {
				request: {
					userAgent:
						"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
					ipAddress: "198.51.100.7",
				},
			});
			if (!result.ok) throw new Error(`[world] update of ${id} failed: ${JSON.stringify(result.failure)}`);
		},
		upload(email, fileName, contentType, bytes) {
			const result = uploadFile(
				ctx,
				actor(email),
				{ filename: fileName, token: undefined, contentType, bytes },
				Number.MAX_SAFE_INTEGER,
			);
			if (!result.ok) throw new Error(`[world] upload failed: ${JSON.stringify(result.failure)}`);
			return result.value.token;
		},
		setChannel(id, channel, from = {}) {
			const ticket = findTicket(db, id);
			if (!ticket) throw new Error(`[world] no ticket ${id}`);
			const via: Via = { channel, source: { from, to: {}, rel: null } };
			ticket.via = via;
			const audit = db.audits.find(a => a.ticket_id === id);
			if (audit) audit.via = structuredClone(via);
			const comment = db.comments.find(c => c.ticket_id === id);
			if (comment) comment.via = structuredClone(via);
		},
		seed: () => structuredClone(db),
	};
}
