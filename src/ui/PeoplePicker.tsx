/**
 * The one picker for people and organizations (People CCs and followers, the follow-up's CCs and
 * requester, user and organization lookup fields): a text input with the live search under it, in
 * the combobox pattern (`useCombobox`: ↑/↓ wrapping, Enter, Escape; the focus stays in the input),
 * a status line, and the problems of what is typed. A typed email that a result has is that
 * result, never "new": it comes first in the list, and Enter picks it (waiting for the search if
 * it is still on its way). The text is the search's, so it is kept wherever the search keeps it
 * (a draft). Validates nothing itself: the owner's `onPick` / `onTyped` accept or refuse.
 */
import type { ComponentChildren, Ref } from "preact";
import { useId } from "preact/hooks";
import { emailProblem, normalizeEmail, sameEmail } from "../shared/email";
import { ComboboxList, useCombobox } from "./Combobox";
import { SEARCH_MIN_LENGTH, type LiveSearch } from "./createLiveSearch";

/** The picker's texts, translated by the owner. */
export interface PickerTexts {
	/** Empty when the owner labels the input (`inputId` is its `<label for>`). */
	label: string;
	hint?: string;
	placeholder?: string;
	/** The listbox's accessible name. */
	results: string;
	searching: string;
	failed: string;
	noResults: string;
	/** Shown while fewer than `SEARCH_MIN_LENGTH` characters are typed; `min` is passed. */
	typeMore?(min: number): string;
}

export interface PeoplePickerProps<T> {
	search: LiveSearch<T>;
	texts: PickerTexts;
	optionKey(item: T): string | number;
	/** An option's content (text or elements; never HTML). */
	option(item: T): ComponentChildren;
	/** Which results are offered (default: all). A hidden result's email is still recognised. */
	offer?(item: T): boolean;
	/** A result's email, to recognise a typed address as that record. */
	emailOf?(item: T): string | null;
	/** Takes a record; false when refused (the text stays, the owner's issues say why). */
	onPick(item: T): boolean;
	/**
	 * Enter with nothing highlighted, when the text is no result's email (or the "new" option):
	 * false when refused or not finished (the text stays). Without it Enter does nothing but take
	 * the record a typed email belongs to, so a search never submits the form around it.
	 */
	onTyped?(text: string): boolean;
	/** When given, a valid typed email that no result has is offered as an option with this text. */
	newOption?(email: string): string;
	/** Problems of what is typed or was refused (translated). */
	issues?: readonly string[];
	/** No "no results" status (the owner explains instead). */
	quietWhenNone?: boolean;
	/** False while a step of the owner's below replaces the list (the new CC's name). */
	open?: boolean;
	disabled?: boolean;
	type?: "text" | "search";
	inputRef?: Ref<HTMLInputElement>;
	/** The input's id, when the owner's label points to it. */
	inputId?: string;
	/** The owner's descriptions of the input (hint, problem), before the picker's own. */
	describedBy?: string | undefined;
	onBlur?(): void;
	/** The agent typed: clear an earlier refusal. */
	onType?(): void;
	/** Below the list (hints, the owner's extra step). */
	children?: ComponentChildren;
}

type Option<T> = { kind: "item"; item: T } | { kind: "new"; email: string };

/** The picker. Generic over what is picked (users, organizations). */
export function PeoplePicker<T>(props: PeoplePickerProps<T>) {
	const { search, texts, emailOf, issues = [], disabled = false } = props;
	const ownId = useId();
	const inputId = props.inputId ?? ownId;
	const hintId = useId();
	const issueId = useId();
	const query = search.query.value;
	const trimmed = query.trim();
	const state = search.state.value;
	const found = state === "done" ? search.results.value : [];
	const offered = props.offer ? found.filter(props.offer) : found;
	const isEmail = trimmed.includes("@") && emailProblem(trimmed) === null;
	const exact = isEmail && emailOf ? found.find(item => matches(emailOf(item), trimmed)) : undefined;
	const items = exact !== undefined && offered.includes(exact) ? [exact, ...offered.filter(i => i !== exact)] : offered;
	const offerNew = props.newOption !== undefined && isEmail && exact === undefined && state !== "searching";
	const options: Array<Option<T>> = [
		...items.map(item => ({ kind: "item" as const, item })),
		...(offerNew ? [{ kind: "new" as const, email: normalizeEmail(trimmed) }] : []),
	];

	const clear = () => {
		search.setQuery("");
		box.clearActive();
	};
	const pick = (item: T) => {
		if (props.onPick(item)) clear();
	};
	const typed = (text: string) => {
		if (props.onTyped?.(text)) clear();
	};
	const enter = async (value: string) => {
		const text = value.trim();
		if (text === "") return;
		if (emailOf && text.includes("@")) {
			// The address may be a user's: wait for the search (sent at once) before calling it new.
			const results = await search.settle();
			if (search.query.value.trim() !== text) return; // typed on meanwhile
			const match = results.find(item => matches(emailOf(item), text));
			if (match !== undefined) return pick(match);
		}
		typed(text);
	};
	const box = useCombobox<Option<T>>({
		options,
		open: props.open ?? true,
		onChoose: option => (option.kind === "item" ? pick(option.item) : typed(option.email)),
		onEnter: text => void enter(text),
	});

	const status =
		state === "searching"
			? texts.searching
			: state === "failed"
				? texts.failed
				: state === "done" && options.length === 0 && !props.quietWhenNone
					? texts.noResults
					: trimmed.length > 0 && trimmed.length < SEARCH_MIN_LENGTH
						? (texts.typeMore?.(SEARCH_MIN_LENGTH) ?? "")
						: "";
	const shownIssues = [...new Set(issues)];
	const describedBy = [props.describedBy ?? "", texts.hint ? hintId : "", shownIssues.length > 0 ? issueId : ""]
		.filter(Boolean)
		.join(" ");

	return (
		<div class="zd-combobox zd-picker">
			{texts.label ? (
				<label class="zd-field__label" for={inputId}>
					{texts.label}
				</label>
			) : null}
			{texts.hint ? (
				<p id={hintId} class="zd-field__hint">
					{texts.hint}
				</p>
			) : null}
			<input
				id={inputId}
				ref={props.inputRef}
				class="zd-input"
				type={props.type ?? "text"}
				list={undefined}
				{...box.inputProps}
				autocomplete="off"
				spellcheck={false}
				placeholder={texts.placeholder}
				aria-invalid={shownIssues.length > 0 || undefined}
				aria-describedby={describedBy || undefined}
				disabled={disabled}
				value={query}
				onBlur={props.onBlur}
				onInput={event => {
					search.setQuery(event.currentTarget.value);
					box.typed();
					props.onType?.();
				}}
			/>
			<p class="zd-muted zd-picker__status" role="status">
				{status}
			</p>
			<ComboboxList
				combobox={box}
				label={texts.results}
				optionKey={option => (option.kind === "item" ? `i${props.optionKey(option.item)}` : "new")}
			>
				{option =>
					option.kind === "item" ? props.option(option.item) : (props.newOption?.(option.email) ?? option.email)
				}
			</ComboboxList>
			{props.children}
			{shownIssues.length > 0 ? (
				<div id={issueId} class="zd-field__issue" role="alert">
					{shownIssues.map(text => (
						<p key={text}>{text}</p>
					))}
				</div>
			) : null}
		</div>
	);
}

const matches = (email: string | null, typed: string) => email !== null && sameEmail(email, typed);
