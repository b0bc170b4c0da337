// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { ComboboxList, useCombobox } from "./PeoplePicker";

interface HarnessProps {
	options: readonly string[];
	open?: boolean;
	chosen: string[];
	entered?: string[];
	/** Clear the highlight after a pick (what the picker does when they accept one). */
	clearOnChoose?: boolean;
}

function Harness({ options, open = true, chosen, entered, clearOnChoose = false }: HarnessProps) {
	const box = useCombobox({
		options,
		open,
		onChoose: option => {
			chosen.push(option);
			if (clearOnChoose) box.clearActive();
		},
		...(entered ? { onEnter: (text: string) => entered.push(text) } : {}),
	});
	return (
		<div>
			<input aria-label="Fruit" {...box.inputProps} onInput={() => box.typed()} />
			<ComboboxList combobox={box} label="Fruits" optionKey={option => option}>
				{option => `Fruit ${option}`}
			</ComboboxList>
		</div>
	);
}

let container: HTMLElement | null = null;
afterEach(() => {
	if (container) act(() => render(null, container!));
	container?.remove();
	container = null;
});

function setup(props: Omit<HarnessProps, "chosen"> & { chosen?: string[] }) {
	const chosen = props.chosen ?? [];
	container = document.createElement("div");
	document.body.append(container);
	const root = container;
	act(() => render(<Harness {...props} chosen={chosen} />, root));
	const input = root.querySelector("input")!;
	const list = root.querySelector<HTMLElement>('[role="listbox"]')!;
	/** Presses a key on the input; true when the combobox took it (default prevented). */
	const press = (key: string): boolean => {
		const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
		act(() => {
			input.dispatchEvent(event);
		});
		return event.defaultPrevented;
	};
	const activeText = () => {
		const id = input.getAttribute("aria-activedescendant");
		return id === null ? null : (root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? "missing");
	};
	const rerender = (next: Omit<HarnessProps, "chosen">) =>
		act(() => render(<Harness {...next} chosen={chosen} />, root));
	return { root, input, list, press, activeText, chosen, rerender };
}

describe("useCombobox with ComboboxList", () => {
	it("wires the input to the listbox with the combobox roles and attributes", () => {
		const { input, list } = setup({ options: ["a", "b"] });
		expect(input.getAttribute("role")).toBe("combobox");
		expect(input.getAttribute("aria-autocomplete")).toBe("list");
		expect(input.getAttribute("aria-expanded")).toBe("true");
		expect(input.getAttribute("aria-controls")).toBe(list.id);
		expect(input.hasAttribute("aria-activedescendant")).toBe(false);
		expect(list.getAttribute("aria-label")).toBe("Fruits");
		expect(list.hidden).toBe(false);
		const options = [...list.querySelectorAll('[role="option"]')];
		expect(options.map(o => [o.id, o.textContent, o.getAttribute("aria-selected")])).toEqual([
			[`${list.id}-0`, "Fruit a", "false"],
			[`${list.id}-1`, "Fruit b", "false"],
		]);
	});

	it.each([
		{ keys: "ArrowDown", active: "Fruit a" },
		{ keys: "ArrowDown ArrowDown ArrowDown", active: "Fruit c" },
		{ keys: "ArrowDown ArrowDown ArrowDown ArrowDown", active: "Fruit a" },
		{ keys: "ArrowUp", active: "Fruit c" },
		{ keys: "ArrowDown ArrowUp", active: "Fruit c" },
		{ keys: "ArrowDown ArrowDown ArrowUp", active: "Fruit a" },
	])("after $keys the highlighted option is $active (arrows wrap at both ends)", ({ keys, active }) => {
		const { press, activeText, list } = setup({ options: ["a", "b", "c"] });
		for (const key of keys.split(" ")) expect(press(key)).toBe(true);
		expect(activeText()).toBe(active);
		const selected = [...list.querySelectorAll('[aria-selected="true"]')];
		expect(selected.map(o => o.textContent)).toEqual([active]);
		expect(selected[0]?.classList.contains("is-active")).toBe(true);
	});

	it("leaves arrow keys to the browser when there is no option", () => {
		const { press, input } = setup({ options: [] });
		expect(press("ArrowDown")).toBe(false);
		expect(press("ArrowUp")).toBe(false);
		expect(input.getAttribute("aria-expanded")).toBe("false");
	});

	it("chooses the highlighted option on Enter", () => {
		const { press, chosen } = setup({ options: ["a", "b"] });
		press("ArrowDown");
		press("ArrowDown");
		expect(press("Enter")).toBe(true);
		expect(chosen).toEqual(["b"]);
	});

	it("gives Enter with nothing highlighted the typed text when the picker asks for it", () => {
		const entered: string[] = [];
		const { press, input, chosen } = setup({ options: ["a"], entered });
		input.value = "jo@example.com";
		expect(press("Enter")).toBe(true);
		expect(entered).toEqual(["jo@example.com"]);
		expect(chosen).toEqual([]);
	});

	it("keeps Enter with nothing highlighted from submitting the form when the picker has no use for it", () => {
		const { press, chosen } = setup({ options: ["a"] });
		expect(press("Enter")).toBe(true);
		expect(chosen).toEqual([]);
	});

	it("closes on Escape and opens again on an arrow key or typing", () => {
		const { press, input, list, activeText } = setup({ options: ["a", "b"] });
		press("ArrowDown");
		expect(press("Escape")).toBe(true);
		expect(input.getAttribute("aria-expanded")).toBe("false");
		expect(input.hasAttribute("aria-activedescendant")).toBe(false);
		expect(list.hidden).toBe(true);
		press("ArrowDown");
		expect(input.getAttribute("aria-expanded")).toBe("true");
		expect(activeText()).toBe("Fruit a");
		press("Escape");
		act(() => {
			input.dispatchEvent(new Event("input", { bubbles: true }));
		});
		expect(input.getAttribute("aria-expanded")).toBe("true");
		expect(activeText()).toBe(null);
	});

	it("does not choose a highlighted option the list does not show", () => {
		const { press, chosen, rerender, input, list } = setup({ options: ["a", "b"] });
		press("ArrowDown");
		rerender({ options: ["a", "b"], open: false });
		expect(input.getAttribute("aria-expanded")).toBe("false");
		expect(input.hasAttribute("aria-activedescendant")).toBe(false);
		expect(list.hidden).toBe(true);
		expect(press("Enter")).toBe(true);
		expect(chosen).toEqual([]);
	});

	it("chooses on mouse-down and keeps the focus in the input", () => {
		const { root, chosen } = setup({ options: ["a", "b"] });
		const option = root.querySelectorAll('[role="option"]')[1]!;
		const event = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
		act(() => {
			option.dispatchEvent(event);
		});
		expect(chosen).toEqual(["b"]);
		expect(event.defaultPrevented).toBe(true);
	});

	it("forgets the highlight when the picker clears it after a pick", () => {
		const { press, activeText, chosen } = setup({ options: ["a", "b"], clearOnChoose: true });
		press("ArrowDown");
		press("Enter");
		expect(chosen).toEqual(["a"]);
		expect(activeText()).toBe(null);
	});
});
