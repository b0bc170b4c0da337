/** A labelled control with hint and problem: wires `for`, `aria-describedby`, `aria-invalid` via a render function. */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

/** Attributes the control must spread to be labelled and described correctly. */
export interface FieldControlProps {
	id: string;
	"aria-describedby"?: string;
	"aria-invalid"?: boolean;
	"aria-required"?: boolean;
}

/** Props of `Field`; `children` renders the control from the wiring props. */
export interface FieldProps {
	label: string;
	hint?: string;
	/** A translated problem with the current value; shown under the control and marks it invalid. */
	issue?: string | null;
	required?: boolean;
	children: (control: FieldControlProps) => ComponentChildren;
}

/** Label + control + hint + issue. Does not validate or store anything. */
export function Field({ label, hint, issue, required = false, children }: FieldProps) {
	const id = useId();
	const hintId = hint ? `${id}-hint` : undefined;
	const issueId = issue ? `${id}-issue` : undefined;
	const describedBy = [hintId, issueId].filter(Boolean).join(" ") || undefined;
	return (
		<div class={issue ? "zd-field has-issue" : "zd-field"}>
			<label class="zd-field__label" for={id}>
				{label}
				{required ? (
					<span class="zd-field__required" aria-hidden="true">
						{" *"}
					</span>
				) : null}
			</label>
			{hint ? (
				<p class="zd-field__hint" id={hintId}>
					{hint}
				</p>
			) : null}
			{children({
				id,
				"aria-describedby": describedBy,
				"aria-invalid": issue ? true : undefined,
				"aria-required": required || undefined,
			})}
			{issue ? (
				<p class="zd-field__issue" id={issueId}>
					{issue}
				</p>
			) : null}
		</div>
	);
}
