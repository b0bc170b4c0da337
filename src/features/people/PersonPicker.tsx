/**
 * Adds a person to one list: search as you type (name or email) in a keyboard-navigable listbox
 * (combobox pattern: arrows, Enter, Escape), or, for CCs, a typed email that is not a user yet
 * ("add as new CC", with an optional name). The followers picker offers only agents and admins and
 * says why. Problems show under the input; nothing typed is lost when a pick is refused.
 */
import { useId, useState } from "preact/hooks";
import type { User } from "../../platform/api/types";
import { emailProblem, normalizeEmail, sameEmail } from "../../shared/email";
import type { Issue } from "../../shared/issues";
import type { PeopleList, PeopleMode, PersonRef } from "../../shared/peopleTypes";
import { typedEmailIssue } from "./rules/peopleValidation";
import { useT } from "../../platform/context";
import { SEARCH_MIN_LENGTH, type RequesterSearch } from "../../ui/createRequesterSearch";
import { NewCcForm } from "./NewCcForm";
import { ComboboxList, useCombobox } from "../../ui/Combobox";

export interface PersonPickerProps {
	list: PeopleList;
	mode: PeopleMode;
	search: RequesterSearch;
	/** Issues of this list (`field === list`), already filtered. */
	issues: readonly Issue[];
	disabled?: boolean;
	/** Tries to stage the person; false when refused (the issues then say why). */
	onPick(person: PersonRef): boolean;
	/** The agent typed again: clear the previous refusal. */
	onType(): void;
}

type Option = { kind: "user"; user: User } | { kind: "new"; email: string };

const LABEL_KEYS: Record<PeopleMode, Record<PeopleList, string>> = {
	ccsAndFollowers: { ccs: "people.picker.labelCc", followers: "people.picker.labelFollower" },
	collaborators: { ccs: "people.picker.labelCollaborator", followers: "people.picker.labelFollower" },
	disabled: { ccs: "people.picker.labelCollaborator", followers: "people.picker.labelFollower" },
};

/** The picker for `list`. */
export function PersonPicker({ list, mode, search, issues, disabled = false, onPick, onType }: PersonPickerProps) {
	const t = useT();
	const inputId = useId();
	const issueId = useId();
	const [newcomer, setNewcomer] = useState<string | null>(null);
	const [name, setName] = useState("");

	const query = search.query.value;
	const trimmed = query.trim();
	const state = search.state.value;
	const all = state === "done" ? search.results.value : [];
	const agentsOnly = list === "followers";
	const users = agentsOnly ? all.filter(user => user.role !== "end-user") : all;
	const hidden = all.length - users.length;
	const looksLikeEmail = trimmed.includes("@") && emailProblem(trimmed) === null;
	// An address with a look-alike @ or a spelled-out "at" is named at once, not searched for in silence.
	const typedIssue = typedEmailIssue(list, trimmed);
	const known = users.some(user => user.email !== null && sameEmail(user.email, trimmed));
	const offerNew = list === "ccs" && looksLikeEmail && !known && state !== "searching";
	const options: Option[] = [
		...users.map(user => ({ kind: "user" as const, user })),
		...(offerNew ? [{ kind: "new" as const, email: normalizeEmail(trimmed) }] : []),
	];

	const reset = () => {
		search.setQuery("");
		box.clearActive();
		setNewcomer(null);
		setName("");
	};
	const choose = (option: Option) => {
		if (option.kind === "new") {
			setNewcomer(option.email);
			return;
		}
		if (onPick({ kind: "user", user: option.user })) reset();
	};
	const submitTyped = (typed: string) => {
		// Enter without a highlighted option: treat the text as an email, so a bad one gets its message.
		const text = typed.trim();
		if (!text.includes("@") && typedEmailIssue(list, text) === null) return;
		if (list === "ccs" && emailProblem(text) === null) setNewcomer(normalizeEmail(text));
		else if (onPick({ kind: "email", email: text, name: null })) reset();
	};
	const box = useCombobox({ options, open: newcomer === null, onChoose: choose, onEnter: submitTyped });

	const status =
		state === "searching"
			? t("people.picker.searching")
			: state === "failed"
				? t("people.picker.failed")
				: state === "done" && options.length === 0 && !(agentsOnly && trimmed.includes("@"))
					? t("people.picker.noResults")
					: trimmed.length > 0 && trimmed.length < SEARCH_MIN_LENGTH
						? t("people.picker.typeMore", { min: SEARCH_MIN_LENGTH })
						: "";
	const issueTexts = [...new Set([...issues, ...(typedIssue ? [typedIssue] : [])].map(i => t(i.code, i.vars)))];

	return (
		<div class="zd-combobox zd-person-picker" data-list={list}>
			<label class="zd-field__label" for={inputId}>
				{t(LABEL_KEYS[mode][list])}
			</label>
			{agentsOnly ? <p class="zd-field__hint">{t("people.picker.agentsOnly")}</p> : null}
			<input
				id={inputId}
				class="zd-input"
				type="text"
				{...box.inputProps}
				autocomplete="off"
				spellcheck={false}
				placeholder={t(list === "ccs" ? "people.picker.placeholderCc" : "people.picker.placeholderFollower")}
				aria-invalid={issueTexts.length > 0 || undefined}
				aria-describedby={issueTexts.length > 0 ? issueId : undefined}
				disabled={disabled}
				value={query}
				onInput={event => {
					search.setQuery(event.currentTarget.value);
					box.typed();
					setNewcomer(null);
					onType();
				}}
			/>
			<p class="zd-muted zd-person-picker__status" role="status">
				{status}
			</p>
			{agentsOnly && hidden > 0 ? <p class="zd-muted">{t("people.picker.hiddenEndUsers", { count: hidden })}</p> : null}
			{agentsOnly && state === "done" && looksLikeEmail && !known ? (
				<p class="zd-muted">{t("people.picker.followerNeedsAgentHint", { email: trimmed })}</p>
			) : null}
			<ComboboxList
				combobox={box}
				label={t("people.picker.results")}
				optionKey={option => (option.kind === "user" ? `u${option.user.id}` : "new")}
			>
				{option =>
					option.kind === "user" ? (
						<UserOption user={option.user} />
					) : (
						t("people.picker.addNew", { email: option.email })
					)
				}
			</ComboboxList>
			{newcomer !== null ? (
				<NewCcForm
					email={newcomer}
					name={name}
					disabled={disabled}
					onName={setName}
					onCancel={() => setNewcomer(null)}
					onAdd={typedName => {
						const clean = typedName.trim();
						if (onPick({ kind: "email", email: newcomer, name: clean === "" ? null : clean })) reset();
					}}
				/>
			) : null}
			{issueTexts.length > 0 ? (
				<div id={issueId} class="zd-field__issue" role="alert">
					{issueTexts.map(text => (
						<p key={text}>{text}</p>
					))}
				</div>
			) : null}
		</div>
	);
}

function UserOption({ user }: { user: User }) {
	const t = useT();
	const role = user.role === "admin" ? t("people.chip.admin") : user.role === "agent" ? t("people.chip.agent") : null;
	return (
		<span class="zd-person-picker__option">
			<span class="zd-person__name">{user.name}</span>
			{user.email !== null ? <span class="zd-person__email">{user.email}</span> : null}
			{role !== null ? <span class="zd-person__badge">{role}</span> : null}
			{user.suspended ? <span class="zd-person__badge">{t("people.chip.suspended")}</span> : null}
		</span>
	);
}
