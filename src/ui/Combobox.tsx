/**
 * The accessible combobox of the one people picker (`PeoplePicker`; WAI-ARIA list autocomplete): `useCombobox` keeps the
 * highlighted option and the open/closed state and handles ↑/↓ (wrapping), Enter (which never
 * submits the surrounding form) and Escape on the input; `ComboboxList` renders the `role=listbox`
 * whose options are chosen on mouse-down so focus stays in the input. Neither searches, filters nor
 * renders the input itself: the picker does.
 */
import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";

/** What the picker gives the combobox. */
export interface ComboboxOptions<T> {
	/** The options offered, in order. */
	options: readonly T[];
	/** Whether the picker has a list to show now (e.g. a finished search); Escape and no options close it too. */
	open: boolean;
	/** Enter on the highlighted option, or a click on one. Does not clear the highlight: see `clearActive`. */
	onChoose(option: T): void;
	/** Enter with no highlighted option, with the input's text. Without it, Enter does nothing: a search box never submits its form. */
	onEnter?(text: string): void;
}

/** Attributes and the key handler the picker spreads on its `<input>`. */
export interface ComboboxInputProps {
	role: "combobox";
	"aria-autocomplete": "list";
	"aria-expanded": boolean;
	"aria-controls": string;
	"aria-activedescendant": string | undefined;
	onKeyDown(event: KeyboardEvent): void;
}

/** The combobox's state and actions. */
export interface Combobox<T> {
	/** The listbox's id; option `i` is `${listId}-${i}`. */
	readonly listId: string;
	readonly options: readonly T[];
	/** Index of the highlighted option, -1 for none. */
	readonly active: number;
	/** Whether the listbox is shown (`open`, not closed with Escape, at least one option). */
	readonly expanded: boolean;
	readonly inputProps: ComboboxInputProps;
	/** Chooses an option (what a click on it does). */
	choose(option: T): void;
	/** The text changed: nothing highlighted, and a list closed with Escape opens again. */
	typed(): void;
	/** Forgets the highlight (after a pick the picker accepted). */
	clearActive(): void;
}

/** The keyboard and ARIA half of a combobox. Holds no options of its own; the picker passes them each render. */
export function useCombobox<T>({ options, open, onChoose, onEnter }: ComboboxOptions<T>): Combobox<T> {
	const listId = useId();
	const [active, setActive] = useState(-1);
	const [closed, setClosed] = useState(false);
	const expanded = open && !closed && options.length > 0;

	const onKeyDown = (event: KeyboardEvent) => {
		const count = options.length;
		if (event.key === "ArrowDown" && count > 0) {
			setClosed(false);
			setActive((active + 1) % count);
		} else if (event.key === "ArrowUp" && count > 0) {
			setClosed(false);
			setActive(active <= 0 ? count - 1 : active - 1);
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
		listId,
		options,
		active,
		expanded,
		inputProps: {
			role: "combobox",
			"aria-autocomplete": "list",
			"aria-expanded": expanded,
			"aria-controls": listId,
			"aria-activedescendant": expanded && active >= 0 ? `${listId}-${active}` : undefined,
			onKeyDown,
		},
		choose: onChoose,
		typed() {
			setActive(-1);
			setClosed(false);
		},
		clearActive: () => setActive(-1),
	};
}

/** Props of `ComboboxList`. */
export interface ComboboxListProps<T> {
	combobox: Combobox<T>;
	/** The listbox's accessible name (translated). */
	label: string;
	/** A stable key per option. */
	optionKey(option: T): string | number;
	/** The option's content (plain text or elements; never HTML). */
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
