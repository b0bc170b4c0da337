// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { Button } from "./Button";

let container: HTMLElement | null = null;
afterEach(() => {
	if (container) act(() => render(null, container!));
	container?.remove();
	container = null;
});

function setup() {
	const clicks: string[] = [];
	container = document.createElement("div");
	document.body.append(container);
	const root = container;
	const show = (props: { busy?: boolean; disabled?: boolean }) =>
		act(() =>
			render(
				<Button variant="primary" {...props} onClick={() => clicks.push("click")}>
					Apply
				</Button>,
				root,
			),
		);
	show({});
	const button = root.querySelector("button")!;
	return { button, clicks, show };
}

describe("Button", () => {
	it("is natively disabled when unavailable and not focused", () => {
		const { button, show } = setup();
		show({ disabled: true });
		expect(button.disabled).toBe(true);
		expect(button.hasAttribute("aria-disabled")).toBe(false);
		show({ busy: true });
		expect(button.disabled).toBe(true);
		expect(button.getAttribute("aria-busy")).toBe("true");
	});

	it("keeps the focus when it becomes busy or disabled while focused, and ignores clicks meanwhile", () => {
		const { button, clicks, show } = setup();
		act(() => button.focus());
		show({ busy: true });
		expect(document.activeElement).toBe(button);
		expect(button.disabled).toBe(false);
		expect(button.getAttribute("aria-disabled")).toBe("true");
		act(() => button.click());
		show({ disabled: true });
		expect(button.getAttribute("aria-disabled")).toBe("true");
		act(() => button.click());
		expect(clicks).toEqual([]);
		// Once the agent moves on, it is a plain disabled button again.
		act(() => button.blur());
		expect(button.disabled).toBe(true);
		expect(button.hasAttribute("aria-disabled")).toBe(false);
	});

	it("keeps a focused unavailable submit button from submitting its form", () => {
		container = document.createElement("div");
		document.body.append(container);
		const submits: string[] = [];
		const root = container;
		const show = (busy: boolean) =>
			act(() =>
				render(
					<form
						onSubmit={event => {
							event.preventDefault();
							submits.push("submit");
						}}
					>
						<Button type="submit" busy={busy}>
							Save
						</Button>
					</form>,
					root,
				),
			);
		show(false);
		const button = root.querySelector("button")!;
		act(() => button.focus());
		show(true);
		act(() => button.click());
		expect(submits).toEqual([]);
		show(false);
		act(() => button.click());
		expect(submits).toEqual(["submit"]);
	});
});
