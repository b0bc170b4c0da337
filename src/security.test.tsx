// @vitest-environment happy-dom
/**
 * Security guards for the shipped app: ticket and user data with script/HTML payloads is rendered
 * as text (seeded through the emulator's API into a subject, user names, custom field values,
 * audit metadata and the audit's change values, then the whole panel mounted over the real ZAF
 * port adapter); the built bundle needs no eval, new Function or inline script and carries no
 * credentials.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { basicTokenHeader } from "../sandbox/emulator/routes/auth";
import { createEmulator } from "../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../sandbox/inProcessPort";
import { mount } from "./app/mount";
import { openEditors } from "./testing/panelTestSetup";

const ROOT = join(import.meta.dirname, "..");
const IMG = `<img src=x onerror="globalThis.__xss=1">`;
const SCRIPT = `<script>globalThis.__xss=1</script>`;
const JS_URL = "javascript:alert(1)";
const SVG = `<svg onload="globalThis.__xss=1"><a href="javascript:alert(1)">x</a></svg>`;

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

async function until(check: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 400; i++) {
		if (check()) return;
		await new Promise(r => setTimeout(r, 10));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** Seeds the payloads into ticket 1 the way Zendesk would store them: through the API, as the admin. */
async function seedPayloads() {
	const emulator = createEmulator({ settings: { rateLimits: false } });
	const call = async (method: string, url: string, body: unknown) => {
		const res = await emulator.handle({
			method,
			url,
			headers: { authorization: basicTokenHeader("admin@example.com"), "content-type": "application/json" },
			body: JSON.stringify(body),
		});
		if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${String(res.body)}`);
		return JSON.parse(String(res.body)) as Record<string, any>;
	};
	const created = await call("POST", "/api/v2/users.json", {
		user: { name: IMG, email: "xss.one@example.org", role: "end-user" },
	});
	await call("PUT", "/api/v2/tickets/1.json", {
		ticket: {
			subject: SCRIPT,
			email_ccs: [
				{ user_id: String(created.user.id), action: "put" },
				{ user_email: "xss.two@example.org", user_name: SVG, action: "put" },
			],
			custom_fields: [
				{ id: 5101, value: IMG },
				{ id: 5102, value: `${SCRIPT}\n${JS_URL}` },
			],
			metadata: { note: SCRIPT, link: JS_URL, html: IMG },
		},
	});
	return emulator;
}

/** Everything in the panel that could run code or navigate: elements, handler attributes, script URLs. */
function dangerousMarkup(root: Element): string[] {
	const found: string[] = [];
	for (const element of root.querySelectorAll("*")) {
		const tag = element.tagName.toLowerCase();
		if (
			["script", "img", "iframe", "object", "embed", "svg", "math", "link", "style", "base", "form[action]"].includes(
				tag,
			)
		)
			found.push(`<${tag}>`);
		for (const attribute of element.getAttributeNames()) {
			const value = element.getAttribute(attribute) ?? "";
			if (attribute.startsWith("on")) found.push(`${tag}[${attribute}]`);
			if (/^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${tag}[${attribute}=${value}]`);
			if (attribute === "srcdoc") found.push(`${tag}[srcdoc]`);
		}
	}
	return found;
}

describe("ticket and user data are rendered as text", () => {
	it("shows script and HTML payloads from subjects, names, field values, metadata and audits as plain text", async () => {
		const emulator = await seedPayloads();
		const { port, client } = createInProcessPort({ emulator, ticketId: 1 });
		const container = document.createElement("div");
		document.body.append(container);
		const unmount = await mount({ zaf: port, container });
		cleanups.push(() => {
			unmount();
			client.close();
			emulator.dispose();
		});
		const text = () => container.textContent ?? "";
		await openEditors(container);
		await until(
			() => text().includes(IMG) && container.querySelector('[data-field-id="5101"] input') !== null,
			"the people and fields",
		);
		const history = [...container.querySelectorAll("button")].find(b => b.textContent?.trim() === "Show history");
		if (!history) throw new Error("no history button");
		history.click();
		await until(() => text().includes(`"${JS_URL}"`) || text().includes(JS_URL), "the audit history");
		await until(() => text().split(SCRIPT).length > 2, "the metadata and subject change in the history");

		// The payloads are there, as text.
		expect(text()).toContain(IMG); // a CC's name (people chip) and the audit's field change
		expect(text()).toContain(SVG); // a CC created on the fly with that name
		expect(text()).toContain(SCRIPT); // subject change and metadata in the history
		const orderNumber = container.querySelector<HTMLInputElement>('[data-field-id="5101"] input');
		expect(orderNumber?.value).toBe(IMG);
		const steps = container.querySelector<HTMLTextAreaElement>('[data-field-id="5102"] textarea');
		expect(steps?.value).toBe(`${SCRIPT}\n${JS_URL}`);

		// ...and nothing they contain became markup, a handler or a link.
		expect(dangerousMarkup(container)).toEqual([]);
		expect((globalThis as { __xss?: unknown }).__xss).toBeUndefined();
	});
});

describe("the built bundle", () => {
	let dir: string;
	let allScripts: string;
	let iframeHtml: string;
	let inputs: string[];

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), "zd-security-"));
		// build.mjs is plain JS without typings: import it by URL and state the part we use.
		const { buildApp } = (await import(pathToFileURL(join(ROOT, "build.mjs")).href)) as {
			buildApp(o: { outdir: string; mapsdir: string }): Promise<{ metafile: { inputs: Record<string, unknown> } }>;
		};
		const built = await buildApp({ outdir: join(dir, "dist"), mapsdir: join(dir, "maps") });
		// Every script of the package: main.js and the chunks it loads at open or on demand.
		const assets = join(dir, "dist", "assets");
		allScripts = readdirSync(assets, { recursive: true, encoding: "utf8" })
			.filter(name => name.endsWith(".js"))
			.map(name => readFileSync(join(assets, name), "utf8"))
			.join("\n");
		iframeHtml = readFileSync(join(dir, "dist", "assets", "iframe.html"), "utf8");
		inputs = Object.keys(built.metafile.inputs);
	}, 60_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	/** The first match of `pattern` in the bundle, with a little context (null when absent). */
	const find = (pattern: RegExp) => {
		const match = pattern.exec(allScripts);
		return match ? allScripts.slice(Math.max(0, match.index - 40), match.index + 60) : null;
	};

	it("uses no eval, new Function or string timers", () => {
		expect(find(/\beval\s*\(/)).toBeNull();
		expect(find(/\bnew\s+Function\s*\(/)).toBeNull();
		expect(find(/\bFunction\s*\(\s*["'`]/)).toBeNull();
		expect(find(/set(?:Timeout|Interval)\s*\(\s*["'`]/)).toBeNull();
	});

	it("never writes HTML into the DOM outside Preact's own (unused) dangerouslySetInnerHTML branch", () => {
		expect(find(/insertAdjacentHTML|outerHTML\s*=|document\.write\s*\(/)).toBeNull();
		// Preact's renderer is the bundle's only `innerHTML` writer, reached only through dangerouslySetInnerHTML.
		expect(allScripts.match(/\.innerHTML\s*=/g) ?? []).toHaveLength(1);
	});

	it("loads only external scripts from iframe.html (a strict CSP without 'unsafe-inline' works)", () => {
		const scripts = [...iframeHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
		expect(scripts.length).toBeGreaterThan(0);
		for (const [, attributes, body] of scripts) {
			expect(attributes).toMatch(/\ssrc="/);
			expect(body?.trim()).toBe("");
		}
		expect(iframeHtml).not.toMatch(/\son[a-z]+\s*=/i);
		expect(iframeHtml).not.toMatch(/javascript:/i);
	});

	it("carries no credentials and no sandbox code", () => {
		expect(find(/token:sandbox|sandbox-password|\/token:/)).toBeNull();
		expect(find(/\bBasic [A-Za-z0-9+/=]{8,}/)).toBeNull();
		expect(find(/authorization/i)).toBeNull();
		expect(find(/api_token|access_token|client_secret|Bearer /i)).toBeNull();
		expect(
			inputs.filter(path => path.startsWith("sandbox/") || path.startsWith("e2e/") || path.startsWith("src/testing/")),
		).toEqual([]);
	});
});

describe("the app's source", () => {
	/** The app's source files, tests left out (the test-only helpers in src/testing stay in: no secrets there either). */
	const files = (function walk(at: string): string[] {
		return readdirSync(at).flatMap(name => {
			const path = join(at, name);
			if (statSync(path).isDirectory()) return walk(path);
			return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
		});
	})(join(ROOT, "src"));
	const offending = (pattern: RegExp) => files.filter(file => pattern.test(readFileSync(file, "utf8")));

	it("sets no Authorization header and holds no secrets (ZAF's session authenticates every request)", () => {
		expect(files.length).toBeGreaterThan(50);
		expect(
			offending(/["']authorization["']\s*:|token:sandbox|sandbox-password|api_token\s*[:=]|Bearer\s+[A-Za-z0-9]/i),
		).toEqual([]);
	});

	it("never renders markup from strings", () => {
		expect(offending(/dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write/)).toEqual(
			[],
		);
	});

	it("builds every href from data through safeLink", () => {
		const links = files.filter(file => /\bhref=\{/.test(readFileSync(file, "utf8")));
		expect(links.filter(file => !/safeLink\(/.test(readFileSync(file, "utf8")))).toEqual([]);
	});
});
