/**
 * Code splitting in the browser: what the app's iframe downloads when a panel opens, and what it
 * fetches only when the agent reaches a rarely used part (the follow-up form, the audit list, an
 * editor and its style sheets).
 * Observes the browser's own network requests for the app's assets, so it tests the build and
 * iframe.html together with the app, not the bundler's claims.
 */
import type { Frame, Request } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { openEditors, useWorkspace } from "./harness";

const ws = useWorkspace();
const DIST = new URL("../dist", import.meta.url).pathname;

/** build.mjs's list of what a panel loads at open (plain JS without typings: imported by URL). */
async function panelOpenFiles(): Promise<string[]> {
	const build = (await import(new URL("../build.mjs", import.meta.url).href)) as {
		panelOpenFiles(outdir: string): string[];
	};
	return build.panelOpenFiles(DIST);
}

/** The app's asset requests (path below `assets/`) from now on, as the browser sends them. */
function watchAssets(): { paths(): string[]; stop(): void } {
	const seen: string[] = [];
	const onRequest = (request: Request) => {
		const match = /\/assets\/(.+?)(\?|$)/.exec(new URL(request.url()).pathname + "?");
		if (match?.[1] && new URL(request.url()).hostname === "127.0.0.1") seen.push(match[1]);
	};
	ws.page.on("request", onRequest);
	return { paths: () => [...seen], stop: () => ws.page.off("request", onRequest) };
}

/** The text that stands in for a part that could not be fetched (ChunkFailed). */
const NOT_LOADED = "This part of the app could not be loaded.";

/** How the People editor lays out its lists: "grid" once people.css applies. */
const peopleLayout = (app: Frame) =>
	app
		.locator(".zd-people")
		.first()
		.evaluate(el => getComputedStyle(el).display);

const scripts = (paths: string[]) => paths.filter(path => /\.(js|css)$/.test(path)).sort();
const chunkOf = (paths: string[], name: string) => paths.filter(path => path.startsWith(`chunks/${name}-`));

afterEach(async () => {
	await ws.page.unrouteAll({ behavior: "ignoreErrors" });
});

describe("code splitting", () => {
	it("opens a panel with main.js, the chunks iframe.html preloads and main.css, and nothing on demand", async () => {
		const assets = watchAssets();
		await ws.openTicket(2);
		await ws.appSettled();
		assets.stop();
		const expected = (await panelOpenFiles()).map(file => file.replace(/^assets\//, ""));
		expect(expected).toContain("main.js");
		expect(scripts(assets.paths())).toEqual([...expected].sort());
		expect(chunkOf(assets.paths(), "followUpFeature")).toEqual([]);
		expect(chunkOf(assets.paths(), "TicketAudits")).toEqual([]);
	});

	it("fetches the follow-up feature's chunk once, when the agent reaches for it", async () => {
		const app = await ws.openTicket(7);
		await ws.appSettled();
		const assets = watchAssets();
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByLabel("First comment").waitFor();
		assets.stop();
		expect(chunkOf(assets.paths(), "followUpFeature")).toHaveLength(1);
		expect(chunkOf(assets.paths(), "TicketAudits")).toEqual([]);
	});

	it("links an editor's style sheets with it, each once, and the editor is styled when it shows", async () => {
		const app = await ws.openTicket(2);
		await ws.appSettled();
		const assets = watchAssets();
		await openEditors(app, "people");
		const sheets = () =>
			assets
				.paths()
				.filter(path => path.endsWith(".css"))
				.map(path => path.replace(/-[0-9A-F]{8}\.css$/, ""));
		expect(sheets().sort()).toEqual(["chunks/controls", "chunks/people", "chunks/picker"]);
		// Styled as it shows: people.css lays the lists out as a grid, controls.css draws the inputs.
		expect(await peopleLayout(app)).toBe("grid");
		const input = app.getByRole("combobox", { name: "Add an email CC" });
		expect(await input.evaluate(el => getComputedStyle(el).borderTopStyle)).toBe("solid");
		// The Fields editor shares controls.css and picker.css: only its own sheet is fetched.
		await openEditors(app, "fields");
		assets.stop();
		expect(sheets().sort()).toEqual(["chunks/controls", "chunks/fields", "chunks/people", "chunks/picker"]);
		expect(await app.locator("link[rel=stylesheet]").count()).toBe(5);
	});

	it("says when an editor's style sheet cannot be fetched, and shows the editor styled on Try again", async () => {
		const app = await ws.openTicket(2);
		await ws.appSettled();
		await ws.page.route(/\/chunks\/people-[0-9A-F]{8}\.css/, route => route.abort("internetdisconnected"));
		await ws.click(app.getByRole("button", { name: "Edit people" }));
		await app.getByText(NOT_LOADED, { exact: false }).waitFor();
		await ws.page.unrouteAll();
		await ws.click(app.getByRole("button", { name: "Try again" }));
		await app.getByRole("combobox", { name: "Add an email CC" }).waitFor();
		expect(await peopleLayout(app)).toBe("grid");
		expect(await app.getByText(NOT_LOADED, { exact: false }).count()).toBe(0);
	});

	it("says when a part cannot be fetched, keeps the rest of the panel working, and loads it on Try again", async () => {
		const app = await ws.openTicket(2);
		await ws.appSettled();
		await ws.page.route(/\/chunks\/TicketAudits-[^/]+\.js/, route => route.abort("internetdisconnected"));
		await ws.click(app.getByRole("button", { name: "Show history" }));
		await app.getByText(NOT_LOADED, { exact: false }).waitFor();
		// The other sections are untouched: the fields still edit.
		await openEditors(app, "fields");
		await app.getByLabel("Order number").fill("ORD-CHUNK-1");
		await app.getByText("1 unsaved").waitFor();
		await ws.page.unrouteAll();
		// The edit grew the Fields section above: ws.click presses Try again once the panel settled.
		await ws.click(app.getByRole("button", { name: "Try again" }));
		await app.locator(".zd-audit").first().waitFor();
		expect(await app.getByText(NOT_LOADED, { exact: false }).count()).toBe(0);
	});

	it("keeps the follow-up intro when the feature cannot be fetched, and opens the form on Try again", async () => {
		const app = await ws.openTicket(7);
		await ws.appSettled();
		await ws.page.route(/\/chunks\/followUpFeature-[^/]+\.js/, route => route.abort("internetdisconnected"));
		await ws.click(app.getByRole("button", { name: "Create follow-up" }));
		await app.getByText(NOT_LOADED, { exact: false }).waitFor();
		expect(await app.getByText("This ticket is closed and can't be reopened", { exact: false }).count()).toBe(1);
		await ws.page.unrouteAll();
		await ws.click(app.getByRole("button", { name: "Try again" }));
		await app.getByLabel("First comment").waitFor();
	});
});
