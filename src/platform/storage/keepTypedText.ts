/** Text typed in a picker, not picked yet: a draft under `typedTextSection`, one entry per picker; "" removes it. */
import { isRecord } from "../../shared/isRecord";
import { typedTextSection, type DraftSection, type DraftStore } from "./createDraftStore";

/** The typed text of one picker: what was kept, and where to keep changes (a `LiveSearch`'s `keepText`). */
export interface KeptText {
	initial: string;
	save(text: string): void;
}

const isTextMap = (value: unknown): value is Record<string, string> =>
	isRecord(value) && Object.values(value).every(text => typeof text === "string");

/** The kept text of picker `key` in `section`. Never throws (the draft store does not). */
export function keepTypedText(drafts: DraftStore, section: DraftSection, key: string): KeptText {
	const where = typedTextSection(section);
	const read = () => drafts.load(where, isTextMap) ?? {};
	return {
		initial: read()[key] ?? "",
		save(text) {
			const { [key]: _old, ...others } = read();
			const next = text === "" ? others : { ...others, [key]: text };
			if (Object.keys(next).length === 0) drafts.clear(where);
			else drafts.save(where, next);
		},
	};
}
