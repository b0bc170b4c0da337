/**
 * The emulator's in-memory database: plain collections, no behaviour. Zendesk's rules live in the
 * services; this file only stores, clones and numbers (json-server's in-memory db, house-style §4.9).
 */
import type {
	AccountRecord,
	AttachmentRecord,
	AuditRecord,
	CommentRecord,
	GroupRecord,
	JobRecord,
	OrganizationRecord,
	TicketFieldRecord,
	TicketFormRecord,
	TicketRecord,
	UploadRecord,
	UserRecord,
} from "./records";

/** Id counters: the next id handed out per collection (ids are never reused, like Zendesk's). Comments take event ids: a comment's id is its Comment event's id. */
export interface Sequences {
	ticket: number;
	user: number;
	audit: number;
	event: number;
	attachment: number;
	field: number;
	option: number;
	job: number;
}

/** All emulator state. A world's seed has this same shape. */
export interface Db {
	account: AccountRecord;
	users: UserRecord[];
	organizations: OrganizationRecord[];
	groups: GroupRecord[];
	ticketFields: TicketFieldRecord[];
	ticketForms: TicketFormRecord[];
	tickets: TicketRecord[];
	comments: CommentRecord[];
	audits: AuditRecord[];
	attachments: AttachmentRecord[];
	/** attachment id → bytes. */
	blobs: Record<string, Uint8Array>;
	uploads: UploadRecord[];
	jobs: JobRecord[];
	/** Ticket ids handed out to async creates whose job has not finished (or failed: the id stays skipped). */
	reservedTicketIds: number[];
	sequences: Sequences;
}

/** A world's initial state. */
export type Seed = Db;

/** A fresh db from a seed; the seed is deep-cloned, never shared (json-server's structuredClone reset). */
export function createDb(seed: Seed): Db {
	return structuredClone(seed);
}

/** An empty db: no users, no tickets, default sequences. Worlds start from this. */
export function emptySeed(account: AccountRecord): Seed {
	return {
		account,
		users: [],
		organizations: [],
		groups: [],
		ticketFields: [],
		ticketForms: [],
		tickets: [],
		comments: [],
		audits: [],
		attachments: [],
		blobs: {},
		uploads: [],
		jobs: [],
		reservedTicketIds: [],
		sequences: {
			ticket: 1,
			user: 1001,
			audit: 100001,
			event: 500001,
			attachment: 300001,
			field: 5101,
			option: 9101,
			job: 1,
		},
	};
}

/** Takes the next id of a sequence. */
export function nextId(db: Db, sequence: keyof Sequences): number {
	const id = db.sequences[sequence];
	db.sequences[sequence] = id + 1;
	return id;
}

/** The ticket with this id, or undefined. */
export function findTicket(db: Db, id: number): TicketRecord | undefined {
	return db.tickets.find(t => t.id === id);
}

/** The user with this id, or undefined. */
export function findUser(db: Db, id: number): UserRecord | undefined {
	return db.users.find(u => u.id === id);
}

/** The user with this email (case-insensitive), or undefined. */
export function findUserByEmail(db: Db, email: string): UserRecord | undefined {
	const wanted = email.trim().toLowerCase();
	return db.users.find(u => u.email.toLowerCase() === wanted);
}

/** The organization with this id, or undefined. */
export function findOrganization(db: Db, id: number): OrganizationRecord | undefined {
	return db.organizations.find(o => o.id === id);
}

/** The ticket field with this id, or undefined. */
export function findField(db: Db, id: number): TicketFieldRecord | undefined {
	return db.ticketFields.find(f => f.id === id);
}
