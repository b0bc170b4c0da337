/**
 * The "new CC" step of the picker: the email Zendesk will create a user for, and an optional name
 * (`user_name`). Enter adds, Escape cancels. Does not validate; the picker's `onPick` does.
 */
import { useId, useRef } from "preact/hooks";
import { useT } from "../../platform/context";
import { Button } from "../../ui/Button";

export interface NewCcFormProps {
	email: string;
	name: string;
	disabled: boolean;
	onName(name: string): void;
	onAdd(name: string): void;
	onCancel(): void;
}

/** A small form for a CC who is not a user yet. */
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
