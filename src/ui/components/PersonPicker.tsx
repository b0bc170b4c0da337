/**
 * Adds a person to one list: search as you type (name or email) in a keyboard-navigable listbox
 * (combobox pattern: arrows, Enter, Escape), or, for CCs, a typed email that is not a user yet
 * ("add as new CC", with an optional name). The followers picker offers only agents and admins and
 * says why. Problems show under the input; nothing typed is lost when a pick is refused.
 */
import { useId, useState } from "preact/hooks";
import type { User } from "../../api/types";
import { emailProblem, normalizeEmail, sameEmail } from "../../domain/email";
import type { Issue } from "../../domain/issues";
import type { PeopleList, PeopleMode, PersonRef } from "../../domain/peopleTypes";
import { useT } from "../context";
import { SEARCH_MIN_LENGTH, type RequesterSearch } from "../models/createRequesterSearch";
import { NewCcForm } from "./NewCcForm";

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
	const listId = useId();
	const issueId = useId();
	const [active, setActive] = useState(-1);
	const [closed, setClosed] = useState(false);
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
	const known = users.some(user => user.email !== null && sameEmail(user.email, trimmed));
	const offerNew = list === "ccs" && looksLikeEmail && !known && state !== "searching";
	const options: Option[] = [
		...users.map(user => ({ kind: "user" as const, user })),
		...(offerNew ? [{ kind: "new" as const, email: normalizeEmail(trimmed) }] : []),
	];
	const expanded = !closed && newcomer === null && options.length > 0;

	const reset = () => {
		search.setQuery("");
		setActive(-1);
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
		if (!text.includes("@")) return;
		if (list === "ccs" && emailProblem(text) === null) setNewcomer(normalizeEmail(text));
		else if (onPick({ kind: "email", email: text, name: null })) reset();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === "ArrowDown" && options.length > 0) {
			setClosed(false);
			setActive((active + 1) % options.length);
		} else if (event.key === "ArrowUp" && options.length > 0) {
			setClosed(false);
			setActive(active <= 0 ? options.length - 1 : active - 1);
		} else if (event.key === "Enter") {
			const option = expanded && active >= 0 ? options[active] : undefined;
			if (option) choose(option);
			// The element's value, not the last render's: Enter may come before the re-render.
			else submitTyped((event.currentTarget as HTMLInputElement).value);
		} else if (event.key === "Escape") {
			setClosed(true);
			setActive(-1);
		} else return;
		event.preventDefault();
	};

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
	const issueTexts = issues.map(issue => t(issue.code, issue.vars));

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
				role="combobox"
				autocomplete="off"
				spellcheck={false}
				placeholder={t(list === "ccs" ? "people.picker.placeholderCc" : "people.picker.placeholderFollower")}
				aria-autocomplete="list"
				aria-expanded={expanded}
				aria-controls={listId}
				aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
				aria-invalid={issueTexts.length > 0 || undefined}
				aria-describedby={issueTexts.length > 0 ? issueId : undefined}
				disabled={disabled}
				value={query}
				onInput={event => {
					search.setQuery(event.currentTarget.value);
					setActive(-1);
					setClosed(false);
					setNewcomer(null);
					onType();
				}}
				onKeyDown={onKeyDown}
			/>
			<p class="zd-muted zd-person-picker__status" role="status">
				{status}
			</p>
			{agentsOnly && hidden > 0 ? <p class="zd-muted">{t("people.picker.hiddenEndUsers", { count: hidden })}</p> : null}
			{agentsOnly && state === "done" && looksLikeEmail && !known ? (
				<p class="zd-muted">{t("people.picker.followerNeedsAgentHint", { email: trimmed })}</p>
			) : null}
			<ul
				id={listId}
				role="listbox"
				class="zd-combobox__list"
				hidden={!expanded}
				aria-label={t("people.picker.results")}
			>
				{options.map((option, index) => (
					<li
						key={option.kind === "user" ? `u${option.user.id}` : "new"}
						id={`${listId}-${index}`}
						role="option"
						aria-selected={index === active}
						class={index === active ? "zd-combobox__option is-active" : "zd-combobox__option"}
						onMouseDown={event => {
							event.preventDefault(); // keep focus in the input
							choose(option);
						}}
					>
						{option.kind === "user" ? (
							<UserOption user={option.user} />
						) : (
							t("people.picker.addNew", { email: option.email })
						)}
					</li>
				))}
			</ul>
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
