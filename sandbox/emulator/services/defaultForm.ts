/** The account's default ticket form: the active form marked `default`, else none (accounts without forms). */
import type { Db } from "../db/db";

/** Id of the active default form, or null when the account has none. */
export function defaultFormId(db: Db): number | null {
	return db.ticketForms.find(f => f.default && f.active)?.id ?? null;
}
