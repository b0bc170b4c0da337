/**
 * Shared types of the service layer: what a service needs (context) and what it answers (a
 * Result that is either a value or a Failure). Services never choose HTTP status codes; routes do.
 */
import type { Clock } from "../db/clock";
import type { Db } from "../db/db";
import type { UserRecord } from "../db/records";

/** One validation problem, in Zendesk's `details` vocabulary (`field` is the details key, e.g. `base`, `status`). */
export interface Issue {
	field: string;
	description: string;
	/** Zendesk's per-detail `error` code (`InvalidValue`, `BlankValue`, ...); null or absent when Zendesk sends none. */
	error?: string | null;
	/** Extra keys copied into the detail, e.g. `ticket_field_id`, `ticket_field_type`. */
	extra?: Record<string, unknown>;
}

/** Why a service refused. Routes map each kind to a status (invalid → 422, conflict → 409, ...). */
export type Failure =
	| { kind: "invalid"; issues: Issue[] }
	| { kind: "not_found" }
	| { kind: "forbidden" }
	| { kind: "update_conflict" }
	| { kind: "bad_request"; error: string; description: string }
	/** A search that cannot run: 400 in the OAS `Errors` shape (`{errors:[{code:"QueryError", title}]}`). */
	| { kind: "query_error"; title: string }
	| { kind: "too_large"; description: string };

/** A service answer: a value or a Failure. Never thrown. */
export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
	return { ok: true, value };
}

/** Wraps a failure as a failed Result. */
export function fail<T = never>(failure: Failure): Result<T> {
	return { ok: false, failure };
}

/** A 422 failure from issues. */
export function invalid<T = never>(...issues: Issue[]): Result<T> {
	return { ok: false, failure: { kind: "invalid", issues } };
}

/** Where a request came from; ends up in `audit.metadata.system`. */
export interface RequestInfo {
	userAgent?: string;
	ipAddress?: string;
}

/** Everything a service call may read or write. */
export interface ServiceContext {
	db: Db;
	clock: Clock;
	/** Called after each state change (ticket, user, upload, job). */
	notify(change: { type: "ticket" | "user" | "upload" | "job"; id: number | string; actorId?: number }): void;
}

/** True for agents and admins (light agents included). */
export function isStaff(user: UserRecord): boolean {
	return user.role === "agent" || user.role === "admin";
}

/** True for a light agent (role agent, role_type 1). */
export function isLightAgent(user: UserRecord): boolean {
	return user.role === "agent" && user.role_type === 1;
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Runs `fn` on the db; if it fails, every collection is put back as it was. Blobs (only ever
 * added) and jobs (whose records the job runner holds by reference) are not rolled back.
 */
export function transaction<T>(db: Db, fn: () => Result<T>): Result<T> {
	const { blobs, jobs, ...rest } = db;
	const snapshot = structuredClone(rest);
	let result: Result<T>;
	try {
		result = fn();
	} catch (error) {
		Object.assign(db, snapshot);
		throw error;
	}
	if (!result.ok) Object.assign(db, snapshot);
	void blobs;
	void jobs;
	return result;
}
