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

/** The stored draft: the selection, the texts, and whether a run was under way. */
export interface BulkDraft {
	selected: number[];
	texts: BulkTexts;
	running: boolean;
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
		(texts.fieldId === null || Number.isSafeInteger(texts.fieldId))
	);
}
