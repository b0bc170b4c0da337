/**
 * The one picker for people and organizations: input, live search, status and problems over a WAI-ARIA list
 * autocomplete (↑/↓ wrap, Enter, Escape; focus stays in the input). A typed email a result has is that result,
 * never "new": it comes first and Enter picks it (after the search). Validates nothing: `onPick`/`onTyped` do.
 */
import type { ComponentChildren, Ref } from "preact";
import { useId, useState } from "preact/hooks";
import type { User } from "../platform/api/types";
import { emailProblem, normalizeEmail, sameEmail } from "../shared/email";
import { SEARCH_MIN_LENGTH, type LiveSearch } from "./createPeopleSearch";

/** The picker's texts, translated; `label` is empty when the owner labels the input, `results` names the listbox. */
export interface PickerTexts {
	label: string;
	hint?: string;
	placeholder?: string;
	results: string;
	searching: string;
	failed: string;
	noResults: string;
	/** Shown while fewer than `min` (`SEARCH_MIN_LENGTH`) characters are typed. */
	typeMore?(min: number): string;
}

export interface PeoplePickerProps<T> {
	search: LiveSearch<T>;
	texts: PickerTexts;
	optionKey(item: T): string | number;
	/** An option's content (never HTML). */
	option(item: T): ComponentChildren;
	/** Which results are offered (default: all); a hidden result's email is still recognised. */
	offer?(item: T): boolean;
	/** A result's email, to recognise a typed address as that record. */
	emailOf?(item: T): string | null;
	/** Takes a record; false when refused (the text stays, the owner's issues say why). */
	onPick(item: T): boolean;
	/** Enter on text that is no result's email (or the "new" option); false when refused. Without it, Enter only picks. */
	onTyped?(text: string): boolean;
	/** Offers a valid typed email no result has as an option with this text. */
	newOption?(email: string): string;
	/** Problems of what is typed or was refused (translated). */
	issues?: readonly string[];
	/** No "no results" status (the owner explains instead). */
	quietWhenNone?: boolean;
	/** False while the owner's step below replaces the list (the new CC's name). */
	open?: boolean;
	disabled?: boolean;
	type?: "text" | "search";
	inputRef?: Ref<HTMLInputElement>;
	/** The input's id, when the owner's label points to it, and the owner's descriptions of it. */
	inputId?: string;
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

	const clear = (accepted: boolean | undefined) => {
		if (!accepted) return;
		search.setQuery("");
		box.clearActive();
	};
	const pick = (item: T) => clear(props.onPick(item));
	const typed = (text: string) => clear(props.onTyped?.(text));
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

/** One user option. `badges` are translated by the picker's owner. */
export function UserOption({ user, badges = [] }: { user: User; badges?: readonly string[] }) {
	return (
		<span class="zd-picker__option">
			<span class="zd-person__name">{user.name}</span>
			{user.email !== null ? <span class="zd-person__email">{user.email}</span> : null}
			{badges.map(badge => (
				<span key={badge} class="zd-person__badge">
					{badge}
				</span>
			))}
		</span>
	);
}

interface ComboboxOptions<T> {
	options: readonly T[];
	/** Whether there is a list to show now; Escape and no options close it too. */
	open: boolean;
	/** Enter on the highlighted option, or a click on one (keeps the highlight: see `clearActive`). */
	onChoose(option: T): void;
	/** Enter with nothing highlighted, with the input's text; without it Enter does nothing (never submits a form). */
	onEnter?(text: string): void;
}

type Combobox<T> = ReturnType<typeof useCombobox<T>>;

/** The keyboard and ARIA half of a combobox. Holds no options of its own; the picker passes them each render. */
export function useCombobox<T>({ options, open, onChoose, onEnter }: ComboboxOptions<T>) {
	const listId = useId();
	const [active, setActive] = useState(-1);
	const [closed, setClosed] = useState(false);
	const expanded = open && !closed && options.length > 0;

	const onKeyDown = (event: KeyboardEvent) => {
		const count = options.length;
		if ((event.key === "ArrowDown" || event.key === "ArrowUp") && count > 0) {
			setClosed(false);
			setActive(event.key === "ArrowDown" ? (active + 1) % count : active <= 0 ? count - 1 : active - 1);
		} else if (event.key === "Enter") {
			if (expanded && active >= 0 && active < count) onChoose(options[active] as T);
			// The element's value, not the last render's: Enter may come before the re-render.
			else onEnter?.((event.currentTarget as HTMLInputElement).value);
		} else if (event.key === "Escape") {
			setClosed(true);
			setActive(-1);
		} else return;
		event.preventDefault();
	};

	return {
		/** The listbox's id; option `i` is `${listId}-${i}`. */
		listId,
		options,
		/** Index of the highlighted option, -1 for none. */
		active,
		/** Whether the listbox is shown (`open`, not closed with Escape, at least one option). */
		expanded,
		/** Attributes and the key handler the picker spreads on its `<input>`. */
		inputProps: {
			role: "combobox" as const,
			"aria-autocomplete": "list" as const,
			"aria-expanded": expanded,
			"aria-controls": listId,
			"aria-activedescendant": expanded && active >= 0 ? `${listId}-${active}` : undefined,
			onKeyDown,
		},
		choose: onChoose,
		/** The text changed: nothing highlighted, and a list closed with Escape opens again. */
		typed() {
			setActive(-1);
			setClosed(false);
		},
		/** Forgets the highlight (after a pick the picker accepted). */
		clearActive: () => setActive(-1),
	};
}

interface ComboboxListProps<T> {
	combobox: Combobox<T>;
	/** The listbox's accessible name (translated). */
	label: string;
	optionKey(option: T): string | number;
	/** The option's content (never HTML). */
	children(option: T): ComponentChildren;
}

/** The listbox of a `useCombobox`: hidden unless expanded; mouse-down chooses without taking focus from the input. */
export function ComboboxList<T>({ combobox, label, optionKey, children }: ComboboxListProps<T>) {
	const { listId, options, active, expanded, choose } = combobox;
	return (
		<ul id={listId} role="listbox" class="zd-combobox__list" hidden={!expanded} aria-label={label}>
			{options.map((option, index) => (
				<li
					key={optionKey(option)}
					id={`${listId}-${index}`}
					role="option"
					aria-selected={index === active}
					class={index === active ? "zd-combobox__option is-active" : "zd-combobox__option"}
					onMouseDown={event => {
						event.preventDefault(); // keep focus in the input
						choose(option);
					}}
				>
					{children(option)}
				</li>
			))}
		</ul>
	);
}
