/** Typed text as the value Zendesk expects per field type (zendesk-ticket-api.md §7.1), or `Issue`s. Total. */
import type { Issue } from "./issues";
import { fieldAccess } from "./customFieldsAccess";
import { resolveOption } from "./customFieldsValues";
import {
	fieldKey,
	type CustomFieldType,
	type FieldDraftValue,
	type FieldValue,
	type TicketFieldDef,
} from "./customFieldsTypes";

/** Locale parsing: `decimalComma` also accepts a single `,` as the decimal separator (de, fr). */
export interface CoerceOptions {
	decimalComma?: boolean;
}

/** The value to send (with non-blocking notices), or the issues that block sending. */
type Coercion = { ok: true; value: FieldValue; notices: Issue[] } | { ok: false; issues: Issue[] };

type Coercer = (field: TicketFieldDef, draft: FieldDraftValue, options: CoerceOptions) => Coercion;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_WITH_TIME = /^\d{4}-\d{2}-\d{2}[T ]\S/;

const COERCERS: Record<CustomFieldType, Coercer> = {
	text: (field, draft) => text(field, draft),
	textarea: (field, draft) => text(field, draft, ok, value => value),
	integer: (field, draft) =>
		text(field, draft, value => {
			if (!INTEGER.test(value)) return fail(field, "fields.issues.integerInvalid", { value });
			const number = Number(value);
			if (!Number.isSafeInteger(number)) return fail(field, "fields.issues.integerTooLarge");
			return ok(number === 0 ? 0 : number); // no -0
		}),
	decimal: (field, draft, options) =>
		text(field, draft, value => {
			const normalized =
				options.decimalComma && !value.includes(".") ? value.replace(/^([^,]*),([^,]*)$/, "$1.$2") : value;
			const number = Number(normalized);
			if (!DECIMAL.test(normalized) || !Number.isFinite(number)) {
				return fail(field, "fields.issues.decimalInvalid", { value });
			}
			return ok(number === 0 ? 0 : number);
		}),
	date: (field, draft) =>
		text(field, draft, value => {
			if (DATE_WITH_TIME.test(value)) return fail(field, "fields.issues.dateHasTime", { value });
			const match = DATE.exec(value);
			const year = Number(match?.[1]);
			if (!match || year < 1) return fail(field, "fields.issues.dateInvalid", { value });
			const month = match[2] ?? "";
			const day = Number(match[3]);
			// The parts have the right shape, so say which one does not exist (2025-13-01, 2025-02-30).
			if (Number(month) < 1 || Number(month) > 12)
				return fail(field, "fields.issues.dateNoSuchMonth", { value, month });
			const days = daysInMonth(year, Number(month));
			if (day < 1 || day > days) {
				return fail(field, "fields.issues.dateNoSuchDay", { value, day, month, year: match[1] ?? "", days });
			}
			return ok(value);
		}),
	checkbox: (field, draft) => {
		if (draft === null || draft === false || draft === "false" || draft === "") return ok(false);
		if (draft === true || draft === "true") return ok(true);
		return fail(field, "fields.issues.wrongKind");
	},
	regexp: (field, draft) =>
		text(field, draft, value => {
			const { regex, broken } = compileZendeskPattern(field.regexpForValidation);
			if (broken) return { ok: true, value, notices: [issue(field, "fields.notices.patternUnchecked")] };
			if (regex && !regex.test(value)) return fail(field, "fields.issues.regexpMismatch", { value });
			return ok(value);
		}),
	tagger: (field, draft) =>
		text(field, draft, value => {
			const option = resolveOption(field, value);
			return option ? ok(option.value) : fail(field, "fields.issues.unknownOption", { value });
		}),
	multiselect: (field, draft) => {
		const items = typeof draft === "string" ? [draft] : draft === null ? [] : Array.isArray(draft) ? draft : null;
		if (items === null) return fail(field, "fields.issues.wrongKind");
		const tags: string[] = [];
		const unknown: string[] = [];
		for (const item of items) {
			if (typeof item !== "string") return fail(field, "fields.issues.wrongKind");
			if (item.trim() === "") continue;
			const option = resolveOption(field, item);
			if (!option) unknown.push(item.trim());
			else if (!tags.includes(option.value)) tags.push(option.value);
		}
		if (unknown.length > 0) return fail(field, "fields.issues.unknownOptions", { values: unknown.join(", ") });
		return ok(tags.length === 0 ? null : tags);
	},
	lookup: (field, draft) =>
		text(
			field,
			draft,
			value => {
				const id = /^\d+$/.test(value) ? Number(value) : NaN;
				if (!Number.isSafeInteger(id) || id <= 0) return fail(field, "fields.issues.lookupInvalid", { value });
				return ok(id);
			},
			value => value.trim().replace(/^#/, ""),
		),
	partialcreditcard: field => fail(field, "fields.issues.readOnly"),
};

/** Coerces a draft (empty clears: `null`, `false`); refuses hidden and read-only fields; ignores "required on solve". */
export function coerceFieldValue(field: TicketFieldDef, draft: FieldDraftValue, options: CoerceOptions = {}): Coercion {
	const access = fieldAccess(field);
	if (access.mode === "hidden") {
		return fail(field, access.reason === "inactive" ? "fields.issues.inactive" : "fields.issues.notEditable");
	}
	if (access.mode === "readOnly") return fail(field, "fields.issues.readOnly");
	return COERCERS[field.type as CustomFieldType](field, draft, options);
}

/** Only the issues of `coerceFieldValue` (empty = the value can be sent). */
export function validateFieldValue(
	field: TicketFieldDef,
	draft: FieldDraftValue,
	options: CoerceOptions = {},
): Issue[] {
	const result = coerceFieldValue(field, draft, options);
	return result.ok ? [] : result.issues;
}

/** Text-like types: wrong kinds fail, empty (after `clean`) clears, otherwise `parse` decides. */
function text(
	field: TicketFieldDef,
	draft: FieldDraftValue,
	parse: (value: string) => Coercion = ok,
	clean = (value: string) => value.trim(),
): Coercion {
	if (draft !== null && typeof draft !== "string") return fail(field, "fields.issues.wrongKind");
	const value = clean(draft ?? "");
	return value.trim() === "" ? ok(null) : parse(value);
}

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar Zendesk uses. */
function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function ok(value: FieldValue): Coercion {
	return { ok: true, value, notices: [] };
}

function issue(field: TicketFieldDef, code: string, vars?: Issue["vars"]): Issue {
	return vars ? { field: fieldKey(field.id), code, vars } : { field: fieldKey(field.id), code };
}

function fail(field: TicketFieldDef, code: string, vars?: Issue["vars"]): Coercion {
	return { ok: false, issues: [issue(field, code, vars)] };
}

/** Longest pattern we try to compile; an admin typo of megabytes must not freeze the sidebar. */
const MAX_PATTERN_LENGTH = 2000;

/**
 * Compiles a field's Ruby pattern (Zendesk evaluates it in Ruby): `\A`, `\z`, `\Z`, `\h`, a leading `(?i)`/`(?m)`
 * translated; Ruby's `^`/`$` are line anchors (flag `m`). `regex`: `null` when none or `broken` (Zendesk judges);
 * no guard against slow (backtracking) patterns.
 */
export function compileZendeskPattern(pattern: string | null | undefined): { regex: RegExp | null; broken: boolean } {
	if (typeof pattern !== "string" || pattern === "") return { regex: null, broken: false };
	if (pattern.length > MAX_PATTERN_LENGTH) return { regex: null, broken: true };
	let source = pattern;
	let flags = "m";
	const inline = /^\(\?([imx]+)\)/.exec(source);
	if (inline) {
		const letters = inline[1] ?? "";
		if (letters.includes("x")) return { regex: null, broken: true };
		if (letters.includes("i")) flags += "i";
		// Ruby's `m` is JavaScript's `s` (dot matches newline).
		if (letters.includes("m")) flags += "s";
		source = source.slice(inline[0].length);
	}
	try {
		return { regex: new RegExp(translateRubyEscapes(source), flags), broken: false };
	} catch {
		return { regex: null, broken: true };
	}
}

/** Rewrites Ruby-only escapes outside and inside character classes. Leaves everything else untouched. */
function translateRubyEscapes(source: string): string {
	let out = "";
	let inClass = false;
	for (let i = 0; i < source.length; i++) {
		const ch = source[i];
		if (ch === "\\") {
			const next = source[i + 1];
			i++;
			if (next === undefined) return out + "\\"; // a trailing backslash: let RegExp reject it
			if (!inClass && next === "A") out += "^";
			else if (!inClass && (next === "z" || next === "Z")) out += "$";
			else if (next === "h") out += inClass ? "0-9a-fA-F" : "[0-9a-fA-F]";
			else out += "\\" + next;
			continue;
		}
		if (ch === "[" && !inClass) inClass = true;
		else if (ch === "]" && inClass) inClass = false;
		out += ch;
	}
	return out;
}
