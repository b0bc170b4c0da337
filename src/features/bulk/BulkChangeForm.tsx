/** The change to apply to every selected ticket: people, tags and one custom field, each with its problem next to it. */
import { useT } from "../../platform/context";
import { issuesFor } from "../../shared/issues";
import { Field } from "../../ui/Field";
import type { BulkModel } from "./createBulkModel";
import type { BulkTexts } from "./rules/bulkDraft";

const TEXT_INPUTS: ReadonlyArray<{ key: Exclude<keyof BulkTexts, "fieldId" | "fieldValue">; label: string }> = [
	{ key: "ccsAdd", label: "bulk.change.ccsAdd" },
	{ key: "ccsRemove", label: "bulk.change.ccsRemove" },
	{ key: "followersAdd", label: "bulk.change.followersAdd" },
	{ key: "followersRemove", label: "bulk.change.followersRemove" },
	{ key: "tagsAdd", label: "bulk.change.tagsAdd" },
	{ key: "tagsRemove", label: "bulk.change.tagsRemove" },
];

/** The inputs; the model parses and checks them as they are typed. */
export function BulkChangeForm({ model }: { model: BulkModel }) {
	const t = useT();
	const texts = model.texts.value;
	const issueOf = (field: string) => {
		const issue = issuesFor(model.issues.value, field)[0];
		return issue ? t(issue.code, issue.vars) : null;
	};
	return (
		<fieldset class="zd-bulk__change" disabled={model.phase.value === "running"}>
			<legend>{t("bulk.change.title")}</legend>
			{TEXT_INPUTS.map(({ key, label }) => (
				<Field key={key} label={t(label)} issue={issueOf(key)}>
					{control => (
						<input
							{...control}
							type="text"
							value={texts[key]}
							onInput={event => model.edit({ [key]: (event.target as HTMLInputElement).value })}
						/>
					)}
				</Field>
			))}
			<Field label={t("bulk.change.field")}>
				{control => (
					<select
						{...control}
						value={texts.fieldId === null ? "" : String(texts.fieldId)}
						onChange={event => {
							const value = (event.target as HTMLSelectElement).value;
							model.edit({ fieldId: value === "" ? null : Number(value) });
						}}
					>
						<option value="">{t("bulk.change.noField")}</option>
						{model.editableFields.value.map(field => (
							<option key={field.id} value={String(field.id)}>
								{field.title}
							</option>
						))}
					</select>
				)}
			</Field>
			{texts.fieldId !== null ? (
				<Field label={t("bulk.change.fieldValue")} issue={issueOf("fieldValue")}>
					{control => (
						<input
							{...control}
							type="text"
							value={texts.fieldValue}
							onInput={event => model.edit({ fieldValue: (event.target as HTMLInputElement).value })}
						/>
					)}
				</Field>
			) : null}
		</fieldset>
	);
}
