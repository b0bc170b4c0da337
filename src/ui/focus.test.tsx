// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { useRef, useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import { firstTabbable, focusIsLost, isTabbable, useFocusOnMount, useFocusRescue } from "./focus";

let container: HTMLElement | null = null;
afterEach(() => {
	if (container) act(() => render(null, container!));
	container?.remove();
	container = null;
});

function mount(html: string): HTMLElement {
	container = document.createElement("div");
	container.innerHTML = html;
	document.body.append(container);
	return container;
}

/** Lets the MutationObserver and the focusout timer run. */
const settle = () => act(() => new Promise<void>(resolve => setTimeout(resolve, 0)));

describe("isTabbable", () => {
	it.each([
		{ html: "<button>x</button>", tabbable: true },
		{ html: "<button disabled>x</button>", tabbable: false },
		{ html: '<button tabindex="-1">x</button>', tabbable: false },
		{ html: "<div hidden><button>x</button></div>", tabbable: false },
		{ html: "<div inert><button>x</button></div>", tabbable: false },
		{ html: "<fieldset disabled><input></fieldset>", tabbable: false },
		{ html: "<input>", tabbable: true },
		{ html: "<select><option>a</option></select>", tabbable: true },
		{ html: '<a href="#x">x</a>', tabbable: true },
		{ html: '<span tabindex="0">x</span>', tabbable: true },
		{ html: '<input type="radio" name="g" checked>', tabbable: true },
		{ html: '<input type="radio" name="g"><input type="radio" name="g" checked>', tabbable: false },
		{ html: '<input type="radio" name="g"><input type="radio" name="g">', tabbable: true },
	])("$html: the first control is tabbable: $tabbable", ({ html, tabbable }) => {
		const root = mount(html);
		const el = root.querySelector("button, input, select, a, span")!;
		expect(isTabbable(el)).toBe(tabbable);
	});

	it("finds the first control Tab reaches inside a scope", () => {
		const root = mount('<button disabled>a</button><div hidden><input id="h"></div><input id="b"><button>c</button>');
		expect(firstTabbable(root)?.id).toBe("b");
		expect(firstTabbable(root.querySelector("div")!)).toBe(null);
	});
});

describe("useFocusOnMount", () => {
	function Toggle({ other }: { other?: boolean }) {
		const [open, setOpen] = useState(false);
		const ref = useRef<HTMLInputElement>(null);
		useFocusOnMount(ref, open);
		return (
			<div>
				{other ? <input id="other" /> : null}
				{open ? <input id="field" ref={ref} /> : <button id="open" onClick={() => setOpen(true)} />}
			</div>
		);
	}

	it("gives the new control the focus when the control that had it was replaced", () => {
		const root = mount("");
		act(() => render(<Toggle />, root));
		const button = root.querySelector<HTMLButtonElement>("#open")!;
		button.focus();
		act(() => button.click());
		expect(document.activeElement?.id).toBe("field");
	});

	it("does not take the focus from another control", () => {
		const root = mount("");
		act(() => render(<Toggle other />, root));
		const other = root.querySelector<HTMLInputElement>("#other")!;
		other.focus();
		act(() => root.querySelector<HTMLButtonElement>("#open")!.click());
		expect(root.querySelector("#field")).not.toBe(null);
		expect(document.activeElement?.id).toBe("other");
		expect(focusIsLost()).toBe(false);
	});
});

describe("useFocusRescue", () => {
	function Rows() {
		const ref = useRef<HTMLElement>(null);
		useFocusRescue(ref);
		const [removing, setRemoving] = useState(false);
		const [rows, setRows] = useState(["a", "b"]);
		return (
			<section ref={ref}>
				<button id="head">Head</button>
				<ul>
					<li>
						{removing ? (
							<button id="undo" onClick={() => setRemoving(false)}>
								Undo
							</button>
						) : (
							<button id="remove" onClick={() => setRemoving(true)}>
								×
							</button>
						)}
					</li>
				</ul>
				<div class="rows">
					<input id="first" />
					{rows.map(row => (
						<button key={row} id={`drop-${row}`} onClick={() => setRows(rows.filter(r => r !== row))}>
							{row}
						</button>
					))}
				</div>
			</section>
		);
	}

	it("moves the focus to the control that replaced the focused one in the same place", async () => {
		const root = mount("");
		act(() => render(<Rows />, root));
		root.querySelector<HTMLButtonElement>("#remove")!.focus();
		act(() => root.querySelector<HTMLButtonElement>("#remove")!.click());
		await settle();
		expect(document.activeElement?.id).toBe("undo");
		act(() => root.querySelector<HTMLButtonElement>("#undo")!.click());
		await settle();
		expect(document.activeElement?.id).toBe("remove");
	});

	it("goes to the first control left in the nearest remaining container, not the top of the document", async () => {
		const root = mount("");
		act(() => render(<Rows />, root));
		root.querySelector<HTMLButtonElement>("#drop-b")!.focus();
		act(() => root.querySelector<HTMLButtonElement>("#drop-b")!.click());
		await settle();
		expect(document.activeElement?.id).toBe("first");
	});

	it("leaves a focus the agent put elsewhere alone", async () => {
		const root = mount("");
		act(() => render(<Rows />, root));
		const first = root.querySelector<HTMLInputElement>("#first")!;
		first.focus();
		first.blur(); // e.g. a click on the page outside any control
		await settle();
		act(() => root.querySelector<HTMLButtonElement>("#drop-a")!.click());
		await settle();
		expect(document.activeElement).toBe(document.body);
	});
});
