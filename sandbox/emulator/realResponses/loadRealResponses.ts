/**
 * The 47 Zendesk responses captured by public client libraries (see SOURCES.md beside this file),
 * as test fixtures. Read from `../shared/reference/real-responses/` next to the repository when
 * that folder exists (the team's reference copy), else from the copy committed here, so a clean
 * clone (CI) runs the same tests. Test-only: Node `fs`, never imported by the app or the emulator.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** How the app makes the captured call: an API client function, or a normalizer on `body[key]`. */
export interface CapturedCall {
	fn: string;
	args?: unknown[];
	normalizer?: string;
	key?: string;
	/** The ApiError kind the app must reject with (error responses). */
	expectKind?: string;
	expectRetryAfter?: number;
	expectDetailsKey?: string;
}

/** One captured exchange. `body` is parsed JSON, or the raw text for non-JSON bodies. */
export interface CapturedResponse {
	id: string;
	source: Record<string, unknown>;
	request: { method: string; url: string };
	response: { status: number; headers: Record<string, string>; body: unknown };
	call: CapturedCall;
}

/** The folder holding this file: the committed copy. */
export const COMMITTED_DIR = dirname(fileURLToPath(import.meta.url));

/** `../shared/reference/real-responses` relative to the repository root (three levels up from here). */
export const SHARED_DIR = resolve(COMMITTED_DIR, "../../../../shared/reference/real-responses");

/** The folder the fixtures are read from: the shared reference when present, else the committed copy. */
export function realResponsesDir(): string {
	return existsSync(join(SHARED_DIR, "SOURCES.md")) ? SHARED_DIR : COMMITTED_DIR;
}

/** Every `*.json` capture in `dir` (default: `realResponsesDir()`), sorted by file name. Throws on unreadable JSON. */
export function loadRealResponses(dir: string = realResponsesDir()): CapturedResponse[] {
	return readdirSync(dir)
		.filter(name => name.endsWith(".json"))
		.sort()
		.map(name => JSON.parse(readFileSync(join(dir, name), "utf8")) as CapturedResponse);
}

/** The capture with this id; throws when there is none (a typo in a test). */
export function realResponse(id: string, dir?: string): CapturedResponse {
	const found = loadRealResponses(dir).find(c => c.id === id);
	if (!found) throw new Error(`no captured response "${id}"`);
	return found;
}
