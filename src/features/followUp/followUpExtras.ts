/**
 * Optional reads after the source ticket has loaded: names of the people the draft mentions,
 * the account's languages, and the titles of the custom fields offered for copying. Each one
 * failing only hides a nicety (ids still work), so ApiErrors are ignored and bugs rethrown.
 * The field titles (every ticket field: the source's values may be on fields outside its form)
 * are read only once the follow-up form is open, where they show: not at panel open.
 */
import { effect } from "@preact/signals";
import type { ZendeskApi } from "../../platform/api/client";
import { isApiError } from "../../platform/api/errors";
import type { FollowUpDraft } from "./rules/followUpDraft";
import { labelPeople } from "./rules/followUpDraftEdits";
import type { FollowUpSource, Id } from "./rules/followUpTypes";
import { userLabel } from "../../shared/userLabel";
import type { FollowUpLocale, FollowUpState } from "./followUpState";

/** A rejection handler for optional reads: an ApiError is ignored, a bug is rethrown. */
export const ignoreApiError = (caught: unknown): void => {
	if (!isApiError(caught)) throw caught;
};

/** What the extras need. */
export interface FollowUpExtrasDeps {
	api: Pick<ZendeskApi, "showManyUsers" | "listTicketFields">;
	state: FollowUpState;
	listLocales?: () => Promise<FollowUpLocale[]>;
}

/**
 * Starts the reads; resolves when the people and locales have settled (the field titles follow
 * when the form opens, if the draft copies custom fields). Never rejects for an ApiError.
 */
export async function loadFollowUpExtras(
	deps: FollowUpExtrasDeps,
	source: FollowUpSource,
	draft: FollowUpDraft,
): Promise<void> {
	const { api, state } = deps;
	const locales = deps.listLocales?.().then(list => void (state.locales.value = list), ignoreApiError);
	if (draft.customFields.length > 0) {
		let asked = false;
		// Once asked, the effect reads no signal any more and never runs again.
		effect(() => {
			if (asked || !state.open.value) return;
			asked = true;
			api
				.listTicketFields()
				.then(list => void (state.fields.value = new Map(list.map(f => [f.id, f]))), ignoreApiError);
		});
	}
	await Promise.all([locales, lookUpPeople(deps, source, draft)]);
}

async function lookUpPeople({ api, state }: FollowUpExtrasDeps, source: FollowUpSource, draft: FollowUpDraft) {
	const ids = [
		source.requesterId,
		...draft.emailCcs.map(cc => (cc.kind === "user" ? cc.userId : null)),
		...draft.followers.map(f => f.userId),
	].filter((id): id is Id => id !== null);
	if (ids.length === 0) return;
	try {
		const found = await api.showManyUsers(ids);
		state.users.value = new Map([...state.users.value, ...found.map(u => [u.id, u] as const)]);
		const label = (id: Id) => {
			const u = state.users.value.get(id);
			return u ? userLabel(u) : undefined;
		};
		if (state.draft.value !== null) state.draft.value = labelPeople(state.draft.value, label);
	} catch (caught) {
		ignoreApiError(caught);
	}
}
