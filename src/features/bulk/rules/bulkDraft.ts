/** The bulk change as the agent left it (stored per agent and ticket), and its check on restore. Pure. */
import { isRecord } from "../../../shared/isRecord";

/** What the agent typed, as typed. */
export interface BulkTexts {
	ccsAdd: string;
	ccsRemove: string;
	followersAdd: string;
	followersRemove: string;
	tagsAdd: string;
	tagsRemove: string;
	fieldId: number | null;
	fieldValue: string;
}

/** The stored draft: the selection, the texts, whether a run was under way, and the values its tickets had when the agent chose them. */
export interface BulkDraft {
	selected: number[];
	texts: BulkTexts;
	running: boolean;
	/** Per ticket id, the custom field values shown when the run started (its base, across a reload). */
	base?: Record<string, Array<{ id: number; value: unknown }>>;
	/** The run was "Apply mine anyway" on this one ticket (resumed as that, never as the whole selection). */
	only?: number;
}

const TEXT_KEYS = [
	"ccsAdd",
	"ccsRemove",
	"followersAdd",
	"followersRemove",
	"tagsAdd",
	"tagsRemove",
	"fieldValue",
] as const;

/** True for a stored value that is a `BulkDraft` (anything else is ignored on restore). */
export function isBulkDraft(value: unknown): value is BulkDraft {
	if (!isRecord(value) || !isRecord(value.texts) || typeof value.running !== "boolean") return false;
	const texts = value.texts;
	return (
		Array.isArray(value.selected) &&
		value.selected.every(id => Number.isSafeInteger(id)) &&
		TEXT_KEYS.every(key => typeof texts[key] === "string") &&
		(texts.fieldId === null || Number.isSafeInteger(texts.fieldId)) &&
		(value.base === undefined || isBase(value.base)) &&
		(value.only === undefined || Number.isSafeInteger(value.only))
	);
}

function isBase(value: unknown): boolean {
	return (
		isRecord(value) &&
		Object.values(value).every(
			list => Array.isArray(list) && list.every(entry => isRecord(entry) && Number.isSafeInteger(entry.id)),
		)
	);
}
