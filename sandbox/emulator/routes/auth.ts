/**
 * HTTP Basic authentication the way Zendesk accepts it: `{email}/token:{api_token}` or
 * `{email}:{password}` (zendesk-ticket-api.md §2; issue 3). Returns the user or undefined.
 */
import { findUserByEmail, type Db } from "../db/db";
import type { UserRecord } from "../db/records";

/** The password every seeded user of the built-in worlds accepts for `{email}:{password}` (documented in docs/emulator.md). */
export const SANDBOX_PASSWORD = "sandbox-password";

/** The account API token of the built-in worlds. */
export const SANDBOX_API_TOKEN = "sandbox";

/** The user named by an `Authorization: Basic …` header, or undefined (missing, malformed, wrong secret, inactive or suspended). */
export function authenticate(db: Db, authorization: string | undefined): UserRecord | undefined {
	const match = /^Basic\s+(.+)$/i.exec(authorization?.trim() ?? "");
	if (!match?.[1]) return undefined;
	const decoded = Buffer.from(match[1], "base64").toString("utf8");
	const colon = decoded.indexOf(":");
	if (colon < 0) return undefined;
	const login = decoded.slice(0, colon);
	const secret = decoded.slice(colon + 1);
	const isToken = login.endsWith("/token");
	const user = findUserByEmail(db, isToken ? login.slice(0, -"/token".length) : login);
	if (!user || !user.active || user.suspended) return undefined;
	if (isToken) return db.account.api_tokens.includes(secret) ? user : undefined;
	const password = db.account.passwords[String(user.id)];
	return password !== undefined && password === secret ? user : undefined;
}

/** Builds an `Authorization` header value for `{email}/token:{token}` (for tests and tools). */
export function basicTokenHeader(email: string, token = SANDBOX_API_TOKEN): string {
	return `Basic ${Buffer.from(`${email}/token:${token}`).toString("base64")}`;
}
