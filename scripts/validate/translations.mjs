/**
 * translations/*.json rules of Zendesk's validator (validations/translations.rb; zaf-protocol.md
 * §6.2): valid locale file names, JSON objects, `app.name` in the default locale (plus the
 * marketing texts for public apps), a `label` for every parameter.
 */
import { LOCALE_PATTERN } from "./manifest.mjs";

const isObject = v => typeof v === "object" && v !== null && !Array.isArray(v);
/** Zendesk also accepts its internal `{title, value}` leaves. */
const text = v => (typeof v === "string" ? v : isObject(v) && typeof v.value === "string" ? v.value : undefined);

/**
 * Checks one parsed translations file. `file` is e.g. `translations/en.json`; `manifest` may be
 * undefined when it did not parse.
 */
export function checkTranslation(file, data, manifest, ctx) {
	const locale = file.replace(/^translations\//, "").replace(/\.json$/, "");
	if (!file.endsWith(".json") || !LOCALE_PATTERN.test(locale)) {
		ctx.error(
			file,
			"",
			`"${locale}" is not a locale code, so Zendesk cannot use this file (expected e.g. translations/en.json)`,
		);
	}
	if (!isObject(data)) return ctx.error(file, "", "must be a JSON object");
	const app = data.app;
	if (app !== undefined && !isObject(app)) return ctx.error(file, "app", "must be an object");
	const parameters = app?.parameters;
	if (parameters !== undefined) {
		if (!isObject(parameters)) ctx.error(file, "app.parameters", "must be an object");
		else
			for (const [name, entry] of Object.entries(parameters)) {
				if (!isObject(entry) || text(entry.label) === undefined)
					ctx.error(file, `app.parameters.${name}`, "must be an object with a label");
			}
	}
	const isDefault = manifest && locale === manifest.defaultLocale;
	if (!isDefault) return;
	if (text(app?.name) === undefined) ctx.error(file, "app.name", "is required in the default locale's translations");
	if (manifest.private === false) {
		for (const key of ["short_description", "long_description", "installation_instructions"]) {
			const alias = key === "long_description" ? text(app?.description) : undefined;
			if (text(app?.[key]) === undefined && alias === undefined)
				ctx.error(file, `app.${key}`, "is required for a public app");
		}
	}
	for (const p of Array.isArray(manifest.parameters) ? manifest.parameters : []) {
		if (!isObject(p) || typeof p.name !== "string") continue;
		if (!isObject(parameters) || !isObject(parameters[p.name])) {
			ctx.error(file, `app.parameters.${p.name}`, `is missing: the manifest parameter "${p.name}" needs a label`);
		}
	}
}
