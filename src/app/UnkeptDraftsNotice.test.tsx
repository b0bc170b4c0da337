// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { FieldsSection } from "../features/fields/FieldsSection";
import { createMemoryStorage, draftKey, type StorageLike } from "../platform/storage/createDraftStore";
import { openEditors, renderPanel, until } from "../testing/panelTestSetup";
import { UnkeptDraftsNotice } from "./PanelStatus";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

/** The notice above the real Fields section of ticket 2, over the emulator; `local: null` = the browser refuses storage. */
async function setup(options: { local: StorageLike | null; session?: StorageLike; locale?: string }) {
	const panel = renderPanel(
		<>
			<UnkeptDraftsNotice />
			<FieldsSection />
		</>,
		{ ticketId: 2, ...options },
	);
	cleanups.push(panel.dispose);
	await openEditors(panel.container);
	await until(() => orderNumber(panel.container) !== null, "the fields", 400);
	const notice = () => panel.container.querySelector<HTMLElement>('[data-testid="unkept-drafts"]');
	return { ...panel, notice };
}

function orderNumber(container: HTMLElement): HTMLInputElement | null {
	return container.querySelector<HTMLInputElement>('[data-field-id="5101"] input');
}

function type(container: HTMLElement, value: string): void {
	const input = orderNumber(container);
	if (!input) throw new Error("no order number input");
	input.value = value;
	input.dispatchEvent(new Event("input", { bubbles: true }));
}

function button(container: HTMLElement, text: string): HTMLButtonElement | undefined {
	return [...container.querySelectorAll("button")].find(b => b.textContent?.trim() === text);
}

describe("UnkeptDraftsNotice", () => {
	it("tells the agent, once they have a draft, that a refusing browser loses it on reload", async () => {
		const { container, notice, t } = await setup({ local: null });
		// Its live region is there from the start, empty until there is a draft to lose.
		expect(notice()?.getAttribute("role")).toBe("status");
		expect(notice()?.textContent).toBe("");
		type(container, "ORD-1");
		await until(() => notice()?.textContent !== "", "the notice", 400);
		expect(notice()?.textContent).toContain(
			"This browser doesn't let the app keep drafts: what you type here is lost if the app reloads.",
		);
		expect(button(container, t("errors.dismiss"))).toBeDefined();
	});

	it("goes away when dismissed and stays away while the agent keeps typing", async () => {
		const { container, notice, t } = await setup({ local: null });
		type(container, "ORD-1");
		await until(() => notice()?.textContent !== "", "the notice", 400);
		button(container, t("errors.dismiss"))?.click();
		await until(() => notice()?.textContent === "", "the notice to go", 400);
		type(container, "ORD-12");
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(notice()?.textContent).toBe("");
		// The draft itself is still kept for the panel.
		expect(orderNumber(container)?.value).toBe("ORD-12");
	});

	it("is not shown again in the browser session once dismissed, when session storage is allowed", async () => {
		const session = createMemoryStorage();
		const first = await setup({ local: null, session });
		type(first.container, "ORD-1");
		await until(() => first.notice()?.textContent !== "", "the notice", 400);
		button(first.container, first.t("errors.dismiss"))?.click();
		first.dispose();

		const next = await setup({ local: null, session });
		type(next.container, "ORD-2");
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(next.notice()?.textContent).toBe("");
	});

	it("says it in the agent's language", async () => {
		const { container, notice } = await setup({ local: null, locale: "de" });
		type(container, "ORD-1");
		await until(() => notice()?.textContent !== "", "the notice", 400);
		expect(notice()?.textContent).toContain("Dieser Browser erlaubt der App nicht, Entwürfe aufzubewahren");
		expect(button(container, "Schließen")).toBeDefined();
	});

	it("stays silent when the browser keeps drafts, which go to its storage", async () => {
		const local = createMemoryStorage();
		const { container, notice, env } = await setup({ local });
		type(container, "ORD-1");
		await until(() => local.getItem(draftKey(env.currentUser.id, 2, "fields")) !== null, "the stored draft", 400);
		expect(notice()?.textContent).toBe("");
	});
});
