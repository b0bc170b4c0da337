/**
 * What a lookup field shows besides its id input: the name of the record the id points to, and
 * for user lookups a search whose results are buttons (keyboard-usable) that fill in the id.
 * Text only; the searching is the lookup model's.
 */
import { useEffect } from "preact/hooks";
import type { TicketFieldDef } from "../../domain/customFieldsTypes";
import { userLabel } from "../../domain/userLabel";
import { useT } from "../context";
import type { LookupModel } from "../models/createLookupModel";
import { Button } from "./primitives/Button";

export interface LookupExtrasProps {
	field: TicketFieldDef;
	/** The id as typed (draft or ticket value). */
	value: string;
	lookup: LookupModel;
	disabled?: boolean;
	onPick(id: string): void;
}

/** Label of the current record plus, for users, the search. */
export function LookupExtras({ field, value, lookup, disabled, onPick }: LookupExtrasProps) {
	const t = useT();
	const target = field.relationshipTargetType;
	const id = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
	useEffect(() => lookup.resolve(target, id), [lookup, target, id]);
	const label = Number.isNaN(id) ? null : lookup.labelOf(target, id);
	const search = target === "zen:user" ? lookup.userSearch(field.id) : null;
	return (
		<div class="zd-lookup">
			{label ? <p class="zd-field__hint">{label}</p> : null}
			{search ? (
				<>
					<input
						type="search"
						class="zd-input"
						aria-label={t("fields.lookup.searchUsers", { title: field.title })}
						placeholder={t("fields.lookup.placeholder")}
						disabled={disabled}
						value={search.query.value}
						onInput={event => search.setQuery((event.currentTarget as HTMLInputElement).value)}
						onKeyDown={event => {
							// The search is live: Enter would only submit (save) the whole Fields form.
							if (event.key === "Enter") event.preventDefault();
						}}
					/>
					{search.state.value === "done" && search.results.value.length === 0 ? (
						<p class="zd-muted">{t("fields.lookup.noMatch")}</p>
					) : null}
					{search.state.value === "failed" ? <p class="zd-field__issue">{t("fields.lookup.failed")}</p> : null}
					<ul class="zd-list">
						{search.results.value.slice(0, 8).map(user => {
							const text = userLabel(user);
							return (
								<li key={user.id}>
									<Button
										variant="basic"
										small
										disabled={disabled}
										onClick={() => {
											lookup.remember("zen:user", user.id, text);
											search.setQuery("");
											onPick(String(user.id));
										}}
									>
										{text}
									</Button>
								</li>
							);
						})}
					</ul>
				</>
			) : null}
		</div>
	);
}
