import { isRecord } from "../../shared/isRecord";
/**
 * Reads a Zendesk error body in every shape the API uses (zendesk-ticket-api.md §11, "App-side
 * parsing rule"): `{error: "Code", description, details}`, the 403 `{error: {title, message}}`,
 * the newer `{errors: [{code, title, detail}]}`, and plain text or HTML (429, 5xx).
 */
import type { ErrorDetails } from "./errors";

/** What the app keeps from an error body. Every field is optional; nothing here is trusted. */
export interface ParsedErrorBody {
	code?: string;
	description?: string;
	details?: ErrorDetails;
	/** The body when it was not JSON, trimmed and shortened (429 text/html, 5xx pages). */
	text?: string;
}

/** Longest plain-text body we keep: enough for Zendesk's one-line messages, not a whole HTML page. */
const MAX_TEXT = 300;

/** Parses JSON or text into {code, description, details, text}. Never throws; unknown shapes yield `{}`. */
export function parseErrorBody(json: unknown, text: string | undefined): ParsedErrorBody {
	const body = json !== undefined ? json : tryParseJson(text);
	if (isRecord(body)) {
		const out: ParsedErrorBody = {};
		if (typeof body.error === "string") {
			out.code = body.error;
			if (typeof body.description === "string") out.description = body.description;
		} else if (isRecord(body.error)) {
			if (typeof body.error.title === "string") out.code = body.error.title;
			if (typeof body.error.message === "string") out.description = body.error.message;
		} else if (Array.isArray(body.errors) && isRecord(body.errors[0])) {
			const first = body.errors[0];
			if (typeof first.code === "string") out.code = first.code;
			const detail = typeof first.detail === "string" ? first.detail : first.title;
			if (typeof detail === "string") out.description = detail;
		} else if (typeof body.description === "string") {
			out.description = body.description;
		}
		const details = parseDetails(body.details);
		if (details) out.details = details;
		return out;
	}
	if (typeof text === "string" && text.trim() !== "") return { text: plainText(text) };
	return {};
}

/** Keeps only `field → [{...}]` entries of a Zendesk `details` map. Returns undefined when nothing is left. */
function parseDetails(raw: unknown): ErrorDetails | undefined {
	if (!isRecord(raw)) return undefined;
	const out: ErrorDetails = {};
	for (const [field, list] of Object.entries(raw)) {
		if (!Array.isArray(list)) continue;
		const items = list.filter(isRecord).map(item => ({
			...item,
			description: typeof item.description === "string" ? item.description : undefined,
			error: typeof item.error === "string" ? item.error : undefined,
		}));
		if (items.length > 0) out[field] = items;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** Every human-readable string in a details map, for matching (e.g. "closed prevents ticket update"). */
export function detailTexts(details: ErrorDetails | undefined): string[] {
	if (!details) return [];
	return Object.values(details).flatMap(list =>
		list.flatMap(item => [item.description, item.error].filter((s): s is string => typeof s === "string")),
	);
}

function tryParseJson(text: string | undefined): unknown {
	if (typeof text !== "string" || !/^\s*[[{]/.test(text)) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Strips tags and collapses whitespace so an HTML error page reads as one line. */
function plainText(text: string): string {
	const flat = text
		.replace(/<[^>]*>/g, " ")
		.replace(/\s+/g, " ")
		.trim();
	return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}
