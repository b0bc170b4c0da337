/**
 * The ticket core: ONE store per open ticket, owning its snapshot (one `GET tickets/{id}?include=users`),
 * the app's only `ticket.updated` / `ticket.submit.done` subscription, and its one writer, which
 * sends each section's intent as a safe update with the pending audit metadata attached once.
 * Freshness follows events and writes, never a time window: a change announced while a write runs
 * is re-read once the write is over, so a read never races the app's own write.
 */
import { batch, signal, type ReadonlySignal } from "@preact/signals";
import type { ZendeskApi } from "../platform/api/client";
import { isApiError, type ApiError } from "../platform/api/errors";
import type { Id, Ticket, User } from "../platform/api/types";
import type { PersonUser } from "../shared/peopleTypes";
import type { TicketUpdateInput } from "../platform/api/wire";
import type { ZafPort } from "../platform/zaf/port";
import { issuesFromErrorDetails, type Issue } from "../shared/issues";
import { createTicketWriter, type Plan } from "./createTicketWriter";
import type { PendingMetadata } from "./metadata/createMetadataModel";

/** The open ticket as the panel knows it: the REST ticket and every user the panel has met. */
export interface TicketSnapshot {
	ticket: Ticket;
	/** The ticket's REST `updated_at`: the `updated_stamp` of a write planned from this snapshot. */
	updatedAt: string;
	/** Sideloaded with the ticket, plus users met since (a write's new CCs, staged people). */
	users: readonly PersonUser[];
}

/** What a section asks the writer to change: everything but the safe-update fields and the metadata. */
export type TicketPatch = Omit<TicketUpdateInput, "safe_update" | "updated_stamp" | "metadata">;

/** A section's intent: a pure plan, called again on fresh data after a collision. */
export interface TicketIntent<C> {
	plan(snapshot: TicketSnapshot, rebased: boolean): Plan<TicketPatch, C>;
	/** Users the plan refers to (picked from a search), so the saved snapshot needs no request for them. */
	users?: readonly PersonUser[];
}

/** How a write ended. `metadata` says whether the pending audit metadata went with it. */
export type WriteOutcome<C> =
	| { kind: "saved"; snapshot: TicketSnapshot; rebased: boolean; metadata: boolean; audit: { id: number } | null }
	| { kind: "noop"; snapshot: TicketSnapshot; rebased: boolean }
	| { kind: "ask"; snapshot: TicketSnapshot; conflicts: C }
	/** The pending metadata cannot go (invalid, too large): nothing was sent, the metadata editor says why. */
	| { kind: "blocked"; snapshot: TicketSnapshot; issues: Issue[] };

/** Dependencies of the store. */
export interface TicketStoreOptions {
	api: Pick<ZendeskApi, "getTicket" | "updateTicket" | "showManyUsers">;
	zaf: Pick<ZafPort, "on">;
	ticketId: Id;
	/** The ticket's pending audit metadata; every write attaches it once. Absent: none is sent. */
	metadata?: PendingMetadata;
	/** Called with the first read, before it answers (e.g. to start the form's definitions in parallel). */
	onFirstRead?(): void;
	sleep?(ms: number): Promise<void>;
	now?(): number;
	random?(): number;
}

/** Milliseconds of a REST timestamp (second precision); unparsable → -∞. */
function time(stamp: string): number {
	const ms = Date.parse(stamp);
	return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Creates the store of one open ticket; nothing is read until a section asks (`ready()`). */
export function createTicketStore(options: TicketStoreOptions) {
	const { api, zaf, ticketId, metadata, onFirstRead, ...timing } = options;
	const snapshot = signal<TicketSnapshot | undefined>(undefined);
	const error = signal<ApiError | null>(null);
	/** Every user met (the snapshot's people); `full` holds those Zendesk sent whole (sideloads, show_many). */
	const known = new Map<Id, PersonUser>();
	const full = new Map<Id, User>();
	let reading: Promise<TicketSnapshot> | null = null;
	let queued: Promise<TicketSnapshot> | null = null;
	let lastAudit: { id: number } | null = null;
	let beforeFirstRead = onFirstRead;
	/** Writes started and not yet over (queued ones included): reads wait for 0. */
	let writes = 0;
	/** Bumped whenever a write's answer is published: a read that left before it is older. */
	let writeSeq = 0;
	/** Re-reads asked for (or changes announced) while writes ran, answered by the read after the last one. */
	let afterWrites: Array<{ resolve(s: TicketSnapshot): void; reject(e: unknown): void }> = [];

	const meet = (users: readonly PersonUser[]) => users.forEach(user => known.set(user.id, user));
	const meetFull = (users: readonly User[]) => {
		meet(users);
		users.forEach(user => full.set(user.id, user));
	};
	const publish = (ticket: Ticket): TicketSnapshot => {
		const next = { ticket, updatedAt: ticket.updatedAt, users: [...known.values()] };
		batch(() => {
			snapshot.value = next;
			error.value = null;
		});
		// The next write plans from what the panel shows, not from an older answer.
		writer.observe(next);
		return next;
	};

	/** Reads the ticket; `fresh`: an answer to a read already in flight may predate what the caller knows. */
	function read(fresh = false): Promise<TicketSnapshot> {
		if (reading && fresh) {
			queued ??= reading
				.catch(() => undefined)
				.then(() => {
					queued = null;
					return read();
				});
			return queued;
		}
		if (reading) return reading;
		beforeFirstRead?.();
		beforeFirstRead = undefined;
		const leftAt = writeSeq;
		const started = api.getTicket(ticketId, { includeUsers: true }).then(
			answer => {
				meetFull(answer.users);
				const shown = snapshot.value;
				// A read that left before a write answered must not take the panel back to older data
				// (stamps have second precision, so the order of events decides, not the timestamps).
				if (shown && (leftAt !== writeSeq || time(answer.ticket.updatedAt) < time(shown.ticket.updatedAt)))
					return shown;
				return publish(answer.ticket);
			},
			(caught: unknown) => {
				if (isApiError(caught)) error.value = caught;
				throw caught;
			},
		);
		reading = started;
		const clear = () => {
			if (reading === started) reading = null;
		};
		started.then(clear, clear);
		return started;
	}

	/** The users of `ticket` never met yet, fetched in one request; a failure leaves placeholders. */
	async function meetUsersOf(ticket: Ticket): Promise<void> {
		const ids = [ticket.requesterId, ...ticket.emailCcIds, ...ticket.followerIds, ...ticket.collaboratorIds];
		const missing = [...new Set(ids)].filter((id): id is Id => id !== null && !known.has(id));
		if (missing.length === 0) return;
		try {
			meetFull(await api.showManyUsers(missing));
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
		}
	}

	const writer = createTicketWriter<TicketSnapshot, TicketUpdateInput>({
		load: () => read(true),
		async send(payload, stamp) {
			const { ticket, audit } = await api.updateTicket(ticketId, {
				...payload,
				safe_update: true,
				updated_stamp: stamp,
			});
			await meetUsersOf(ticket);
			lastAudit = audit ? { id: audit.id } : null;
			writeSeq++;
			return publish(ticket);
		},
		...timing,
	});

	/** Plans and sends one change as a safe update. Rejects with the ApiError it could not cure. */
	async function write<C>(intent: TicketIntent<C>): Promise<WriteOutcome<C>> {
		meet(intent.users ?? []);
		if (!snapshot.value) await read();
		let blocked: Issue[] | null = null;
		let withMetadata = false;
		/** Some attempt that left carried the metadata (its answer may have been lost). */
		let sentMetadata = false;
		writes++;
		try {
			const outcome = await writer.save<C>((current, rebased) => {
				blocked = null;
				sentMetadata ||= withMetadata;
				withMetadata = false;
				const decision = intent.plan(current, rebased);
				if (decision.kind !== "send") return decision;
				if (!metadata) return { kind: "send", payload: decision.payload };
				const attached = metadata.attach(decision.payload);
				if (!attached.ok) {
					blocked = attached.issues;
					return { kind: "noop" };
				}
				withMetadata = attached.update.metadata !== undefined;
				return { kind: "send", payload: attached.update };
			});
			if (outcome.kind === "ask") return outcome;
			if (blocked !== null) return { kind: "blocked", snapshot: outcome.snapshot, issues: blocked };
			if (outcome.kind === "noop") {
				// Nothing is left to send after an attempt with the metadata whose answer was lost: that
				// attempt is what made the change, so the metadata went with it (its audit id is unknown).
				if (sentMetadata && outcome.rebased) metadata?.saved({ id: null });
				return outcome;
			}
			// Clears the agent's rows only when Zendesk created an audit to hold them.
			if (withMetadata) metadata?.saved(lastAudit);
			return { ...outcome, metadata: withMetadata, audit: lastAudit };
		} catch (caught) {
			// Zendesk's refusal of the metadata itself (422 details) shows in the metadata editor.
			if (isApiError(caught) && caught.kind === "invalid" && withMetadata)
				metadata?.setRemoteIssues(issuesFromErrorDetails(caught.details, []).filter(i => i.field === "metadata"));
			throw caught;
		} finally {
			writes--;
			if (writes === 0) {
				const waiting = afterWrites;
				afterWrites = [];
				if (waiting.length > 0) {
					read(true).then(
						fresh => waiting.forEach(w => w.resolve(fresh)),
						(caught: unknown) => waiting.forEach(w => w.reject(caught)),
					);
				}
			}
		}
	}

	/** Reads the ticket again, after the writes under way (a read under a write could race it). Rejects with ApiError. */
	function refresh(): Promise<TicketSnapshot> {
		if (writes === 0) return read(true);
		return new Promise((resolve, reject) => afterWrites.push({ resolve, reject }));
	}

	const onChange = () => void refresh().catch(() => undefined);
	const stops = [zaf.on("ticket.updated", onChange), zaf.on("ticket.submit.done", onChange)];

	return {
		ticketId,
		/** The latest snapshot, `undefined` until the first read answered. */
		snapshot: snapshot as ReadonlySignal<TicketSnapshot | undefined>,
		/** Why the last read failed (`null` after a success). A failed re-read keeps the snapshot. */
		error: error as ReadonlySignal<ApiError | null>,
		/** What the writer is doing: one status for the whole panel (saving, waiting out a 429). */
		status: writer.status,
		/** The snapshot, reading the ticket the first time (one read however many sections ask). Rejects with ApiError. */
		ready: (): Promise<TicketSnapshot> => (snapshot.value ? Promise.resolve(snapshot.value) : read()),
		refresh,
		write,
		/** The users with these ids, from those met so far, else one `show_many`. */
		async users(ids: readonly Id[]): Promise<User[]> {
			const unique = [...new Set(ids)];
			const missing = unique.filter(id => !full.has(id));
			if (missing.length > 0) meetFull(await api.showManyUsers(missing));
			return unique.flatMap(id => full.get(id) ?? []);
		},
		/** Stops listening to ZAF. */
		dispose: () => stops.forEach(stop => stop()),
	};
}

/** The store of one open ticket. */
export type TicketStore = ReturnType<typeof createTicketStore>;
