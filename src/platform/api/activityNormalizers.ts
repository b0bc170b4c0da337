/**
 * The normalizers of what only writes, uploads, jobs and the history answer (audits, comments,
 * uploads, job statuses: `normalizeActivity.ts`), fetched the first time one is needed instead of
 * with every panel, since a panel that only shows its glances reads none. The import is shared; a
 * failed fetch is tried again on the next call (that call fails like a lost connection).
 */
import type * as Activity from "./normalizeActivity";

let loading: Promise<typeof Activity> | undefined;

/** The activity normalizers, once their chunk has arrived. */
export function activityNormalizers(): Promise<typeof Activity> {
	loading ??= import("./normalizeActivity").catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
