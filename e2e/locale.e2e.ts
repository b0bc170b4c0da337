/**
 * The sandbox's language switch, end to end: signed in as the default world's French-speaking
 * agent (Camille Lefèvre, locale fr), the built app renders its French strings, whether she is
 * picked through the harness (the "signed in as" choice) or with `?as=french_agent` on the URL.
 */
import { describe, expect, it } from "vitest";
import { useWorkspace } from "./harness";

const ws = useWorkspace();

describe("the agent's language in the sandbox", () => {
	it("renders the app in French for the French-speaking agent", async () => {
		const app = await ws.openTicket(1, { as: "french_agent" });
		await app.getByRole("button", { name: "Afficher l'historique" }).waitFor();
		expect(await ws.page.locator("[data-testid=signed-in-as]").inputValue()).toBe("french_agent");
		expect(await app.getByRole("button", { name: "Show history" }).count()).toBe(0);
		await ws.click(app.getByRole("button", { name: "Afficher l'historique" }));
		// Names and dates follow too: the history in French, with the sideloaded names.
		await app.getByText("Abonnés : ajoutés Maria González ; retirés —").waitFor();
	});

	it("signs in as the French agent with ?as=french_agent and remembers it", async () => {
		const english = await ws.openTicket(1);
		await english.getByRole("button", { name: "Show history" }).waitFor();
		await ws.page.goto(`${ws.sandbox.workspaceUrl}/tickets/1?as=french_agent`);
		await ws.page.waitForFunction(() => window.__workspace?.isRegistered() === true);
		const app = await ws.appFrame();
		await app.getByRole("button", { name: "Afficher l'historique" }).waitFor();
		expect(await ws.page.evaluate(() => localStorage.getItem("sandbox.signedInAs"))).toBe("french_agent");
		expect(await ws.page.locator("[data-testid=signed-in-as] option:checked").textContent()).toContain(
			"Camille Lefèvre",
		);
	});
});
