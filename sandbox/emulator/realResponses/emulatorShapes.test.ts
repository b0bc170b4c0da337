import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setupEmulator, type EmulatorHarness } from "../testSupport";
import { appReader } from "./appReaders";
import { NO_COUNTERPART, SCENARIOS } from "./emulatorScenarios";
import { loadRealResponses } from "./loadRealResponses";
import { hasPath, missingReads } from "./recordReads";

/**
 * For every captured Zendesk response, the emulator's answer to the same call (emulatorScenarios.ts)
 * has every key the app reads (found by running the app's own normalizers, appReaders.ts) that the
 * real answer has. Status codes and the headers the app reads must match too.
 */
const captures = loadRealResponses();
let h: EmulatorHarness;
beforeEach(() => {
	h = setupEmulator();
});
afterEach(() => h.emulator.dispose());

/** Headers the app reads (`Retry-After` for 429s; `Location` is not read). */
const READ_HEADERS = ["retry-after"];

/**
 * Keys the app accepts under two names: an attachment's `name` (old docs examples) is read only
 * when `file_name` is missing, so an emulator answer with `file_name` satisfies it.
 */
const ALIASES: Array<[pattern: RegExp, replacement: string]> = [[/(attachments?(\[\])?)\.name$/, "$1.file_name"]];

/**
 * The app follows either pagination style (`nextPagePath`: cursor `meta`/`links`, else offset
 * `next_page`). A request without `page[size]` gets offset pagination, as Zendesk documents, so
 * cursor keys in a capture of such a request (gz-ticket-comments, hand-edited) are satisfied by `next_page`.
 */
const PAGINATION = /^(meta|links)(\.|$)/;

function missing(real: unknown, emulated: unknown, read: (body: unknown) => void, cursorRequest: boolean): string[] {
	return missingReads(real, emulated, read).filter(path => {
		const alias = ALIASES.reduce((p, [pattern, replacement]) => p.replace(pattern, replacement), path);
		if (PAGINATION.test(path) && !cursorRequest && hasPath(emulated, "next_page")) return false;
		return alias === path || !hasPath(emulated, alias);
	});
}

describe("the emulator answers like the captured Zendesk responses", () => {
	it("has a scenario or a stated reason for every capture", () => {
		for (const capture of captures)
			expect(capture.id in SCENARIOS || capture.id in NO_COUNTERPART, capture.id).toBe(true);
	});

	it.each(captures.filter(c => c.id in SCENARIOS).map(c => [c.id, c] as const))(
		"%s: same status, and every key the app reads",
		async (id, capture) => {
			const answer = await SCENARIOS[id]!(h);
			expect(answer.status).toBe(capture.response.status);
			const emulated = answer.json ?? answer.text;
			const cursorRequest =
				capture.request.url.includes("page%5Bsize%5D") || capture.request.url.includes("page[size]");
			expect(missing(capture.response.body, emulated, appReader(capture.call), cursorRequest)).toEqual([]);
			for (const header of READ_HEADERS)
				if (header in capture.response.headers) expect(answer.headers[header], header).toBeDefined();
		},
	);
});
