/**
 * manifest.json rules of Zendesk's validator (zendesk_apps_support validations/manifest.rb,
 * manifest/parameter.rb, location.rb, app_version.rb; summarised in zaf-protocol.md §6.1).
 * `check(manifest, ctx)` pushes problems through `ctx.error(key, message)` / `ctx.warn(key, message)`.
 */

/** Frameworks Zendesk still serves (AppVersion::TO_BE_SERVED). */
export const SERVED_FRAMEWORKS = ["2.0"];
export const LOCALE_PATTERN = /^[a-z]{2,3}(-\w{2,3})?$/;
export const SUPPORT_LOCATIONS = [
	"top_bar",
	"nav_bar",
	"ticket_sidebar",
	"new_ticket_sidebar",
	"user_sidebar",
	"organization_sidebar",
	"background",
	"modal",
	"ticket_editor",
	"system_top_bar",
];
const PRODUCTS = ["support", "chat", "sell"];
const LOCATION_OPTION_KEYS = ["url", "autoLoad", "autoHide", "flexible", "signed", "size", "objectTypes"];
const PARAMETER_TYPES = ["text", "checkbox", "url", "number", "multiline", "hidden", "oauth"];
const SCOPES = ["header", "body", "url", "jwt_secret_key", "jwt_claim", "basic_auth_username", "basic_auth_password"];
const BOOLEAN_KEYS = ["requirementsOnly", "marketingOnly", "singleInstall", "signedUrls", "private"];
const STRING_KEYS = [
	"defaultLocale",
	"version",
	"frameworkVersion",
	"remoteInstallationURL",
	"termsConditionsURL",
	"gaID",
];
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

const isObject = v => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = v =>
	v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "string" ? `"${v}"` : typeof v;

function isHttpUrl(value) {
	try {
		const url = new URL(value);
		return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
	} catch {
		return false;
	}
}

/** Checks the manifest object. `ctx.fileExists(path)` answers for files inside the package. */
export function checkManifest(manifest, ctx) {
	if (!isObject(manifest)) return ctx.error("", "must be a JSON object");
	const noLocation = manifest.requirementsOnly === true || manifest.marketingOnly === true;
	for (const key of ["author", "defaultLocale", "frameworkVersion", ...(noLocation ? [] : ["location"])]) {
		if (manifest[key] === undefined) ctx.error(key, `is required but missing`);
	}
	for (const key of BOOLEAN_KEYS) {
		if (manifest[key] !== undefined && typeof manifest[key] !== "boolean")
			ctx.error(key, `must be true or false, not ${describe(manifest[key])}`);
	}
	for (const key of STRING_KEYS) {
		if (manifest[key] !== undefined && typeof manifest[key] !== "string")
			ctx.error(key, `must be a string, not ${describe(manifest[key])}`);
	}
	if (manifest.frameworkVersion !== undefined && !SERVED_FRAMEWORKS.includes(manifest.frameworkVersion)) {
		ctx.error(
			"frameworkVersion",
			`must be "2.0" (the only framework Zendesk serves), not ${describe(manifest.frameworkVersion)}`,
		);
	}
	if (typeof manifest.version === "string" && !SEMVER.test(manifest.version)) {
		ctx.warn("version", `"${manifest.version}" is not semver (x.y.z); \`zcli apps:bump\` will refuse it`);
	} else if (manifest.version === undefined) {
		ctx.warn("version", "is missing; `zcli apps:bump` needs a semver version");
	}
	checkAuthor(manifest.author, ctx);
	if (manifest.termsConditionsURL !== undefined && !isHttpUrl(manifest.termsConditionsURL)) {
		ctx.error("termsConditionsURL", "must be an http(s) URL with a host");
	}
	if (typeof manifest.defaultLocale === "string") {
		if (!LOCALE_PATTERN.test(manifest.defaultLocale)) {
			ctx.error("defaultLocale", `"${manifest.defaultLocale}" is not a locale code like "en" or "pt-br"`);
		} else if (!ctx.fileExists(`translations/${manifest.defaultLocale}.json`)) {
			ctx.error(
				"defaultLocale",
				`is "${manifest.defaultLocale}" but translations/${manifest.defaultLocale}.json does not exist`,
			);
		}
	}
	if (
		manifest.domainWhitelist !== undefined &&
		(!Array.isArray(manifest.domainWhitelist) || !manifest.domainWhitelist.every(d => typeof d === "string"))
	) {
		ctx.error("domainWhitelist", "must be an array of strings");
	}
	if (manifest.experiments !== undefined) {
		if (!isObject(manifest.experiments)) ctx.error("experiments", "must be an object");
		else
			for (const key of Object.keys(manifest.experiments)) {
				if (!["hashParams", "newCssCompiler"].includes(key))
					ctx.error(`experiments.${key}`, "is not an experiment Zendesk allows (hashParams, newCssCompiler)");
			}
	}
	if (manifest.location !== undefined) checkLocations(manifest.location, ctx);
	if (manifest.parameters !== undefined) checkParameters(manifest.parameters, ctx);
}

function checkAuthor(author, ctx) {
	if (author === undefined) return;
	if (!isObject(author))
		return ctx.error("author", `must be an object with name, email and url, not ${describe(author)}`);
	for (const key of ["name", "email", "url"]) {
		if (author[key] !== undefined && typeof author[key] !== "string") ctx.error(`author.${key}`, "must be a string");
	}
	if (typeof author.url === "string" && !isHttpUrl(author.url))
		ctx.error("author.url", `"${author.url}" must be an http(s) URL with a host`);
}

function checkLocations(location, ctx) {
	if (!isObject(location))
		return ctx.error("location", 'must be an object such as {"support": {"ticket_sidebar": ...}}');
	for (const [product, places] of Object.entries(location)) {
		if (!PRODUCTS.includes(product)) {
			ctx.error(`location.${product}`, `is not a Zendesk product (${PRODUCTS.join(", ")})`);
			continue;
		}
		if (!isObject(places)) {
			ctx.error(`location.${product}`, "must be an object of locations");
			continue;
		}
		for (const [name, value] of Object.entries(places)) {
			const key = `location.${product}.${name}`;
			if (product === "support" && !SUPPORT_LOCATIONS.includes(name))
				ctx.error(key, `"${name}" is not a Support location`);
			checkLocationValue(value, key, ctx);
		}
	}
}

function checkLocationValue(value, key, ctx) {
	let url = value;
	let autoLoad = true;
	if (isObject(value)) {
		for (const option of Object.keys(value)) {
			if (!LOCATION_OPTION_KEYS.includes(option))
				ctx.warn(`${key}.${option}`, "is not a location option Zendesk documents");
		}
		if (value.flexible !== undefined && typeof value.flexible !== "boolean")
			ctx.error(`${key}.flexible`, "must be true or false");
		url = value.url;
		autoLoad = value.autoLoad !== false;
		key = `${key}.url`;
	} else if (typeof value !== "string") {
		return ctx.error(key, `must be a URL string or an object with "url", not ${describe(value)}`);
	}
	if (url === undefined || url === null || url === "") {
		if (autoLoad) ctx.error(key, "is blank, but the location loads automatically (set a URL or autoLoad: false)");
		return;
	}
	if (typeof url !== "string") return ctx.error(key, "must be a string");
	if (url.includes("{{setting.")) return;
	if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
		let parsed;
		try {
			parsed = new URL(url);
		} catch {
			return ctx.error(key, `"${url}" is not a valid URL`);
		}
		if (parsed.protocol !== "https:" && parsed.hostname !== "localhost") {
			ctx.error(key, `"${url}" must use https (plain http is only allowed for localhost, not 127.0.0.1)`);
		}
		return;
	}
	if (!url.startsWith("assets/")) return ctx.error(key, `"${url}" is relative, so it must start with assets/`);
	if (!ctx.fileExists(url.split(/[?#]/)[0])) ctx.error(key, `"${url}" does not exist in the package`);
}

function checkParameters(parameters, ctx) {
	if (!Array.isArray(parameters)) return ctx.error("parameters", "must be an array");
	const seen = new Set();
	let oauth = 0;
	parameters.forEach((p, index) => {
		const at = `parameters[${index}]`;
		if (!isObject(p)) return ctx.error(at, "must be an object with a name");
		const key = typeof p.name === "string" ? `${at} (${p.name})` : at;
		if (typeof p.name !== "string" || p.name === "") return ctx.error(key, "has no name");
		if (p.name === "name") ctx.error(key, 'must not be called "name" (reserved by Zendesk)');
		if (seen.has(p.name)) ctx.error(key, `duplicates the parameter "${p.name}"`);
		seen.add(p.name);
		if (p.type !== undefined && !PARAMETER_TYPES.includes(p.type))
			ctx.error(`${key}.type`, `"${p.type}" is not one of ${PARAMETER_TYPES.join(", ")}`);
		for (const flag of ["required", "secure"]) {
			if (p[flag] !== undefined && typeof p[flag] !== "boolean") ctx.error(`${key}.${flag}`, "must be true or false");
		}
		if (p.type === "hidden" && p.required === true) ctx.error(key, "is hidden, so it cannot be required");
		if (p.type === "oauth") {
			oauth++;
			if (p.secure === true) ctx.error(key, "is an oauth parameter, so it cannot be secure");
		}
		if (p.scopes !== undefined) {
			if (p.secure !== true) ctx.error(`${key}.scopes`, "is only allowed on secure parameters");
			if (!Array.isArray(p.scopes) || !p.scopes.every(s => SCOPES.includes(s)))
				ctx.error(`${key}.scopes`, `must be a list of ${SCOPES.join(", ")}`);
		}
		if (/token|key|pwd|password/i.test(p.name) && p.secure !== true) {
			ctx.warn(key, "looks like a secret (token/key/password) but is not secure: true");
		}
	});
	if (oauth > 1) ctx.error("parameters", "has more than one oauth parameter");
}
