/**
 * Fault injection (a sandbox control, not Zendesk): answer matching requests with a chosen
 * status/body/headers, delay them, or cut the connection, a given number of times.
 */
import { randomUUID } from "node:crypto";
import { splitUrl } from "../routes/router";
import { isObject } from "../services/serviceTypes";

/** What `POST /__sandbox/faults` accepts. */
export interface FaultSpec {
	/** HTTP method, or `*` / absent for any. */
	method?: string;
	/** Exact path (`.json` and query ignored), a glob (`*` = one segment part, `**` = anything), or a regex string `/…/flags`. */
	path: string;
	/** Status to answer; absent with `delayMs` only = the real answer, late. */
	status?: number;
	/** Body to answer (object → JSON, string → as-is); absent = Zendesk's body for that status. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Adds `Retry-After: <seconds>`. */
	retryAfter?: number;
	/** Wait this long (real milliseconds) before answering. */
	delayMs?: number;
	/** Cut the connection without an answer. */
	drop?: boolean;
	/** How many matching requests it affects; absent = until cleared. */
	times?: number;
}

/** A registered fault. */
export interface Fault extends FaultSpec {
	id: string;
	/** Matches left; null = unlimited. */
	remaining: number | null;
	hits: number;
}

/** Validates a spec; returns the fault or an error message. */
export function createFault(raw: unknown): Fault | string {
	if (!isObject(raw)) return "fault must be an object";
	if (typeof raw.path !== "string" || raw.path === "") return "fault.path is required";
	if (raw.status !== undefined && (typeof raw.status !== "number" || raw.status < 100 || raw.status > 599))
		return "fault.status must be an HTTP status";
	if (raw.times !== undefined && (typeof raw.times !== "number" || raw.times < 1))
		return "fault.times must be a positive number";
	if (raw.status === undefined && raw.drop !== true && raw.delayMs === undefined)
		return "fault needs status, drop or delayMs";
	const spec = raw as unknown as FaultSpec;
	return { ...spec, id: randomUUID(), remaining: spec.times ?? null, hits: 0 };
}

function globToRegExp(glob: string): RegExp {
	const escaped = glob
		.replace(/[.+?^${}()|[\]\\]/g, "\\$&")
		.replace(/\*\*/g, "\u0000")
		.replace(/\*/g, "[^/]*")
		// eslint-disable-next-line no-control-regex -- NUL is the placeholder for "**" set two lines up
		.replace(/\u0000/g, ".*");
	return new RegExp(`^${escaped}$`);
}

/** The regex of a pattern written as `re:<source>` or `/<source>/<flags>` with regex syntax in it; else undefined. */
function patternRegExp(pattern: string): RegExp | undefined {
	try {
		if (pattern.startsWith("re:")) return new RegExp(pattern.slice(3));
		const literal = /^\/(.+)\/([gimsuy]*)$/.exec(pattern);
		if (literal?.[1] !== undefined && /[\\^$()[\]|+?{}]/.test(literal[1])) return new RegExp(literal[1], literal[2]);
	} catch {
		return /$^/;
	}
	return undefined;
}

/** True when a fault's path pattern matches the request URL (regexes see the path without `.json`, then the raw URL). */
export function faultPathMatches(pattern: string, url: string): boolean {
	const { path } = splitUrl(url);
	const regex = patternRegExp(pattern);
	if (regex) return regex.test(path) || regex.test(url);
	const normalized = splitUrl(pattern).path;
	return normalized.includes("*") ? globToRegExp(normalized).test(path) : normalized === path;
}

/** The first fault matching this request; counts the hit and retires exhausted faults. */
export function takeFault(faults: Fault[], method: string, url: string): Fault | undefined {
	const index = faults.findIndex(
		f =>
			(!f.method || f.method === "*" || f.method.toUpperCase() === method.toUpperCase()) &&
			faultPathMatches(f.path, url),
	);
	const fault = faults[index];
	if (!fault) return undefined;
	fault.hits += 1;
	if (fault.remaining !== null) {
		fault.remaining -= 1;
		if (fault.remaining <= 0) faults.splice(index, 1);
	}
	return fault;
}
