/**
 * What a lookup field shows besides its id input: the name of the record the id points to (or why
 * there is none), and for user and organization lookups a search whose results are buttons
 * (keyboard-usable) that fill in the id. Text only; the searching is the lookup model's.
 */
import { useEffect, useRef } from "preact/hooks";
import type { TicketFieldDef } from "../../shared/customFieldsTypes";
import { useT } from "../../platform/context";
import type { LookupModel, LookupProblem } from "./createLookupModel";
import { Button } from "../../ui/Button";

export interface LookupExtrasProps {
	field: TicketFieldDef;
	/** The id as typed (draft or ticket value). */
	value: string;
	/** `value` is the agent's edit, not the ticket's value: its name is asked for after the typing pause. */
	typed?: boolean;
	lookup: LookupModel;
	disabled?: boolean;
	onPick(id: string): void;
}

/** The search's texts per searchable target. */
const SEARCH_TEXTS: Record<string, { label: string; placeholder: string; noMatch: string }> = {
	"zen:user": {
		label: "fields.lookup.searchUsers",
		placeholder: "fields.lookup.placeholder",
		noMatch: "fields.lookup.noMatch",
	},
	"zen:organization": {
		label: "fields.lookup.searchOrganizations",
		placeholder: "fields.lookup.organizationPlaceholder",
		noMatch: "fields.lookup.noOrganizationMatch",
	},
};

/** Why an id shows no name, per target (missing) or for all (failed). */
const MISSING_TEXTS: Record<string, string> = {
	"zen:user": "fields.lookup.missingUser",
	"zen:organization": "fields.lookup.missingOrganization",
	"zen:ticket": "fields.lookup.missingTicket",
};
const problemText = (target: string, problem: LookupProblem) =>
	problem === "failed" ? "fields.lookup.nameFailed" : (MISSING_TEXTS[target] ?? "fields.lookup.nameFailed");

/** Label of the current record plus, for users and organizations, the search. */
export function LookupExtras({ field, value, typed = true, lookup, disabled, onPick }: LookupExtrasProps) {
	const t = useT();
	const input = useRef<HTMLInputElement>(null);
	const target = field.relationshipTargetType;
	const id = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
	useEffect(() => lookup.resolve(target, id, typed), [lookup, target, id]);
	const label = Number.isNaN(id) ? null : lookup.labelOf(target, id);
	const problem = Number.isNaN(id) || !target ? null : lookup.problemOf(target, id);
	const search = lookup.searchOf(field);
	const texts = target ? SEARCH_TEXTS[target] : undefined;
	return (
		<div class="zd-lookup">
			{label ? <p class="zd-field__hint">{label}</p> : null}
			{problem && target ? <p class="zd-muted">{t(problemText(target, problem))}</p> : null}
			{search && texts ? (
				<>
					<input
						ref={input}
						type="search"
						class="zd-input"
						aria-label={t(texts.label, { title: field.title })}
						placeholder={t(texts.placeholder)}
						disabled={disabled}
						value={search.query.value}
						onInput={event => search.setQuery((event.currentTarget as HTMLInputElement).value)}
						onKeyDown={event => {
							// The search is live: Enter would only submit (save) the whole Fields form.
							if (event.key === "Enter") event.preventDefault();
						}}
					/>
					{search.state.value === "done" && search.results.value.length === 0 ? (
						<p class="zd-muted">{t(texts.noMatch)}</p>
					) : null}
					{search.state.value === "failed" ? <p class="zd-field__issue">{t("fields.lookup.failed")}</p> : null}
					<ul class="zd-list">
						{search.results.value.slice(0, 8).map(option => (
							<li key={option.id}>
								<Button
									variant="basic"
									small
									disabled={disabled}
									onClick={() => {
										if (target) lookup.remember(target, option.id, option.label);
										search.setQuery("");
										onPick(String(option.id));
										// The picked button goes away with the results: keep the keyboard in the search.
										input.current?.focus();
									}}
								>
									{option.label}
								</Button>
							</li>
						))}
					</ul>
				</>
			) : null}
		</div>
	);
}
