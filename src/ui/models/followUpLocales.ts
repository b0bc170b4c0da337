/**
 * The account's languages for a new requester (`GET /api/v2/locales`, "Anyone" may call it, OAS
 * ListLocales). Lives here until the API client grows a `listLocales`; the shape has no
 * snake_case keys, so nothing needs normalising beyond a shape check.
 */
import type { ZafPort } from "../../zaf/port";
import type { FollowUpLocale } from "./createFollowUpModel";

/** Keeps `{id, name}` entries with a positive integer id and a name; drops anything else. Never throws. */
export function parseLocales(json: unknown): FollowUpLocale[] {
	const list = typeof json === "object" && json !== null ? (json as Record<string, unknown>).locales : undefined;
	if (!Array.isArray(list)) return [];
	return list.flatMap(item => {
		if (typeof item !== "object" || item === null) return [];
		const { id, name } = item as Record<string, unknown>;
		return typeof id === "number" &&
			Number.isSafeInteger(id) &&
			id > 0 &&
			typeof name === "string" &&
			name.trim() !== ""
			? [{ id, name }]
			: [];
	});
}

/** Reads the account's locales; rejects with the port's ApiError (the model then hides the choice). */
export async function fetchLocales(zaf: Pick<ZafPort, "request">): Promise<FollowUpLocale[]> {
	const response = await zaf.request({ url: "/api/v2/locales.json", type: "GET", dataType: "json" });
	return parseLocales(response.json);
}
