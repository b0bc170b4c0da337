/**
 * Adds a person to one list through `PeoplePicker`: by name or email, or for CCs a typed email that is no user yet
 * ("add as new CC", optional name). Followers: agents and admins only, and it says why. A refusal keeps the text.
 */
import { useId, useRef, useState } from "preact/hooks";
import type { User } from "../../platform/api/types";
import { emailProblem, normalizeEmail, sameEmail } from "../../shared/email";
import type { Issue } from "../../shared/issues";
import type { PeopleList, PeopleMode, PersonRef } from "../../shared/peopleTypes";
import { typedEmailIssue } from "./rules/stagedPeople";
import { useT } from "../../platform/context";
import { userBadges } from "./PersonChip";
import type { PeopleSearch } from "../../ui/createPeopleSearch";
import { Button } from "../../ui/Button";
import { PeoplePicker, UserOption } from "../../ui/PeoplePicker";

interface PersonPickerProps {
	list: PeopleList;
	mode: PeopleMode;
	search: PeopleSearch;
	/** Issues of this list (`field === list`). */
	issues: readonly Issue[];
	disabled?: boolean;
	/** Tries to stage the person; false when refused (the issues then say why). */
	onPick(person: PersonRef): boolean;
	/** The agent typed again: clear the previous refusal. */
	onType(): void;
}

const LABEL_KEYS: Record<PeopleMode, Record<PeopleList, string>> = {
	ccsAndFollowers: { ccs: "people.picker.labelCc", followers: "people.picker.labelFollower" },
	collaborators: { ccs: "people.picker.labelCollaborator", followers: "people.picker.labelFollower" },
	disabled: { ccs: "people.picker.labelCollaborator", followers: "people.picker.labelFollower" },
};

/** The picker for `list`. */
export function PersonPicker({ list, mode, search, issues, disabled = false, onPick, onType }: PersonPickerProps) {
	const t = useT();
	const [newcomer, setNewcomer] = useState<string | null>(null);
	const [name, setName] = useState("");
	const trimmed = search.query.value.trim();
	const state = search.state.value;
	const agentsOnly = list === "followers";
	const isAgent = (user: User) => user.role !== "end-user";
	const all = state === "done" ? search.results.value : [];
	const hidden = agentsOnly ? all.filter(user => !isAgent(user)).length : 0;
	const known = all.some(user => user.email !== null && sameEmail(user.email, trimmed));
	const looksLikeEmail = trimmed.includes("@") && emailProblem(trimmed) === null;
	// An address with a look-alike @ or a spelled-out "at" is named at once, not searched for in silence.
	const typedIssue = typedEmailIssue(list, trimmed);
	const issueTexts = [...issues, ...(typedIssue ? [typedIssue] : [])].map(i => t(i.code, i.vars));

	const stageTyped = (text: string): boolean => {
		// Enter without a highlighted option: treat the text as an email, so a bad one gets its message.
		if (!text.includes("@") && typedEmailIssue(list, text) === null) return false;
		if (list === "ccs" && emailProblem(text) === null) {
			setNewcomer(normalizeEmail(text));
			return false; // the text stays until the new CC is added
		}
		return onPick({ kind: "email", email: text, name: null });
	};

	return (
		<div class="zd-person-picker" data-list={list}>
			<PeoplePicker<User>
				search={search}
				texts={{
					label: t(LABEL_KEYS[mode][list]),
					...(agentsOnly ? { hint: t("people.picker.agentsOnly") } : {}),
					placeholder: t(list === "ccs" ? "people.picker.placeholderCc" : "people.picker.placeholderFollower"),
					results: t("people.picker.results"),
					searching: t("people.picker.searching"),
					failed: t("people.picker.failed"),
					noResults: t("people.picker.noResults"),
					typeMore: min => t("people.picker.typeMore", { min }),
				}}
				optionKey={user => user.id}
				option={user => <UserOption user={user} badges={userBadges(t, user)} />}
				{...(agentsOnly ? { offer: isAgent } : { newOption: email => t("people.picker.addNew", { email }) })}
				emailOf={user => user.email}
				onPick={user => onPick({ kind: "user", user })}
				onTyped={stageTyped}
				issues={issueTexts}
				quietWhenNone={agentsOnly && trimmed.includes("@")}
				open={newcomer === null}
				disabled={disabled}
				onType={() => {
					setNewcomer(null);
					onType();
				}}
			>
				{hidden > 0 ? <p class="zd-muted">{t("people.picker.hiddenEndUsers", { count: hidden })}</p> : null}
				{agentsOnly && state === "done" && looksLikeEmail && !known ? (
					<p class="zd-muted">{t("people.picker.followerNeedsAgentHint", { email: trimmed })}</p>
				) : null}
				{newcomer !== null ? (
					<NewCcForm
						email={newcomer}
						name={name}
						disabled={disabled}
						onName={setName}
						onCancel={() => setNewcomer(null)}
						onAdd={typedName => {
							const clean = typedName.trim();
							if (!onPick({ kind: "email", email: newcomer, name: clean === "" ? null : clean })) return;
							search.setQuery("");
							setNewcomer(null);
							setName("");
						}}
					/>
				) : null}
			</PeoplePicker>
		</div>
	);
}

interface NewCcFormProps {
	email: string;
	name: string;
	disabled: boolean;
	onName(name: string): void;
	onAdd(name: string): void;
	onCancel(): void;
}

/** The "new CC" step: the email Zendesk will create a user for, and an optional `user_name`. Enter adds, Escape cancels. */
export function NewCcForm({ email, name, disabled, onName, onAdd, onCancel }: NewCcFormProps) {
	const t = useT();
	const nameId = useId();
	const nameRef = useRef<HTMLInputElement>(null);
	// Read the element's value on Add: a click may come before the re-render of the last keystroke.
	const add = () => onAdd(nameRef.current?.value ?? name);
	return (
		<div class="zd-person-picker__new" role="group" aria-label={t("people.picker.newTitle", { email })}>
			<p class="zd-person-picker__new-title">{t("people.picker.newTitle", { email })}</p>
			<label class="zd-field__label" for={nameId}>
				{t("people.picker.nameLabel")}
			</label>
			<p class="zd-field__hint">{t("people.picker.nameHint")}</p>
			<input
				id={nameId}
				ref={nameRef}
				class="zd-input"
				type="text"
				autocomplete="off"
				value={name}
				disabled={disabled}
				onInput={event => onName(event.currentTarget.value)}
				onKeyDown={event => {
					if (event.key === "Enter") {
						event.preventDefault();
						add();
					} else if (event.key === "Escape") {
						event.preventDefault();
						onCancel();
					}
				}}
			/>
			<div class="zd-actions">
				<Button small variant="primary" disabled={disabled} onClick={add}>
					{t("people.picker.add")}
				</Button>
				<Button small variant="basic" onClick={onCancel}>
					{t("people.picker.cancel")}
				</Button>
			</div>
		</div>
	);
}
