// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { renderPanel, until } from "../../testing/panelTestSetup";
import { FollowUpSection } from "./FollowUpSection";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

describe("the follow-up attachment list", () => {
	it("shows the safe name a picked path is sent under, and where it came from", async () => {
		const { container, emulator, dispose } = renderPanel(<FollowUpSection />, {
			ticketId: 7,
			emulatorSettings: { jobStepMs: 0 },
		});
		cleanups.push(dispose);
		await until(() => container.querySelector(".zd-followup") !== null, "the glance", 300);
		[...container.querySelectorAll("button")].find(b => b.textContent?.trim() === "Create follow-up")?.click();
		await until(() => container.querySelector('input[type="file"]') !== null, "the file input", 300);
		const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
		Object.defineProperty(input, "files", { value: [new File(["x\n"], "../../x.txt")], configurable: true });
		input.dispatchEvent(new Event("change", { bubbles: true }));
		const row = () => container.querySelector(".zd-followup__file");
		await until(() => row()?.getAttribute("data-state") === "uploaded", "the upload", 300);
		expect(row()?.querySelector(".zd-followup__file-name")?.textContent).toBe("x.txt");
		expect(row()?.textContent).toContain(
			"Sent as “x.txt” (picked: “../../x.txt”): a file name can't hold folders or control characters.",
		);
		expect(emulator.db.attachments.at(-1)?.file_name).toBe("x.txt");
	});
});
