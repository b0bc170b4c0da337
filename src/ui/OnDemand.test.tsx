// @vitest-environment happy-dom
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { hideShown, showInEnglish } from "../testing/showInEnglish";
import { lazyComponent } from "./lazyComponent";
import { OnDemand } from "./OnDemand";

afterEach(hideShown);

const tick = () => act(() => new Promise<void>(resolve => setTimeout(resolve, 0)));

/** An editor chunk the test lets arrive; `loads` counts the fetches. */
function editorChunk() {
	let arrive: () => void = () => undefined;
	let loads = 0;
	function Editor({ who }: { who: string }) {
		return (
			<div>
				<label>
					Name <input value={who} />
				</label>
			</div>
		);
	}
	const Lazy = lazyComponent(
		() => {
			loads++;
			return new Promise<typeof Editor>(resolve => {
				arrive = () => resolve(Editor);
			});
		},
		module => module,
	);
	return { Lazy, loads: () => loads, arrive: () => act(async () => arrive()) };
}

const show = showInEnglish;

const button = (root: HTMLElement) => root.querySelector<HTMLButtonElement>(".zd-glance button");

describe("OnDemand", () => {
	it("shows the glance and fetches nothing until the agent points at, focuses or presses the button", async () => {
		const chunk = editorChunk();
		const root = show(
			<OnDemand name="people" glance={<p>2 CCs</p>} editor={chunk.Lazy} props={{ who: "Maria" }} label="Edit people" />,
		);
		expect(root.textContent).toContain("2 CCs");
		expect(root.querySelector("input")).toBeNull();
		expect(chunk.loads()).toBe(0);
		act(() => void button(root)?.dispatchEvent(new Event("pointerenter")));
		expect(chunk.loads()).toBe(1);
		// Pressed before the code arrived: the button stays (busy) and the glance with it.
		act(() => button(root)?.click());
		expect(button(root)?.getAttribute("aria-busy")).toBe("true");
		await chunk.arrive();
		await tick();
		expect(root.querySelector(".zd-glance")).toBeNull();
		expect(root.querySelector<HTMLInputElement>(".zd-editor input")?.value).toBe("Maria");
		expect(chunk.loads()).toBe(1);
	});

	it("opens at once when a draft is waiting", async () => {
		const chunk = editorChunk();
		const root = show(
			<OnDemand name="fields" glance={<p>glance</p>} editor={chunk.Lazy} props={{ who: "Ada" }} label="Edit" waiting />,
		);
		expect(root.querySelector(".zd-glance")).toBeNull();
		await chunk.arrive();
		await tick();
		expect(root.querySelector<HTMLInputElement>("input")?.value).toBe("Ada");
	});

	it("gives the editor's first control the focus when the button had it", async () => {
		const chunk = editorChunk();
		const root = show(
			<OnDemand name="people" glance={<p>glance</p>} editor={chunk.Lazy} props={{ who: "Kenji" }} label="Edit" />,
		);
		button(root)?.focus();
		act(() => button(root)?.click());
		await chunk.arrive();
		await tick();
		expect(document.activeElement).toBe(root.querySelector("input"));
	});

	it("offers no editor without a label, even with a draft waiting", async () => {
		const chunk = editorChunk();
		const root = show(
			<OnDemand
				name="metadata"
				glance={<p>read-only</p>}
				editor={chunk.Lazy}
				props={{ who: "" }}
				label={null}
				waiting
			/>,
		);
		await tick();
		expect(root.textContent).toBe("read-only");
		expect(root.querySelector("button")).toBeNull();
	});
});
