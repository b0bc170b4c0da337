/**
 * The follow-up form's folded options: priority, type, tags, the original's group and assignee,
 * email CCs (chips with their problems as soon as listed, over the shared people picker: a user,
 * or typed comma-separated addresses checked while typed), followers, the original's field values.
 */
import type { TicketField, User } from "../../platform/api/types";
import { useT } from "../../platform/context";
import { displayValue } from "../../shared/customFieldsValues";
import type { Issue } from "../../shared/issues";
import type { CustomFieldValue, Id, TicketPriority, TicketType } from "../../shared/ticketTypes";
import { splitUserLabel, userLabel } from "../../shared/userLabel";
import { Chip } from "../../ui/Chip";
import type { PeopleSearch } from "../../ui/createPeopleSearch";
import { Field } from "../../ui/Field";
import { PeoplePicker } from "../../ui/PeoplePicker";
import { issueText } from "./followUpIssues";
import { useUserPicker } from "./RequesterPicker";
import { addCcEmails, addCcUser, removeCcAt, removeFollower, toggleCustomField } from "./rules/followUpDraft";
import { TICKET_PRIORITIES, TICKET_TYPES, type FollowUpDraft } from "./rules/followUpDraft";
import { listedCcIssues, MAX_EMAIL_CCS, typedCcIssues } from "./rules/followUpValidation";

export interface FollowUpOptionsProps {
	draft: FollowUpDraft;
	issues: readonly Issue[];
	fields: ReadonlyMap<Id, TicketField>;
	/** Whether the original has a group or assignee to copy. */
	hasGroupOrAssignee: boolean;
	ccSearch: PeopleSearch;
	onEdit(change: (draft: FollowUpDraft) => FollowUpDraft): void;
}

/** Label per priority (total). */
const PRIORITY_KEYS: Record<TicketPriority, string> = {
	low: "followUp.priority.low",
	normal: "followUp.priority.normal",
	high: "followUp.priority.high",
	urgent: "followUp.priority.urgent",
};

/** Label per ticket type (total). */
const TYPE_KEYS: Record<TicketType, string> = {
	question: "followUp.type.question",
	incident: "followUp.type.incident",
	problem: "followUp.type.problem",
	task: "followUp.type.task",
};

/** Text for a custom field value: option names for tag values (`displayValue`), "yes"/"no" for checkboxes. */
function fieldValueText(t: ReturnType<typeof useT>, field: TicketField | undefined, value: CustomFieldValue): string {
	if (typeof value === "boolean") return t(value ? "followUp.options.yes" : "followUp.options.no");
	return displayValue(field, value);
}

/** A select of `values` (labelled by `keys`) with "not set" (`""`) first. */
function NotSetSelect<V extends string>(props: {
	label: string;
	value: V | "";
	values: readonly V[];
	keys: Record<V, string>;
	onChange(value: V | ""): void;
}) {
	const t = useT();
	return (
		<Field label={props.label}>
			{control => (
				<select
					{...control}
					class="zd-select"
					value={props.value}
					onChange={e => props.onChange(e.currentTarget.value as V | "")}
				>
					<option value="">{t("followUp.options.notSet")}</option>
					{props.values.map(v => (
						<option key={v} value={v}>
							{t(props.keys[v])}
						</option>
					))}
				</select>
			)}
		</Field>
	);
}

/** The "more options" block. */
export function FollowUpOptions({ draft, issues, fields, hasGroupOrAssignee, ccSearch, onEdit }: FollowUpOptionsProps) {
	const t = useT();
	return (
		<details class="zd-followup__options">
			<summary>{t("followUp.options.summary")}</summary>
			<div class="zd-followup__row">
				<NotSetSelect
					label={t("followUp.options.priority")}
					value={draft.priority}
					values={TICKET_PRIORITIES}
					keys={PRIORITY_KEYS}
					onChange={priority => onEdit(d => ({ ...d, priority }))}
				/>
				<NotSetSelect
					label={t("followUp.options.type")}
					value={draft.type}
					values={TICKET_TYPES}
					keys={TYPE_KEYS}
					onChange={type => onEdit(d => ({ ...d, type }))}
				/>
			</div>
			<Field
				label={t("followUp.options.tags")}
				hint={t("followUp.options.tagsHint")}
				issue={issueText(t, issues, "tags")}
			>
				{control => (
					<input
						{...control}
						class="zd-input"
						type="text"
						value={draft.tagsText}
						onInput={e => onEdit(d => ({ ...d, tagsText: e.currentTarget.value }))}
					/>
				)}
			</Field>
			{hasGroupOrAssignee ? (
				<label class="zd-checkbox">
					<input
						type="checkbox"
						checked={draft.copyGroupAndAssignee}
						onChange={e => onEdit(d => ({ ...d, copyGroupAndAssignee: e.currentTarget.checked }))}
					/>{" "}
					{t("followUp.options.copyGroup")}
				</label>
			) : null}
			<Ccs draft={draft} issues={issues} ccSearch={ccSearch} onEdit={onEdit} />
			{draft.followers.length > 0 ? (
				<fieldset class="zd-followup__followers">
					<legend>{t("followUp.options.followers")}</legend>
					<ul class="zd-list zd-people__list">
						{draft.followers.map(f => {
							const { name, email } = splitUserLabel(f.label || t("followUp.options.userId", { id: f.userId }));
							return (
								<Chip
									key={f.userId}
									name={name}
									email={email}
									removeLabel={t("followUp.options.removeNamed", { name })}
									onRemove={() => onEdit(d => removeFollower(d, f.userId))}
								/>
							);
						})}
					</ul>
				</fieldset>
			) : null}
			{draft.customFields.length > 0 ? (
				<fieldset class="zd-followup__fields">
					<legend>{t("followUp.options.customFields")}</legend>
					{draft.customFields.map(cf => {
						const field = fields.get(cf.id);
						return (
							<label key={cf.id} class="zd-checkbox">
								<input
									type="checkbox"
									checked={cf.include}
									onChange={e => onEdit(d => toggleCustomField(d, cf.id, e.currentTarget.checked))}
								/>{" "}
								{t("followUp.options.fieldValue", {
									field: field?.title ?? t("followUp.options.fieldId", { id: cf.id }),
									value: fieldValueText(t, field, cf.value),
								})}
							</label>
						);
					})}
				</fieldset>
			) : null}
		</details>
	);
}

/** The CC chips and picker. */
function Ccs({ draft, issues, ccSearch: search, onEdit }: Omit<FollowUpOptionsProps, "fields" | "hasGroupOrAssignee">) {
	const t = useT();
	const picker = useUserPicker({ label: t("followUp.options.addCc"), hint: t("followUp.options.addCcHint") });
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
				{...picker}
				search={search}
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
