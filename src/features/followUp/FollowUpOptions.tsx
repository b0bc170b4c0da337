/**
 * The optional part of the follow-up form, folded away by default: priority, type, tags, the
 * original's group and assignee, email CCs (the original's plus typed addresses), followers and
 * the original's custom field values.
 */
import type { TicketField } from "../../platform/api/types";
import type { CustomFieldValue, Id, TicketPriority, TicketType } from "../../shared/ticketTypes";
import { TICKET_PRIORITIES, TICKET_TYPES } from "./rules/followUpDraft";
import type { FollowUpDraft } from "./rules/followUpDraft";
import { removeFollower, toggleCustomField } from "./rules/followUpDraft";
import type { Issue } from "../../shared/issues";
import type { TranslateVars } from "../../platform/i18n/createTranslator";
import { useT } from "../../platform/context";
import { issueText } from "./followUpIssues";
import { Chip } from "../../ui/Chip";
import type { PeopleSearch } from "../../ui/createPeopleSearch";
import { splitUserLabel } from "../../shared/userLabel";
import { FollowUpCcs } from "./FollowUpCcs";
import { Field } from "../../ui/Field";

export interface FollowUpOptionsProps {
	draft: FollowUpDraft;
	issues: readonly Issue[];
	fields: ReadonlyMap<Id, TicketField>;
	/** Whether the original has a group or assignee to copy. */
	hasGroupOrAssignee: boolean;
	/** The CC picker's search. */
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

/** Text for a custom field value: option names for tag values, "yes"/"no" for checkboxes. */
export function fieldValueText(
	t: (k: string, v?: TranslateVars) => string,
	field: TicketField | undefined,
	value: CustomFieldValue,
): string {
	const optionName = (tag: string) => field?.options.find(o => o.value === tag)?.name ?? tag;
	if (typeof value === "boolean") return value ? t("followUp.options.yes") : t("followUp.options.no");
	if (Array.isArray(value)) return value.map(optionName).join(", ");
	if (typeof value === "string") return optionName(value);
	return value === null ? "" : String(value);
}

/** The "more options" block. */
export function FollowUpOptions({ draft, issues, fields, hasGroupOrAssignee, ccSearch, onEdit }: FollowUpOptionsProps) {
	const t = useT();
	return (
		<details class="zd-followup__options">
			<summary>{t("followUp.options.summary")}</summary>
			<div class="zd-followup__row">
				<Field label={t("followUp.options.priority")}>
					{control => (
						<select
							{...control}
							class="zd-select"
							value={draft.priority}
							onChange={e => onEdit(d => ({ ...d, priority: e.currentTarget.value as FollowUpDraft["priority"] }))}
						>
							<option value="">{t("followUp.options.notSet")}</option>
							{TICKET_PRIORITIES.map(p => (
								<option key={p} value={p}>
									{t(PRIORITY_KEYS[p])}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field label={t("followUp.options.type")}>
					{control => (
						<select
							{...control}
							class="zd-select"
							value={draft.type}
							onChange={e => onEdit(d => ({ ...d, type: e.currentTarget.value as FollowUpDraft["type"] }))}
						>
							<option value="">{t("followUp.options.notSet")}</option>
							{TICKET_TYPES.map(p => (
								<option key={p} value={p}>
									{t(TYPE_KEYS[p])}
								</option>
							))}
						</select>
					)}
				</Field>
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
			<FollowUpCcs draft={draft} issues={issues} search={ccSearch} onEdit={onEdit} />
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
