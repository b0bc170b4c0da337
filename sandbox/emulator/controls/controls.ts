/**
 * Sandbox controls (not Zendesk): reset/load worlds, faults, "change as another agent", settings,
 * state and request log. The `/__sandbox/*` routes and `emulator.controls` both call these.
 */
import { findTicket, findUserByEmail } from "../db/db";
import { createFault, type Fault, type FaultSpec } from "./faults";
import type { RequestLogEntry } from "./requestLog";
import type { Runtime } from "../db/runtime";
import { auditJson, ticketJson } from "../routes/serializers";
import { isLightAgent, isStaff, type Failure } from "../services/serviceTypes";
import { applySettingsPatch, describeSettings, type SettingsPatch } from "../settings";
import { updateTicket } from "../services/ticketService";
import { getWorld, listWorlds } from "../worlds/index";

/** What "change as another agent" takes: a ticket, who (email; default: the world's other agent), and a ticket update body. */
export interface ActAsInput {
	ticketId: number;
	as?: string;
	/** A `PUT /tickets/{id}` ticket body; default: a private note "Updated by <name> in another tab". */
	changes?: Record<string, unknown>;
}

/** The answer of actAs: the updated ticket (and audit) in wire shape, or the refusal. */
export type ActAsResult =
	{ ok: true; ticket: Record<string, unknown>; audit?: Record<string, unknown> } | { ok: false; failure: Failure };

/** Everything the sandbox lets a test or the workspace do. */
export interface EmulatorControls {
	/** Restores a world (default: the current one); false for an unknown name (nothing changes). */
	reset(world?: string): boolean;
	/** The worlds that can be loaded. */
	worlds(): Array<{ name: string; description: string }>;
	/** Registers a fault; throws on an invalid spec (a bug in the caller). */
	addFault(spec: FaultSpec): Fault;
	/** Removes every fault. */
	clearFaults(): void;
	/** The registered faults with their remaining counts. */
	faults(): Fault[];
	/** Applies `changes` like a PUT by another agent; the new `updated_at` is always later than the old one. */
	actAs(input: ActAsInput): ActAsResult;
	/** The current settings. */
	settings(): Required<SettingsPatch>;
	/** Changes settings; returns the keys it ignored. */
	updateSettings(patch: SettingsPatch): { settings: Required<SettingsPatch>; ignored: string[] };
	/** A JSON-safe dump of the whole state (blobs as sizes, no passwords). */
	state(): Record<string, unknown>;
	/** The request log (API and attachment requests; not sandbox controls). */
	requests(): RequestLogEntry[];
	/** Empties the request log. */
	clearRequests(): void;
	/** Runs all pending job steps now. */
	flushJobs(): void;
}

/** The default "other agent": the world's, else the first full agent who is neither admin@ nor agent@example.com. */
function otherAgentEmail(rt: Runtime): string | undefined {
	const preferred = getWorld(rt.worldName)?.otherAgentEmail;
	if (preferred && findUserByEmail(rt.ctx.db, preferred)) return preferred;
	return rt.ctx.db.users.find(
		u => isStaff(u) && !isLightAgent(u) && u.active && !["admin@example.com", "agent@example.com"].includes(u.email),
	)?.email;
}

/** Controls bound to one runtime. */
export function createControls(rt: Runtime): EmulatorControls {
	return {
		reset: world => rt.reset(world),
		worlds: () => listWorlds(),
		addFault(spec) {
			const fault = createFault(spec);
			if (typeof fault === "string") throw new Error(`[emulator] invalid fault: ${fault}`);
			rt.faults.push(fault);
			return fault;
		},
		clearFaults: () => void rt.faults.splice(0),
		faults: () => rt.faults.map(f => ({ ...f })),
		actAs(input) {
			const email = input.as ?? otherAgentEmail(rt);
			const actor = email ? findUserByEmail(rt.ctx.db, email) : undefined;
			if (!actor)
				return {
					ok: false,
					failure: {
						kind: "invalid",
						issues: [{ field: "as", description: `No such user: ${email ?? "(none)"}`, error: "InvalidValue" }],
					},
				};
			const changes = input.changes ?? { comment: { body: `Updated by ${actor.name} in another tab`, public: false } };
			if (!findTicket(rt.ctx.db, input.ticketId)) return { ok: false, failure: { kind: "not_found" } };
			const result = updateTicket(rt.ctx, actor, input.ticketId, changes, { forceNewer: true });
			if (!result.ok) return { ok: false, failure: result.failure };
			const { ticket, audit } = result.value;
			const base = rt.fallbackBaseUrl;
			return {
				ok: true,
				ticket: ticketJson(rt.ctx.db, ticket, base),
				...(audit ? { audit: auditJson(rt.ctx.db, audit, base) } : {}),
			};
		},
		settings: () => describeSettings(rt.settings, rt.ctx.db),
		updateSettings(patch) {
			const ignored = applySettingsPatch(rt.settings, rt.ctx.db, patch);
			return { settings: describeSettings(rt.settings, rt.ctx.db), ignored };
		},
		state() {
			const { blobs, account, ...rest } = rt.ctx.db;
			return {
				world: rt.worldName,
				settings: describeSettings(rt.settings, rt.ctx.db),
				account: { subdomain: account.subdomain, settings: account.settings, api_tokens: account.api_tokens },
				...structuredClone(rest),
				blobs: Object.fromEntries(Object.entries(blobs).map(([id, bytes]) => [id, { size: bytes.byteLength }])),
				faults: rt.faults.map(f => ({ ...f })),
				activeJobs: rt.runner.active(),
			};
		},
		requests: () => rt.log.map(e => ({ ...e })),
		clearRequests: () => void rt.log.splice(0),
		flushJobs: () => rt.runner.flush(),
	};
}
