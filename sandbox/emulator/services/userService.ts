/**
 * Users: lookup, search, autocomplete, and creation (explicit, or implicit from requesters, CCs and
 * collaborators). Knows no HTTP. Zendesk rules from zendesk-ticket-api.md §8 [V] unless noted.
 */
import { findLocale } from "./localeCatalog";
import { isoSecond } from "../db/clock";
import { findUser, findUserByEmail, nextId } from "../db/db";
import { newUserRecord, type UserRecord } from "../db/records";
import { fail, invalid, isObject, isStaff, ok, type Result, type ServiceContext } from "./serviceTypes";

/** Loose email check: one `@`, a dot in the domain, no spaces. */
export function isEmail(value: unknown): value is string {
	return typeof value === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** The name Zendesk derives from an email when none is given: the local part (GUIDE "Setting email CCs" [V]). */
export function nameFromEmail(email: string): string {
	return email.trim().split("@")[0] ?? email;
}

/** Adds a user to the db and notifies. Does not validate: callers do. */
export function insertUser(
	ctx: ServiceContext,
	fields: Partial<UserRecord> & { name: string; email: string },
): UserRecord {
	const user = newUserRecord(
		{ id: nextId(ctx.db, "user"), ...fields, email: fields.email.trim().toLowerCase() },
		isoSecond(ctx.clock.now()),
	);
	ctx.db.users.push(user);
	ctx.notify({ type: "user", id: user.id });
	return user;
}

/** The existing user with this email, or a new end user named `name` (or the email's local part). */
export function findOrCreateEndUser(ctx: ServiceContext, email: string, name?: unknown): UserRecord {
	const existing = findUserByEmail(ctx.db, email);
	if (existing) return existing;
	const cleanName = typeof name === "string" && name.trim() !== "" ? name.trim() : nameFromEmail(email);
	return insertUser(ctx, { name: cleanName, email });
}

/** `POST /api/v2/users`: agents may create end users only; admins any role. Duplicate email → DuplicateValue. */
export function createUser(ctx: ServiceContext, actor: UserRecord, input: unknown): Result<UserRecord> {
	if (!isStaff(actor) || actor.role_type === 1) return fail({ kind: "forbidden" });
	if (!isObject(input)) return invalid({ field: "base", description: "User: is invalid", error: "InvalidValue" });
	const role = input.role === undefined ? "end-user" : input.role;
	if (role !== "end-user" && role !== "agent" && role !== "admin") {
		return invalid({ field: "role", description: "Role: is invalid", error: "InvalidValue" });
	}
	if (role !== "end-user" && actor.role !== "admin") return fail({ kind: "forbidden" });
	const name = typeof input.name === "string" ? input.name.trim() : "";
	if (name === "")
		return invalid({ field: "name", description: "Name: is too short (minimum one character)", error: "BlankValue" });
	const email = input.email;
	if (email !== undefined && !isEmail(email)) {
		return invalid({
			field: "email",
			description: `Email: ${String(email)} is not properly formatted`,
			error: "InvalidFormat",
		});
	}
	if (typeof email === "string" && findUserByEmail(ctx.db, email)) {
		// Fixture wording [F]: "Email: … is already being used by another user".
		return invalid({
			field: "email",
			description: `Email: ${email} is already being used by another user`,
			error: "DuplicateValue",
		});
	}
	const user = insertUser(ctx, {
		name,
		email: typeof email === "string" ? email : "",
		role,
		role_type: role === "admin" ? 4 : null,
		verified: input.verified === true,
		external_id: typeof input.external_id === "string" ? input.external_id : null,
		phone: typeof input.phone === "string" ? input.phone : null,
		notes: typeof input.notes === "string" ? input.notes : "",
		...localeOf(input.locale_id),
	});
	return ok(user);
}

/** `GET /users/{id}` (agents only). */
export function showUser(ctx: ServiceContext, actor: UserRecord, id: number): Result<UserRecord> {
	if (!isStaff(actor) && actor.id !== id) return fail({ kind: "forbidden" });
	const user = findUser(ctx.db, id);
	return user ? ok(user) : fail({ kind: "not_found" });
}

/** `GET /users/show_many?ids=`: known ids in request order, unknown ones skipped (at most 100). */
export function showManyUsers(
	ctx: ServiceContext,
	actor: UserRecord,
	ids: number[],
	externalIds: string[] = [],
): Result<UserRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const byId = ids.slice(0, 100).flatMap(id => findUser(ctx.db, id) ?? []);
	const byExternal = ctx.db.users.filter(u => u.external_id !== null && externalIds.includes(u.external_id));
	return ok([...byId, ...byExternal]);
}

/**
 * `GET /users/search?query=`: every word must match the start of a word of the name, email, notes
 * or phone (case-insensitive; terms with punctuation match anywhere); `role:agent`, `role:end-user`, `role:admin`, `email:x` and `name:x` narrow it. A
 * small subset of Zendesk's search syntax (§8 [V shape; U syntax detail]).
 */
export function searchUsers(
	ctx: ServiceContext,
	actor: UserRecord,
	query: string,
	externalId?: string,
): Result<UserRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	if (externalId !== undefined) return ok(ctx.db.users.filter(u => u.external_id === externalId));
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	const users = ctx.db.users.filter(user =>
		words.every(word => {
			const [key, ...restParts] = word.split(":");
			const rest = restParts.join(":").replace(/^"|"$/g, "");
			if (restParts.length > 0 && key === "role") return user.role === rest;
			if (restParts.length > 0 && key === "email") return user.email.toLowerCase().includes(rest);
			if (restParts.length > 0 && key === "name") return user.name.toLowerCase().includes(rest);
			const term = word.replace(/^"|"$/g, "");
			const fields = [user.name, user.email, user.notes, user.phone ?? ""].map(f => f.toLowerCase());
			// Words match the start of a word (like Zendesk's search); terms with punctuation (emails, domains) match anywhere.
			if (/[^\p{L}\p{N}]/u.test(term)) return fields.some(f => f.includes(term));
			return fields.some(f => f.split(/[^\p{L}\p{N}]+/u).some(token => token.startsWith(term)));
		}),
	);
	return ok(words.length === 0 ? [] : users.slice(0, 100));
}

/** `GET /users/autocomplete?name=`: users whose name, or a word of it, starts with the value ("name starts with" [V]). */
export function autocompleteUsers(ctx: ServiceContext, actor: UserRecord, name: string): Result<UserRecord[]> {
	if (!isStaff(actor)) return fail({ kind: "forbidden" });
	const prefix = name.trim().toLowerCase();
	if (prefix === "") return ok([]);
	const matches = ctx.db.users.filter(u => {
		const lower = u.name.toLowerCase();
		return lower.startsWith(prefix) || lower.split(/\s+/).some(w => w.startsWith(prefix));
	});
	return ok(matches.slice(0, 100));
}

/** `locale_id` with its matching `locale` (en-US 1 unless a known catalog id is given [U]). */
function localeOf(localeId: unknown): { locale_id: number; locale: string } {
	const entry = typeof localeId === "number" ? findLocale(String(localeId)) : undefined;
	return entry ? { locale_id: entry.id, locale: entry.locale } : { locale_id: 1, locale: "en-US" };
}
