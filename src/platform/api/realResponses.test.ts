import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createReplayEmulator } from "../../../sandbox/emulator/realResponses/createReplayEmulator";
import {
	COMMITTED_DIR,
	loadRealResponses,
	SHARED_DIR,
	type CapturedResponse,
} from "../../../sandbox/emulator/realResponses/loadRealResponses";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi, type ZendeskApi } from "./client";
import { ApiError } from "./errors";
import * as baseNormalizers from "./normalize";
import * as activityNormalizers from "./normalizeActivity";

/**
 * Every captured Zendesk response (sandbox/emulator/realResponses/SOURCES.md) replayed through the
 * real adapter, relay and API client, the way the app makes the call. Success answers must be
 * accepted; error answers must reject with the ApiError kind the app expects.
 */
const captures = loadRealResponses();
const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) dispose();
});

function replay(capture: CapturedResponse): ZendeskApi {
	const { port, client } = createInProcessPort({ emulator: createReplayEmulator(capture), ticketId: 1 });
	disposers.push(() => client.close());
	return createZendeskApi(port);
}

/** Runs the capture's `call`: an API function with its args, or a normalizer on `body[key]`. */
async function run(capture: CapturedResponse): Promise<unknown> {
	const { call } = capture;
	if (call.fn === "normalize") {
		const normalizers = { ...baseNormalizers, ...activityNormalizers } as unknown as Record<
			string,
			(raw: unknown) => unknown
		>;
		const normalize = normalizers[call.normalizer ?? ""];
		if (!normalize) throw new Error(`unknown normalizer ${call.normalizer}`);
		const body = capture.response.body as Record<string, unknown>;
		return normalize(body[call.key ?? ""]);
	}
	const fn = (replay(capture) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[call.fn];
	if (!fn) throw new Error(`unknown API function ${call.fn}`);
	return fn(...(call.args ?? []));
}

/**
 * The list in each body that the call's result must keep item for item (`[result key, body path]`).
 * Keys the normalizers do not read are dropped on purpose: the camelCase types hold only what the
 * app uses (house-style: validate at the boundary). Whole items are never dropped from these captures.
 */
const LISTS: Record<string, [resultKey: string | null, bodyPath: string[]]> = {
	listComments: [null, ["comments"]],
	listAudits: ["items", ["audits"]],
	listTicketFields: [null, ["ticket_fields"]],
	listTicketForms: [null, ["ticket_forms"]],
	listLocales: [null, ["locales"]],
	showManyUsers: [null, ["users"]],
	searchUsers: [null, ["users"]],
	showManyOrganizations: [null, ["organizations"]],
	autocompleteOrganizations: [null, ["organizations"]],
	uploadText: ["attachments", ["upload", "attachments"]],
	getJobStatus: ["results", ["job_status", "results"]],
};

/**
 * Items dropped on purpose, per capture. An object-shaped job `results` (`{"success": true}`, a
 * permanent delete) carries no per-item outcome the app could show, so it becomes `[]`.
 */
const DELIBERATE_DROPS: Record<string, string> = {
	"zp-job-completed-object-results": "object-shaped results carry no items",
};

/** Functions that resolve with nothing on success. */
const VOID_CALLS = new Set(["deleteUpload"]);

function at(value: unknown, path: string[]): unknown {
	return path.reduce<unknown>(
		(v, key) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined),
		value,
	);
}

const successes = captures.filter(c => c.call.expectKind === undefined);
const failures = captures.filter(c => c.call.expectKind !== undefined);

describe("captured Zendesk responses through the API client", () => {
	it("has all 47 captures", () => {
		expect(captures).toHaveLength(47);
	});

	it.each(successes.map(c => [c.id, c] as const))("accepts %s", async (_id, capture) => {
		const result = await run(capture);
		if (VOID_CALLS.has(capture.call.fn)) return expect(result).toBeUndefined();
		expect(result).not.toBeNull();
		expect(result).not.toBeUndefined();
		const list = LISTS[capture.call.fn];
		if (!list) return;
		const [resultKey, bodyPath] = list;
		const raw = at(capture.response.body, bodyPath);
		const items = resultKey === null ? result : (result as Record<string, unknown>)[resultKey];
		expect(Array.isArray(items)).toBe(true);
		const expected = capture.id in DELIBERATE_DROPS || !Array.isArray(raw) ? 0 : raw.length;
		expect((items as unknown[]).length).toBe(expected);
	});

	it.each(failures.map(c => [c.id, c] as const))("rejects %s with the expected kind", async (_id, capture) => {
		const error = await run(capture).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(ApiError);
		const apiError = error as ApiError;
		expect(apiError.kind).toBe(capture.call.expectKind);
		if (capture.call.expectRetryAfter !== undefined)
			expect(apiError.retryAfterSeconds).toBe(capture.call.expectRetryAfter);
		if (capture.call.expectDetailsKey !== undefined)
			expect(Object.keys(apiError.details ?? {})).toContain(capture.call.expectDetailsKey);
	});
});

describe("the committed copy of the captures", () => {
	const shared = existsSync(join(SHARED_DIR, "SOURCES.md"));

	it.skipIf(!shared)("matches the shared reference file for file (parsed, so reformatting does not matter)", () => {
		expect(loadRealResponses(COMMITTED_DIR)).toEqual(loadRealResponses(SHARED_DIR));
	});

	it("names the source of every capture in SOURCES.md", () => {
		const sources = readFileSync(join(COMMITTED_DIR, "SOURCES.md"), "utf8");
		for (const capture of loadRealResponses(COMMITTED_DIR)) expect(sources, capture.id).toContain(capture.id);
	});
});
