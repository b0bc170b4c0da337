/**
 * Sandbox settings: knobs that are not Zendesk state (job speed, rate limits) plus shortcuts to
 * the account settings the sandbox lets tests flip (CCs and followers, upload size limit).
 */
import type { Db } from "./db/db";
import { isObject } from "./services/serviceTypes";

/** Emulator-only settings. Account-level toggles live in `db.account.settings`. */
export interface SandboxSettings {
	/** Milliseconds between job steps (queued → working → each item → completed). 0 = next tick. */
	jobStepMs: number;
	/** Account requests per minute (Zendesk: 200–2500 by plan, §12 [V]); default 700 (Enterprise). */
	accountRateLimit: number;
	/** Updates per ticket per user per 10 minutes (§5.1 [V]: 30). */
	ticketUpdateRateLimit: number;
	/** Whether the two limits above are enforced. Headers are sent either way. */
	rateLimits: boolean;
	/** The next N jobs end as `failed` (to exercise error paths, checklist §15 #4). */
	failNextJobs: number;
}

/** Defaults: jobs take ~4 steps of 200 ms; limits as Zendesk Enterprise. */
export const DEFAULT_SETTINGS: SandboxSettings = {
	jobStepMs: 200,
	accountRateLimit: 700,
	ticketUpdateRateLimit: 30,
	rateLimits: true,
	failNextJobs: 0,
};

/** Everything `POST /__sandbox/settings` accepts: sandbox settings plus account shortcuts. */
export interface SettingsPatch extends Partial<SandboxSettings> {
	/** `tickets.follower_and_email_cc_collaborations` (the CCs-and-followers experience). */
	ccsAndFollowers?: boolean;
	/** `tickets.collaboration` (any CCs at all). */
	collaboration?: boolean;
	/** `limits.attachment_size` in bytes (default 50 MB, §9 [S]). */
	uploadMaxBytes?: number;
	lightAgentEmailCcsAllowed?: boolean;
	commentsPublicByDefault?: boolean;
	assignTicketsUponSolve?: boolean;
}

/** The current settings in the shape `GET/POST /__sandbox/settings` answers. */
export function describeSettings(settings: SandboxSettings, db: Db): Required<SettingsPatch> {
	const t = db.account.settings.tickets;
	return {
		...settings,
		ccsAndFollowers: t.follower_and_email_cc_collaborations,
		collaboration: t.collaboration,
		uploadMaxBytes: db.account.settings.limits.attachment_size,
		lightAgentEmailCcsAllowed: t.light_agent_email_ccs_allowed,
		commentsPublicByDefault: t.comments_public_by_default,
		assignTicketsUponSolve: t.assign_tickets_upon_solve,
	};
}

/** Applies a patch; returns the names of keys it did not understand (nothing is applied for those). */
export function applySettingsPatch(settings: SandboxSettings, db: Db, patch: unknown): string[] {
	if (!isObject(patch)) return ["(body)"];
	const unknown: string[] = [];
	const t = db.account.settings.tickets;
	for (const [key, value] of Object.entries(patch)) {
		const num = typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
		const bool = typeof value === "boolean" ? value : undefined;
		if (key === "jobStepMs" && num !== undefined) settings.jobStepMs = num;
		else if (key === "accountRateLimit" && num !== undefined) settings.accountRateLimit = num;
		else if (key === "ticketUpdateRateLimit" && num !== undefined) settings.ticketUpdateRateLimit = num;
		else if (key === "failNextJobs" && num !== undefined) settings.failNextJobs = Math.floor(num);
		else if (key === "rateLimits" && bool !== undefined) settings.rateLimits = bool;
		else if (key === "ccsAndFollowers" && bool !== undefined) {
			t.follower_and_email_cc_collaborations = bool;
			db.account.settings.active_features.allow_ccs = t.collaboration;
		} else if (key === "collaboration" && bool !== undefined) {
			t.collaboration = bool;
			db.account.settings.active_features.allow_ccs = bool;
		} else if (key === "uploadMaxBytes" && num !== undefined) db.account.settings.limits.attachment_size = num;
		else if (key === "lightAgentEmailCcsAllowed" && bool !== undefined) t.light_agent_email_ccs_allowed = bool;
		else if (key === "commentsPublicByDefault" && bool !== undefined) t.comments_public_by_default = bool;
		else if (key === "assignTicketsUponSolve" && bool !== undefined) t.assign_tickets_upon_solve = bool;
		else unknown.push(key);
	}
	return unknown;
}
