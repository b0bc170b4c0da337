/**
 * The browser e2e harness. `useWorkspace()` (call it at the top of a `*.e2e.ts` file) starts one
 * sandbox (ports chosen by the OS) and one headless Chromium for the file, resets the emulator's
 * world before each test, and on a failed test saves a screenshot, the ZAF protocol log and the
 * page console to `e2e/artifacts/`. Tests drive the workspace like an agent and assert on the DOM
 * and on the emulator's state; the app itself stays a black box.
 *
 * @example
 *   const ws = useWorkspace();
 *   it("shows the ticket", async () => {
 *     const app = await ws.openTicket(1);
 *     await ws.click(app.getByRole("button", { name: "Create follow-up" }));
 *     await expect.poll(async () => (await ws.ticket(1))["followup_ids"]).toHaveLength(1);
 *   });
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Frame, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Identity } from "../sandbox/workspace/page/identity";
import { startSandbox, type Sandbox } from "../sandbox/workspace/server/startSandbox";
import type { ProtocolLogEntry } from "../sandbox/workspace/host/zafHost";
import { ALLOW_THIRD_PARTY_STORAGE_ARG, launchChromium } from "./browser";

/** Where failure artifacts go (gitignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL("./artifacts/", import.meta.url));

/** Who the workspace is signed in as. */
export type SignedInAs = Identity["key"];

export interface WorkspaceOptions {
	/** Emulator world (default "default"); restored before every test. */
	world?: string;
	/** App to host (default the built `dist/`; e.g. `e2e/fixtures/protocolApp`). */
	appDir?: string;
	/** Reset the world before each test (default true). */
	resetBeforeEach?: boolean;
	/** Let the app iframe use storage (default false: this Chromium blocks it; see ALLOW_THIRD_PARTY_STORAGE_ARG). */
	thirdPartyStorage?: boolean;
}

/** An answer of the emulator's REST API. */
export interface ApiAnswer<T = Record<string, unknown>> {
	status: number;
	headers: Record<string, string>;
	json: T;
	text: string;
}

/** What a test file gets from `useWorkspace()`. Properties are valid inside tests and hooks only. */
export interface Workspace {
	readonly sandbox: Sandbox;
	readonly browser: Browser;
	readonly page: Page;
	/** Opens `/tickets/<id>` signed in as `as` (default the agent), waits for the app to register, returns its frame. */
	openTicket(id: number, options?: { as?: SignedInAs }): Promise<Frame>;
	/** Opens the ticket list at `/` signed in as `as` (default the agent). */
	openList(options?: { as?: SignedInAs }): Promise<void>;
	/** The Playwright Frame of the app iframe of the open ticket. */
	appFrame(): Promise<Frame>;
	/** Every ZAF message between the workspace and the app so far (from `window.__workspace`). */
	protocolLog(): Promise<ProtocolLogEntry[]>;
	/** Waits until a protocol log entry matches, and returns it. */
	waitForProtocol(match: (entry: ProtocolLogEntry) => boolean, timeoutMs?: number): Promise<ProtocolLogEntry>;
	/** Calls the emulator's REST API (default as admin@example.com) — for setup and assertions. */
	api<T = Record<string, unknown>>(
		method: string,
		path: string,
		options?: { body?: unknown; as?: string },
	): Promise<ApiAnswer<T>>;
	/** The REST ticket as the emulator has it now (read as admin). */
	ticket(id: number): Promise<Record<string, unknown>>;
	/** The emulator's whole state (db records: tickets, users, audits, uploads, settings, faults, ...) as `GET /__sandbox/state` answers it. */
	emulatorState(): Promise<Record<string, unknown>>;
	/**
	 * Changes a ticket as another agent (`POST /__sandbox/act-as`; default: the world's other agent, a
	 * private note). When the open app shows that ticket and listens to `ticket.updated`, resolves only
	 * once the workspace has told it (as Zendesk would) and it has settled (`appSettled`): the test then
	 * acts on a panel that has seen the change, never on one re-rendering under the pointer. A race
	 * with the app's own write is staged with a fault (e.g. a 409 or a `delayMs`), not by timing.
	 */
	actAs(ticketId: number, changes?: Record<string, unknown>, as?: string): Promise<ApiAnswer>;
	/**
	 * Waits until the open app has caught up: every request and RPC it sent has been answered and its
	 * iframe is exactly as tall as its content (its last `invoke('resize')` applied), on two checks an
	 * app animation frame apart. For apps that size their iframe to their content, like ours; resolves
	 * at once when no app is registered. Waits on those conditions only, never a fixed time; rejects
	 * with what was still pending after `timeoutMs`.
	 */
	appSettled(timeoutMs?: number): Promise<void>;
	/**
	 * Clicks `target` in the app once it shows and the panel has settled (`appSettled`). An edit
	 * that grows or shrinks the panel moves what is below it a moment later, when the app's
	 * `invoke('resize')` reaches the iframe; a click aimed before that lands where the target was
	 * and is lost. Waiting for the target first covers what appears only after a request (a search's
	 * options: the search is sent after its debounce, so a settled panel may not have sent it yet).
	 * Use it for every click in the app, not while a request is meant to be in flight (that never
	 * settles). `appSettled` does not wait for chunks or style sheets: the target does.
	 */
	click(target: Locator, options?: Parameters<Locator["click"]>[0]): Promise<void>;
	/** Checks (or with `false` unchecks) the checkbox or radio `target` as `click` clicks. */
	check(target: Locator, checked?: boolean): Promise<void>;
	/** Restores a world in the emulator (the open page refreshes itself through the change stream). */
	resetWorld(name?: string): Promise<void>;
	/** Console lines and page errors seen so far. */
	consoleLines(): string[];
}

/** Registers the file's hooks and returns the workspace handle. */
export function useWorkspace(options: WorkspaceOptions = {}): Workspace {
	let sandbox: Sandbox | undefined;
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page | undefined;
	const console: string[] = [];
	const need = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`${what} is only available inside tests (useWorkspace() not started)`);
		return value;
	};

	beforeAll(async () => {
		sandbox = await startSandbox({
			port: 0,
			...(options.world ? { world: options.world } : {}),
			...(options.appDir ? { appDir: options.appDir } : {}),
		});
		browser = await launchChromium(options.thirdPartyStorage ? [ALLOW_THIRD_PARTY_STORAGE_ARG] : []);
		context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		page = await context.newPage();
		page.setDefaultTimeout(15_000);
		page.on("console", m => console.push(`[${m.type()}] ${m.text()}`));
		page.on("pageerror", e => console.push(`[pageerror] ${e.message}`));
	}, 120_000);

	afterAll(async () => {
		await context?.close().catch(() => undefined);
		await browser?.close().catch(() => undefined);
		await sandbox?.close();
	}, 60_000);

	beforeEach(async ctx => {
		ctx.onTestFailed(async () => {
			await saveArtifacts(`${ctx.task.file?.name ?? "e2e"}-${ctx.task.name}`);
		});
		console.length = 0;
		if (options.resetBeforeEach !== false && sandbox) sandbox.emulator.reset(options.world ?? "default");
	});

	async function saveArtifacts(name: string) {
		if (!page) return;
		mkdirSync(ARTIFACTS_DIR, { recursive: true });
		const base = join(ARTIFACTS_DIR, name.replace(/[^a-z0-9._-]+/gi, "_").slice(0, 120));
		await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
		const log = await workspace.protocolLog().catch(() => []);
		writeFileSync(`${base}.protocol.json`, JSON.stringify(log, null, 2));
		writeFileSync(`${base}.console.txt`, console.join("\n"));
	}

	async function goto(path: string, as?: SignedInAs) {
		const p = need(page, "page");
		const base = need(sandbox, "sandbox").workspaceUrl;
		// Every open starts from a known identity (default: the agent), whatever an earlier test chose.
		if (!p.url().startsWith(base)) await p.goto(`${base}/__workspace/config.json`);
		await p.evaluate(key => localStorage.setItem("sandbox.signedInAs", key), as ?? "agent");
		await p.goto(`${base}${path}`);
		await p.waitForSelector("body[data-ready=true]");
	}

	const workspace: Workspace = {
		get sandbox() {
			return need(sandbox, "sandbox");
		},
		get browser() {
			return need(browser, "browser");
		},
		get page() {
			return need(page, "page");
		},
		async openTicket(id, openOptions) {
			await goto(`/tickets/${id}`, openOptions?.as);
			await need(page, "page").waitForFunction(() => window.__workspace?.isRegistered() === true);
			return workspace.appFrame();
		},
		async openList(openOptions) {
			await goto("/", openOptions?.as);
		},
		async appFrame() {
			const handle = await need(page, "page").waitForSelector("[data-testid=app-frame]");
			const frame = await handle.contentFrame();
			if (!frame) throw new Error("the app iframe has no frame");
			return frame;
		},
		async protocolLog() {
			return need(page, "page").evaluate(() => window.__workspace?.log() ?? []);
		},
		async waitForProtocol(match, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const hit = (await workspace.protocolLog()).find(match);
				if (hit) return hit;
				if (Date.now() > deadline) throw new Error("no matching ZAF protocol message arrived in time");
				await new Promise(r => setTimeout(r, 50));
			}
		},
		async api(method, path, apiOptions = {}) {
			const email = apiOptions.as ?? "admin@example.com";
			const headers: Record<string, string> = { authorization: `Basic ${btoa(`${email}/token:sandbox`)}` };
			if (apiOptions.body !== undefined) headers["content-type"] = "application/json";
			const res = await need(sandbox, "sandbox").emulator.handle({
				method,
				url: path,
				headers,
				...(apiOptions.body === undefined ? {} : { body: JSON.stringify(apiOptions.body) }),
			});
			const text = typeof res.body === "string" ? res.body : new TextDecoder().decode(res.body);
			let json: unknown;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { status: res.status, headers: res.headers, json: json as never, text };
		},
		async ticket(id) {
			const answer = await workspace.api<{ ticket: Record<string, unknown> }>("GET", `/api/v2/tickets/${id}.json`);
			if (answer.status !== 200) throw new Error(`ticket ${id}: ${answer.status} ${answer.text}`);
			return answer.json.ticket;
		},
		async emulatorState() {
			return need(sandbox, "sandbox").emulator.controls.state();
		},
		async actAs(ticketId, changes, as) {
			const p = need(page, "page");
			const after = await p.evaluate(lastLogSeq);
			const answer = await workspace.api("POST", "/__sandbox/act-as", {
				body: { ticketId, ...(changes ? { changes } : {}), ...(as ? { as } : {}) },
			});
			if (answer.status !== 200) throw new Error(`act-as on ticket ${ticketId}: ${answer.status} ${answer.text}`);
			const author = (answer.json["audit"] as { author_id?: unknown } | undefined)?.author_id;
			// The workspace tells the app about a change by someone else once it has re-read the ticket.
			if (typeof author === "number" && (await p.evaluate(hearsChangesBy, { ticketId, author }))) {
				await p.waitForFunction(toldOfChange, { ticketId, after });
				await workspace.appSettled();
			}
			return answer;
		},
		async click(target, options) {
			await target.waitFor();
			await workspace.appSettled();
			await target.click(options);
		},
		async check(target, checked = true) {
			await target.waitFor();
			await workspace.appSettled();
			await target.setChecked(checked);
		},
		async appSettled(timeoutMs = 15_000) {
			const p = need(page, "page");
			if (!(await p.evaluate(() => window.__workspace?.isRegistered() === true))) return;
			const frame = await workspace.appFrame();
			const deadline = Date.now() + timeoutMs;
			for (let calm = 0; ;) {
				const unanswered = await p.evaluate(unansweredInPage);
				const size = await frame.evaluate(() => ({
					content: Math.ceil(document.documentElement.getBoundingClientRect().height),
					iframe: window.innerHeight,
				}));
				calm = unanswered === 0 && size.content === size.iframe ? calm + 1 : 0;
				if (calm === 2) return;
				if (Date.now() > deadline) {
					const state = `${unanswered} unanswered, content ${size.content}px in a ${size.iframe}px iframe`;
					throw new Error(`the app did not settle within ${timeoutMs} ms (${state})`);
				}
				// One app frame: answers get rendered, the ResizeObserver reports, the workspace resizes.
				await frame.evaluate(
					() => new Promise<void>(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
				);
			}
		},
		async resetWorld(name) {
			need(sandbox, "sandbox").emulator.reset(name ?? options.world ?? "default");
		},
		consoleLines: () => [...console],
	};
	return workspace;
}

/* In-page helpers for `actAs` and `appSettled` (they run in the workspace page via `page.evaluate`). */

/** The newest protocol log sequence number (0 when nothing is logged or no workspace is open). */
function lastLogSeq(): number {
	const log = window.__workspace?.log() ?? [];
	return log.length > 0 ? (log[log.length - 1]?.seq ?? 0) : 0;
}

/** True when the open app shows `ticketId`, listens to `ticket.updated` and `author` is not the signed-in agent. */
function hearsChangesBy({ ticketId, author }: { ticketId: number; author: number }): boolean {
	const driver = window.__workspace;
	return (
		driver !== undefined &&
		driver.isRegistered() &&
		driver.ticketId() === ticketId &&
		driver.subscriberCount("ticket.updated") > 0 &&
		driver.signedInAs()?.userId !== author
	);
}

/** True once the workspace has sent the app `ticket.updated` for `ticketId` after log entry `after`. */
function toldOfChange({ ticketId, after }: { ticketId: number; after: number }): boolean {
	return (window.__workspace?.log() ?? []).some(entry => {
		const message = entry.message as { key?: unknown; message?: { ticketId?: unknown } } | null;
		return (
			entry.seq > after &&
			entry.direction === "out" &&
			message?.key === "zaf.ticket.updated" &&
			message.message?.ticketId === ticketId
		);
	});
}

/** How many API requests (`request:N`) and RPCs (`{id, request}`) of the app the workspace has not answered yet. */
function unansweredInPage(): number {
	const open = new Set<string>();
	for (const entry of window.__workspace?.log() ?? []) {
		const message = entry.message as Record<string, unknown> | null;
		if (typeof message !== "object" || message === null) continue;
		const key = typeof message["key"] === "string" ? message["key"] : "";
		if (entry.direction === "in") {
			if (key.startsWith("request:")) open.add(key.slice("request:".length));
			else if (typeof message["request"] === "string") open.add(`rpc:${String(message["id"])}`);
		} else if (entry.direction === "out") {
			const answered = /^zaf\.request:(.+)\.(?:done|fail)$/.exec(key);
			if (answered) open.delete(answered[1] ?? "");
			else if ("result" in message || "error" in message) open.delete(`rpc:${String(message["id"])}`);
		}
	}
	return open.size;
}

/** The button of each section's glance that opens its editor. */
const EDITOR_BUTTONS = { people: "Edit people", fields: "Edit fields", metadata: "Edit metadata" } as const;

/** A section whose editor opens on demand. */
export type EditorSection = keyof typeof EDITOR_BUTTONS;

/**
 * Opens the editors of `sections` (default all three) as an agent does, pressing each glance's
 * button (Enter), and waits until each editor has taken its glance's place.
 */
export async function openEditors(app: Frame, ...sections: EditorSection[]): Promise<void> {
	const wanted = sections.length > 0 ? sections : (Object.keys(EDITOR_BUTTONS) as EditorSection[]);
	for (const section of wanted) {
		// A waiting draft (here: text typed in a picker on an earlier visit) opened it already.
		if ((await app.locator(`.zd-editor[data-editor="${section}"]`).count()) > 0) continue;
		const button = app.getByRole("button", { name: EDITOR_BUTTONS[section], exact: true });
		// With the keyboard: the editor opened just before may still be growing under the pointer.
		await button.focus();
		await button.press("Enter");
		await button.waitFor({ state: "detached" });
	}
}
