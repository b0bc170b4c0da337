/**
 * What the follow-up's two user pickers (the requester, the CCs) share: the search's status texts
 * and how a user is keyed, shown and matched by email in the one people picker.
 */
import type { User } from "../../platform/api/types";
import { useT } from "../../platform/context";
import { UserOption } from "../../ui/PeoplePicker";

/** The props of `PeoplePicker<User>` both follow-up pickers pass, and the status texts to spread into theirs. */
export function useUserPicker() {
	const t = useT();
	return {
		statusTexts: {
			results: t("followUp.requester.results"),
			searching: t("followUp.requester.searching"),
			failed: t("followUp.requester.searchFailed"),
			noResults: t("followUp.requester.noMatch"),
		},
		optionKey: (user: User) => user.id,
		option: (user: User) => (
			<UserOption user={user} badges={user.suspended ? [t("followUp.requester.suspended")] : []} />
		),
		emailOf: (user: User) => user.email,
	};
}
