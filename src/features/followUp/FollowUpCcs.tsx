/**
 * The follow-up's email CCs: the original's and the added ones as chips (each with its problem as
 * soon as it is listed), and the shared people picker to add more: a user found by name or email,
 * or a typed address (several, separated by commas, with Enter). The typed text is checked while
 * it is typed, with the People picker's messages (`typedCcIssues`, over `shared/email.ts`).
 */
import type { User } from "../../platform/api/types";
import { useT } from "../../platform/context";
import type { Issue } from "../../shared/issues";
import { splitUserLabel, userLabel } from "../../shared/userLabel";
import { Chip } from "../../ui/Chip";
import type { PeopleSearch } from "../../ui/createPeopleSearch";
import { PeoplePicker } from "../../ui/PeoplePicker";
import { useUserPicker } from "./useUserPicker";
import { issueText } from "./followUpIssues";
import type { FollowUpDraft } from "./rules/followUpDraft";
import { addCcEmails, addCcUser, removeCcAt } from "./rules/followUpDraft";
import { listedCcIssues, MAX_EMAIL_CCS, typedCcIssues } from "./rules/followUpValidation";

export interface FollowUpCcsProps {
	draft: FollowUpDraft;
	issues: readonly Issue[];
	search: PeopleSearch;
	onEdit(change: (draft: FollowUpDraft) => FollowUpDraft): void;
}

/** The CC chips and picker. */
export function FollowUpCcs({ draft, issues, search, onEdit }: FollowUpCcsProps) {
	const t = useT();
	const picker = useUserPicker();
	const listed = listedCcIssues(draft);
	const general = issueText(t, issues, "emailCcs");
	const typed = typedCcIssues(search.query.value).map(issue => t(issue.code, issue.vars));
	return (
		<fieldset class={general ? "zd-followup__ccs has-issue" : "zd-followup__ccs"}>
			<legend>{t("followUp.options.ccs", { max: MAX_EMAIL_CCS })}</legend>
			{draft.emailCcs.length > 0 ? (
				<ul class="zd-list zd-people__list">
					{draft.emailCcs.map((cc, index) => {
						const { name, email } =
							cc.kind === "user"
								? splitUserLabel(cc.label || t("followUp.options.userId", { id: cc.userId }))
								: { name: cc.email, email: null };
						// Shown as soon as the CC is listed, not only after a create attempt.
						const problem = issueText(t, listed, `emailCcs.${index}`) ?? issueText(t, issues, `emailCcs.${index}`);
						return (
							<Chip
								key={`${cc.kind}-${cc.kind === "user" ? cc.userId : cc.email}-${index}`}
								name={name}
								email={email}
								issue={problem}
								removeLabel={t("followUp.options.removeNamed", { name })}
								onRemove={() => onEdit(d => removeCcAt(d, index))}
							/>
						);
					})}
				</ul>
			) : null}
			<PeoplePicker<User>
				search={search}
				texts={{
					label: t("followUp.options.addCc"),
					hint: t("followUp.options.addCcHint"),
					...picker.statusTexts,
				}}
				optionKey={picker.optionKey}
				option={picker.option}
				emailOf={picker.emailOf}
				newOption={email => t("followUp.options.addCcNew", { email })}
				onPick={user => {
					onEdit(d => addCcUser(d, user.id, userLabel(user)));
					return true;
				}}
				onTyped={text => {
					onEdit(d => addCcEmails(d, text));
					return true;
				}}
				issues={typed}
			/>
			{general ? <p class="zd-field__issue">{general}</p> : null}
		</fieldset>
	);
}
