/**
 * Who the follow-up is for: the original requester, another existing user (the people picker), or
 * a new one (name, email, language). Keeps whatever is typed; problems show next to their field.
 */
import { useId, useRef } from "preact/hooks";
import type { Issue } from "../../shared/issues";
import type { RequesterChoice } from "./rules/followUpDraft";
import { splitUserLabel, userLabel } from "../../shared/userLabel";
import type { User } from "../../platform/api/types";
import { useT } from "../../platform/context";
import type { FollowUpLocale } from "./followUpLookups";
import type { PeopleSearch } from "../../ui/createPeopleSearch";
import { issueText } from "./followUpIssues";
import { Button } from "../../ui/Button";
import { Chip } from "../../ui/Chip";
import { PeoplePicker } from "../../ui/PeoplePicker";
import { Field } from "../../ui/Field";
import { useFocusOnMount } from "../../ui/focus";
import { UserOption } from "../../ui/PeoplePicker";

export interface RequesterPickerProps {
	choice: RequesterChoice;
	/** Label of the original requester ("Name <email>"), or null when unknown. */
	originalLabel: string | null;
	search: PeopleSearch;
	locales: FollowUpLocale[] | null;
	issues: readonly Issue[];
	onChange(choice: RequesterChoice): void;
}

/** The requester part of the follow-up form. */
export function RequesterPicker(props: RequesterPickerProps) {
	const { choice, originalLabel, issues, onChange } = props;
	const t = useT();
	const name = useId();
	const kinds: Array<[RequesterChoice["kind"], string]> = [
		[
			"same",
			originalLabel ? t("followUp.requester.same", { name: originalLabel }) : t("followUp.requester.sameUnknown"),
		],
		["existing", t("followUp.requester.existing")],
		["new", t("followUp.requester.new")],
	];
	const general = issueText(t, issues, "requester");
	return (
		<fieldset class={general ? "zd-followup__requester has-issue" : "zd-followup__requester"}>
			<legend>{t("followUp.requester.label")}</legend>
			{kinds.map(([kind, label]) => (
				<label key={kind} class="zd-radio">
					<input
						type="radio"
						name={name}
						value={kind}
						checked={choice.kind === kind}
						onChange={() => kind !== choice.kind && onChange(EMPTY[kind])}
					/>{" "}
					{label}
				</label>
			))}
			{choice.kind === "existing" ? <ExistingUser {...props} choice={choice} /> : null}
			{choice.kind === "new" ? <NewRequester {...props} choice={choice} /> : null}
			{general ? (
				<p class="zd-field__issue" role="alert">
					{general}
				</p>
			) : null}
		</fieldset>
	);
}

/** What each choice starts as, nothing typed or picked yet. */
const EMPTY: { [K in RequesterChoice["kind"]]: Extract<RequesterChoice, { kind: K }> } = {
	same: { kind: "same" },
	existing: { kind: "existing", userId: null, label: "" },
	new: { kind: "new", name: "", email: "", localeId: null },
};

/** Another existing user: the shared people picker, then the chosen user as a chip with "Change". */
function ExistingUser({ choice, search, onChange }: RequesterPickerProps & { choice: (typeof EMPTY)["existing"] }) {
	const t = useT();
	const picker = useUserPicker({ label: t("followUp.requester.search") });
	// After "Change" the search replaces the button that had the focus: the focus follows.
	const inputRef = useRef<HTMLInputElement>(null);
	useFocusOnMount(inputRef, choice.userId === null);
	if (choice.userId !== null) return <PickedUser label={choice.label} onChange={() => onChange(EMPTY.existing)} />;
	return (
		<PeoplePicker<User>
			{...picker}
			search={search}
			type="search"
			inputRef={inputRef}
			onPick={user => {
				onChange({ kind: "existing", userId: user.id, label: userLabel(user) });
				return true;
			}}
			// No onTyped: Enter with nothing highlighted does nothing (it never submits the follow-up form).
		/>
	);
}

/** The chosen user as a chip, with a "Change" button that takes the focus from the search it replaces. */
function PickedUser({ label, onChange }: { label: string; onChange(): void }) {
	const t = useT();
	const ref = useRef<HTMLButtonElement>(null);
	useFocusOnMount(ref);
	const { name, email } = splitUserLabel(label);
	return (
		<ul class="zd-list zd-people__list zd-followup__picked">
			<Chip
				name={name}
				email={email}
				action={
					<Button ref={ref} small variant="basic" onClick={onChange}>
						{t("followUp.requester.change")}
					</Button>
				}
			/>
		</ul>
	);
}

/** A new requester: name, email and language. */
function NewRequester({ choice, locales, issues, onChange }: RequesterPickerProps & { choice: (typeof EMPTY)["new"] }) {
	const t = useT();
	return (
		<div class="zd-followup__new-requester">
			<Field label={t("followUp.requester.name")} required issue={issueText(t, issues, "requester.name")}>
				{control => (
					<input
						{...control}
						class="zd-input"
						type="text"
						autocomplete="off"
						value={choice.name}
						onInput={e => onChange({ ...choice, name: e.currentTarget.value })}
					/>
				)}
			</Field>
			<Field
				label={t("followUp.requester.email")}
				hint={t("followUp.requester.emailHint")}
				required
				issue={issueText(t, issues, "requester.email")}
			>
				{control => (
					<input
						{...control}
						class="zd-input"
						type="email"
						autocomplete="off"
						value={choice.email}
						onInput={e => onChange({ ...choice, email: e.currentTarget.value })}
					/>
				)}
			</Field>
			{/* Shown at once, with the account default, so the languages arriving later move nothing. */}
			<Field label={t("followUp.requester.locale")} issue={issueText(t, issues, "requester.locale")}>
				{control => (
					<select
						{...control}
						class="zd-select"
						value={choice.localeId === null ? "" : String(choice.localeId)}
						onChange={e => {
							const value = e.currentTarget.value;
							onChange({ ...choice, localeId: value === "" ? null : Number(value) });
						}}
					>
						<option value="">{t("followUp.requester.localeDefault")}</option>
						{(locales ?? []).map(l => (
							<option key={l.id} value={String(l.id)}>
								{l.name}
							</option>
						))}
					</select>
				)}
			</Field>
		</div>
	);
}

/** The `PeoplePicker<User>` props both follow-up pickers (the requester, the CCs) share, around their own texts. */
export function useUserPicker(texts: { label: string; hint?: string }) {
	const t = useT();
	return {
		texts: {
			...texts,
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
