/**
 * The follow-up's optional reads: the draft's people's names, the account's languages (once per
 * session), the titles of the fields offered for copying. A failure only hides a nicety, so
 * ApiErrors are ignored and bugs rethrown.
 */
import { effect, type ReadonlySignal, type Signal } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError } from "../../platform/api/errors";
import type { Locale, TicketField, User } from "../../platform/api/types";
import type { StorageLike } from "../../platform/storage/createDraftStore";
import { createSessionValue, type SessionValue } from "../../platform/storage/createSessionValue";
import { isRecord } from "../../shared/isRecord";
import type { Id } from "../../shared/ticketTypes";
import { userLabel } from "../../shared/userLabel";
import { labelPeople, type FollowUpDraft, type FollowUpSource } from "./rules/followUpDraft";

/** A rejection handler for optional reads: an ApiError is ignored, a bug is rethrown. */
export const ignoreApiError = (caught: unknown): void => {
	if (!isApiError(caught)) throw caught;
};

/** A language the new requester can be given (`GET /api/v2/locales`). */
export type FollowUpLocale = Pick<Locale, "id" | "name">;

/** Session storage key of the locales. */
export const LOCALES_KEY = "zd-sidebar:locales:v1";

/** The account's languages as a session value (one request per 10-minute session, not per panel), only `{id, name}`; a failed read is not kept. */
export function createSessionLocales(
	api: Pick<ZendeskApi, "listLocales">,
	storage?: StorageLike,
): SessionValue<FollowUpLocale[]> {
	return createSessionValue({
		key: LOCALES_KEY,
		load: async () => (await api.listLocales()).map(({ id, name }) => ({ id, name })),
		isValid: (value: unknown): value is FollowUpLocale[] =>
			Array.isArray(value) &&
			value.every(item => isRecord(item) && typeof item.id === "number" && typeof item.name === "string"),
		...(storage ? { storage } : {}),
	});
}

/** The model's signals the reads fill, and the form's `open` the field titles wait for. */
export interface FollowUpLookupTargets {
	api: Pick<ZendeskApi, "showManyUsers" | "listTicketFields">;
	draft: Signal<FollowUpDraft | null>;
	open: ReadonlySignal<boolean>;
	users: Signal<ReadonlyMap<Id, User>>;
	fields: Signal<ReadonlyMap<Id, TicketField>>;
}

/**
 * Starts the reads for a loaded draft: the people it names (labelling its chips) and, once the form
 * is open, every ticket field's title (the source's values may be on fields outside its form).
 */
export function lookUpForDraft(to: FollowUpLookupTargets, source: FollowUpSource, draft: FollowUpDraft): void {
	if (draft.customFields.length > 0) {
		let asked = false;
		// Once asked, the effect reads no signal any more and never runs again.
		effect(() => {
			if (asked || !to.open.value) return;
			asked = true;
			to.api
				.listTicketFields()
				.then(list => void (to.fields.value = new Map(list.map(f => [f.id, f]))), ignoreApiError);
		});
	}
	const ids = [
		source.requesterId,
		...draft.emailCcs.map(cc => (cc.kind === "user" ? cc.userId : null)),
		...draft.followers.map(f => f.userId),
	].filter((id): id is Id => id !== null);
	if (ids.length === 0) return;
	to.api.showManyUsers(ids).then(found => {
		to.users.value = new Map([...to.users.value, ...found.map(u => [u.id, u] as const)]);
		const label = (id: Id) => {
			const u = to.users.value.get(id);
			return u ? userLabel(u) : undefined;
		};
		if (to.draft.value !== null) to.draft.value = labelPeople(to.draft.value, label);
	}, ignoreApiError);
}
