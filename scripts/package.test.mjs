import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodePng } from "./makeLogos.mjs";
import { packageApp, zipName } from "./package.mjs";
import { parseJsonStrict } from "./validate/json.mjs";
import { validatePackage } from "./validate/validatePackage.mjs";
import { readZip } from "./zip.mjs";

const dirs = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const png = size => encodePng(size, size, Buffer.alloc(size * size * 4));
const MANIFEST = {
	name: "Ticket Toolkit",
	author: { name: "Team", email: "team@example.com", url: "https://example.com" },
	defaultLocale: "en",
	private: true,
	location: { support: { ticket_sidebar: { url: "assets/iframe.html", flexible: true } } },
	version: "1.0.0",
	frameworkVersion: "2.0",
	parameters: [{ name: "defaultMetadata", type: "multiline" }],
};
const EN = {
	app: { name: "Ticket Toolkit", parameters: { defaultMetadata: { label: "Default metadata" } } },
	shell: { x: "y" },
};

/** A valid package in a temp dir, then `mutate(dir, write)` breaks it. */
function makePackage(mutate = () => {}) {
	const dir = mkdtempSync(join(tmpdir(), "zd-pkg-"));
	dirs.push(dir);
	const write = (rel, data) => {
		mkdirSync(dirname(join(dir, rel)), { recursive: true });
		writeFileSync(
			join(dir, rel),
			typeof data === "string" || Buffer.isBuffer(data) ? data : JSON.stringify(data, null, 2),
		);
	};
	write("manifest.json", MANIFEST);
	write("translations/en.json", EN);
	write("assets/iframe.html", '<!doctype html><script src="main.js"></script>');
	write("assets/main.js", "console.log(1)");
	write("assets/logo.png", png(320));
	write("assets/logo-small.png", png(128));
	mutate(dir, write);
	return dir;
}
const withManifest = patch => (_dir, write) => write("manifest.json", { ...MANIFEST, ...patch });

/** [name, break the package, expected problems as "file › key" substrings with a message fragment]. */
const errorCases = [
	[
		"missing defaultLocale translation file",
		withManifest({ defaultLocale: "de" }),
		["manifest.json › defaultLocale", "translations/de.json does not exist"],
	],
	[
		"malformed defaultLocale",
		withManifest({ defaultLocale: "English" }),
		["manifest.json › defaultLocale", "is not a locale code"],
	],
	[
		"http:// remote location URL",
		withManifest({ location: { support: { ticket_sidebar: "http://app.example.com/" } } }),
		["location.support.ticket_sidebar", "must use https"],
	],
	[
		"http://127.0.0.1 location URL",
		withManifest({ location: { support: { ticket_sidebar: { url: "http://127.0.0.1:3000/" } } } }),
		["ticket_sidebar.url", "not 127.0.0.1"],
	],
	[
		"relative URL outside assets/",
		withManifest({ location: { support: { ticket_sidebar: { url: "index.html" } } } }),
		["ticket_sidebar.url", "must start with assets/"],
	],
	[
		"relative URL to a missing file",
		withManifest({ location: { support: { ticket_sidebar: { url: "assets/app.html" } } } }),
		["ticket_sidebar.url", "does not exist in the package"],
	],
	[
		"unknown Support location",
		withManifest({ location: { support: { ticket_footer: "assets/iframe.html" } } }),
		["location.support.ticket_footer", "is not a Support location"],
	],
	[
		"flexible that is not a boolean",
		withManifest({ location: { support: { ticket_sidebar: { url: "assets/iframe.html", flexible: "yes" } } } }),
		["ticket_sidebar.flexible", "true or false"],
	],
	[
		"frameworkVersion other than 2.0",
		withManifest({ frameworkVersion: "1.0" }),
		["manifest.json › frameworkVersion", 'must be "2.0"'],
	],
	["missing author", withManifest({ author: undefined }), ["manifest.json › author", "is required"]],
	[
		"author.url without http(s)",
		withManifest({ author: { name: "a", url: "example.com" } }),
		["author.url", "http(s) URL"],
	],
	["private as a string", withManifest({ private: "true" }), ["manifest.json › private", "true or false"]],
	[
		"duplicate parameter",
		withManifest({ parameters: [{ name: "a" }, { name: "a" }] }),
		["parameters[1] (a)", 'duplicates the parameter "a"'],
	],
	[
		"parameter called name",
		withManifest({ parameters: [{ name: "name" }] }),
		["parameters[0] (name)", 'must not be called "name"'],
	],
	[
		"unknown parameter type",
		withManifest({ parameters: [{ name: "a", type: "select" }] }),
		["parameters[0] (a).type", '"select" is not one of'],
	],
	[
		"hidden required parameter",
		withManifest({ parameters: [{ name: "a", type: "hidden", required: true }] }),
		["parameters[0] (a)", "cannot be required"],
	],
	[
		"secure oauth parameter",
		withManifest({ parameters: [{ name: "a", type: "oauth", secure: true }] }),
		["parameters[0] (a)", "cannot be secure"],
	],
	[
		"scopes on a non-secure parameter",
		withManifest({ parameters: [{ name: "a", scopes: ["header"] }] }),
		["parameters[0] (a).scopes", "only allowed on secure"],
	],
	[
		"wrong logo size",
		(_d, write) => write("assets/logo.png", png(300)),
		["assets/logo.png", "is 300×300, must be 320×320"],
	],
	["missing small logo", dir => rmSync(join(dir, "assets/logo-small.png")), ["assets/logo-small.png", "is missing"]],
	["logo that is not a PNG", (_d, write) => write("assets/logo.png", "GIF89a"), ["assets/logo.png", "is not a PNG"]],
	[
		"forbidden file type by extension",
		(_d, write) => write("assets/notes.pdf", "hello"),
		["assets/notes.pdf", "PDF document (.pdf)"],
	],
	[
		"forbidden file type by magic bytes",
		(_d, write) => write("assets/data.txt", Buffer.from("PK\x03\x04rest")),
		["assets/data.txt", "detected from its content"],
	],
	["shell script", (_d, write) => write("assets/run.js", "#!/bin/sh\necho hi"), ["assets/run.js", "shell script"]],
	[
		"symlink",
		dir => symlinkSync(join(dir, "assets/iframe.html"), join(dir, "assets/link.html")),
		["assets/link.html", "symbolic link"],
	],
	[
		"duplicate JSON key in the manifest",
		(_d, write) =>
			write(
				"manifest.json",
				JSON.stringify(MANIFEST).replace('"version":"1.0.0"', '"version":"1.0.0","version":"1.0.1"'),
			),
		["manifest.json › version", "appears twice"],
	],
	[
		"manifest that is not JSON",
		(_d, write) => write("manifest.json", "{ name: 1 }"),
		["manifest.json", "is not valid JSON"],
	],
	[
		"manifest nested in a folder",
		(dir, write) => (rmSync(join(dir, "manifest.json")), write("app/manifest.json", MANIFEST)),
		["manifest.json", "app/manifest.json was found (nested_manifest)"],
	],
	[
		"translations without app.name",
		(_d, write) => write("translations/en.json", { app: { parameters: EN.app.parameters } }),
		["translations/en.json › app.name", "is required"],
	],
	[
		"parameter without a label",
		(_d, write) =>
			write("translations/en.json", { app: { name: "x", parameters: { defaultMetadata: { helpText: "h" } } } }),
		["app.parameters.defaultMetadata", "with a label"],
	],
	[
		"manifest parameter missing from translations",
		(_d, write) => write("translations/en.json", { app: { name: "x" } }),
		["app.parameters.defaultMetadata", "needs a label"],
	],
	[
		"translation file with a bad locale name",
		(_d, write) => write("translations/english.json", { app: {} }),
		["translations/english.json", "is not a locale code"],
	],
	[
		"public app without marketing texts",
		withManifest({ private: false }),
		["translations/en.json › app.short_description", "required for a public app"],
	],
];

const describeProblem = p => `${p.file}${p.key ? ` › ${p.key}` : ""}: ${p.message}`;

describe("validatePackage", () => {
	it("accepts a valid package with no errors and no warnings", () => {
		const { errors, warnings } = validatePackage(makePackage());
		expect({ errors, warnings }).toEqual({ errors: [], warnings: [] });
	});

	it.each(errorCases)("rejects %s with a specific message", (_name, mutate, [where, what]) => {
		const { errors } = validatePackage(makePackage(mutate));
		const texts = errors.map(describeProblem);
		expect(
			texts.some(t => t.includes(where) && t.includes(what)),
			texts.join("\n"),
		).toBe(true);
	});

	const warningCases = [
		["a non-semver version", withManifest({ version: "1.0" }), "not semver"],
		[
			"a secret-looking parameter that is not secure",
			(dir, write) => {
				withManifest({ parameters: [{ name: "apiToken" }] })(dir, write);
				write("translations/en.json", { app: { name: "x", parameters: { apiToken: { label: "Token" } } } });
			},
			"looks like a secret",
		],
		[
			"an insecure http:// URL in a script",
			(_d, write) => write("assets/main.js", 'fetch("http://api.example.com/x")'),
			"insecure http://",
		],
		[
			"a file outside the package layout",
			(_d, write) => write("README.md", "# hi"),
			"not part of a Zendesk app package",
		],
		[
			"http://localhost as the location URL",
			withManifest({ location: { support: { ticket_sidebar: "http://localhost:4567/" } } }),
			null,
		],
	];
	it.each(warningCases)("only warns about %s", (_name, mutate, what) => {
		const { errors, warnings } = validatePackage(makePackage(mutate));
		expect(errors.map(describeProblem)).toEqual([]);
		if (what) expect(warnings.map(describeProblem).some(t => t.includes(what))).toBe(true);
	});
});

describe("packageApp", () => {
	it("writes <name>-<version>.zip with manifest.json at the zip root", () => {
		const dir = makePackage();
		const out = mkdtempSync(join(tmpdir(), "zd-out-"));
		dirs.push(out);
		const result = packageApp({ dir, out, log: () => {} });
		expect(result.ok).toBe(true);
		expect(result.zipPath).toBe(join(out, "ticket-toolkit-1.0.0.zip"));
		const entries = readZip(readFileSync(result.zipPath));
		expect(entries.map(e => e.name)).toEqual([
			"assets/iframe.html",
			"assets/logo-small.png",
			"assets/logo.png",
			"assets/main.js",
			"manifest.json",
			"translations/en.json",
		]);
		expect(JSON.parse(entries.find(e => e.name === "manifest.json").data.toString()).name).toBe("Ticket Toolkit");
	});

	it("refuses a package over the size budget", () => {
		const lines = [];
		const result = packageApp({ dir: makePackage(), out: tmpdir(), budget: 5, log: l => lines.push(l) });
		expect(result.ok).toBe(false);
		expect(lines.join("\n")).toContain("over the size budget");
	});

	it("exits 1 with one line per problem from the command line, and 0 when valid", () => {
		const broken = makePackage(withManifest({ frameworkVersion: "1.0", defaultLocale: "de" }));
		const out = mkdtempSync(join(tmpdir(), "zd-out-"));
		dirs.push(out);
		const bad = spawnSync(process.execPath, ["scripts/package.mjs", broken, "--out", out], { encoding: "utf8" });
		expect(bad.status).toBe(1);
		expect(bad.stdout).toContain('error   manifest.json › frameworkVersion: must be "2.0"');
		expect(bad.stdout).toContain(
			'error   manifest.json › defaultLocale: is "de" but translations/de.json does not exist',
		);
		const good = spawnSync(process.execPath, ["scripts/package.mjs", makePackage(), "--out", out], {
			encoding: "utf8",
		});
		expect(good.status).toBe(0);
	});

	it("names the zip after the manifest", () => {
		expect(zipName({ name: "Ticket Toolkit!", version: "2.1.0" })).toBe("ticket-toolkit-2.1.0.zip");
	});
});

describe("parseJsonStrict", () => {
	const cases = [
		['{"a":1,"b":{"c":2,"c":3}}', ["b.c"]],
		['[{"x":1},{"x":1,"x":2}]', ["[1].x"]],
		['{"a":"\\"a\\"","a":1}', ["a"]],
		['{"a":1}', []],
	];
	it.each(cases)("finds the duplicate keys of %s", (text, duplicates) => {
		const result = parseJsonStrict(text);
		expect(result.error).toBeUndefined();
		expect(result.duplicates).toEqual(duplicates);
		expect(result.value).toEqual(JSON.parse(text));
	});

	it.each(["{", '{"a":}', "[1,]", '{"a":1} x'])("reports %j as invalid without throwing", text => {
		expect(parseJsonStrict(text).error).toBeTypeOf("string");
	});
});
