/**
 * One field with label, description, required-on-solve marker, problems and notices. Numbers go in text inputs (a typo
 * stays visible, unlike `type=number`); the date picker's 30 February is reported, not taken for empty. Text only.
 */
import { useId } from "preact/hooks";
import { fieldKey, type FieldDraftValue } from "../../shared/customFieldsTypes";
import type { Issue } from "../../shared/issues";
import { displayValue } from "../../shared/customFieldsValues";
import type { ShownField } from "./rules/fieldOrder";
import { useT } from "../../platform/context";
import type { LookupModel } from "./createLookupModel";
import type { FieldsModel } from "./createFieldsModel";
import { LookupControl, type Wiring } from "./LookupControl";
import { Button } from "../../ui/Button";

export interface FieldInputProps {
	shown: ShownField;
	model: FieldsModel;
	/** Names and searches for lookup fields. */
	lookup: LookupModel;
	disabled: boolean;
}

/** The input for one field. Keyboard-usable with native controls only. */
export function FieldInput({ shown, model, lookup, disabled }: FieldInputProps) {
	const { field } = shown;
	const t = useT();
	const id = useId();
	const on = (list: Issue[]) =>
		list.filter(issue => issue.field === fieldKey(field.id)).map(issue => t(issue.code, issue.vars));
	const issues = on(model.issues.value);
	const notices = on(model.notices.value);
	const dirty = String(field.id) in model.drafts.value;
	const hintId = `${id}-hint`;
	const messagesId = `${id}-messages`;
	const description = field.agentDescription || field.description;
	const describedBy =
		[description ? hintId : "", issues.length + notices.length > 0 ? messagesId : ""].filter(Boolean).join(" ") ||
		undefined;
	const common: Wiring = {
		id,
		disabled,
		"aria-describedby": describedBy,
		"aria-invalid": issues.length > 0 || undefined,
		onBlur: () => model.touch(field.id),
	};
	const group = field.type === "multiselect" && shown.editable;
	const Label = group ? "legend" : "label";
	const Wrapper = group ? "fieldset" : "div";
	return (
		<Wrapper
			class={issues.length > 0 ? "zd-field has-issue" : "zd-field"}
			data-field-id={field.id}
			data-field-type={field.type}
		>
			{field.type === "checkbox" && shown.editable ? null : (
				<Label class="zd-field__label" {...(group ? {} : { for: id })}>
					{field.title}
					{shown.requiredOnSolve ? <span class="zd-field__required">{` ${t("fields.requiredOnSolve")}`}</span> : null}
				</Label>
			)}
			{description ? (
				<p class="zd-field__hint" id={hintId}>
					{description}
				</p>
			) : null}
			{shown.editable ? (
				<Control shown={shown} model={model} lookup={lookup} disabled={disabled} common={common} typed={dirty} />
			) : (
				<p class="zd-field__readonly" id={id} aria-describedby={describedBy}>
					{displayValue(field, model.ticketValueOf(field.id)) || t("fields.empty")}
					<span class="zd-muted">{` (${t(`fields.readOnly.${shown.readOnlyReason ?? "unsupportedType"}`)})`}</span>
				</p>
			)}
			{issues.length + notices.length > 0 ? (
				<div id={messagesId} aria-live="polite">
					{issues.map(text => (
						<p key={text} class="zd-field__issue">
							{text}
						</p>
					))}
					{notices.map(text => (
						<p key={text} class="zd-notice zd-notice--warning">
							{text}
						</p>
					))}
				</div>
			) : null}
			{dirty ? (
				<Button
					variant="basic"
					small
					onClick={() => model.revert(field.id)}
					aria-label={t("fields.revertField", { title: field.title })}
				>
					{t("fields.revert")}
				</Button>
			) : null}
		</Wrapper>
	);
}

/** What a text input's keyboard offers, by type. */
const INPUT_MODES: Partial<Record<string, "numeric" | "decimal">> = { integer: "numeric", decimal: "decimal" };

/** The control by type; `typed`: the value is the agent's edit. */
function Control({ shown, model, lookup, common, typed }: FieldInputProps & { common: Wiring; typed: boolean }) {
	const t = useT();
	const { field } = shown;
	const value = model.valueOf(field.id);
	const onChange = (next: FieldDraftValue, unreadable?: boolean) => model.edit(field.id, next, unreadable);
	const text = typeof value === "string" ? value : "";
	const onInput = (event: Event) => onChange((event.currentTarget as HTMLInputElement).value);
	const textInput = (inputMode?: "numeric" | "decimal") => (
		<input
			{...common}
			type="text"
			class="zd-input"
			inputMode={inputMode}
			autoComplete="off"
			value={text}
			onInput={onInput}
		/>
	);
	switch (field.type) {
		case "textarea":
			return <textarea {...common} class="zd-textarea" rows={3} value={text} onInput={onInput} />;
		case "date": {
			// 30 February reads as "" (with validity.badInput): report it, or the field would look cleared.
			const report = (event: Event) => {
				const input = event.currentTarget as HTMLInputElement;
				onChange(input.value, input.validity?.badInput === true);
			};
			return (
				<input
					{...common}
					type="date"
					class="zd-input"
					value={text}
					onInput={report}
					onBlur={event => {
						if ((event.currentTarget as HTMLInputElement).validity?.badInput === true) report(event);
						common.onBlur();
					}}
				/>
			);
		}
		case "lookup":
			return (
				<LookupControl
					field={field}
					value={text}
					typed={typed}
					lookup={lookup}
					common={common}
					idInput={textInput("numeric")}
					onChange={onChange}
				/>
			);
		case "checkbox":
			return (
				<label class="zd-checkbox" for={common.id}>
					<input
						{...common}
						type="checkbox"
						checked={value === true}
						onChange={event => onChange((event.currentTarget as HTMLInputElement).checked)}
					/>
					<span>
						{field.title}
						{shown.requiredOnSolve ? <span class="zd-field__required">{` ${t("fields.requiredOnSolve")}`}</span> : null}
					</span>
				</label>
			);
		case "tagger": {
			const known = field.options.some(option => option.value === text);
			return (
				<select {...common} class="zd-select" value={text} onChange={onInput}>
					<option value="">{t("fields.none")}</option>
					{text !== "" && !known ? <option value={text}>{t("fields.unknownOption", { value: text })}</option> : null}
					{field.options.map(option => (
						<option key={option.value} value={option.value}>
							{option.name}
						</option>
					))}
				</select>
			);
		}
		case "multiselect": {
			const selected = Array.isArray(value) ? value : [];
			const toggle = (tag: string, on: boolean) =>
				onChange(on ? [...selected.filter(item => item !== tag), tag] : selected.filter(item => item !== tag));
			return (
				<div class="zd-list" id={common.id} aria-describedby={common["aria-describedby"]}>
					{field.options.map(option => (
						<label key={option.value} class="zd-checkbox">
							<input
								type="checkbox"
								disabled={common.disabled}
								checked={selected.includes(option.value)}
								onChange={event => toggle(option.value, (event.currentTarget as HTMLInputElement).checked)}
								onBlur={common.onBlur}
							/>
							<span>{option.name}</span>
						</label>
					))}
				</div>
			);
		}
		default:
			return textInput(INPUT_MODES[field.type]);
	}
}
