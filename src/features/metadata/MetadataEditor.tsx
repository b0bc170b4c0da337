/**
 * Key/value rows for custom audit metadata with a live byte counter (`n / 1024 bytes`, counted on
 * the exact JSON Zendesk receives). Problems show on the row they concern. Text only; no API.
 */
import { useLayoutEffect, useRef } from "preact/hooks";
import { METADATA_MAX_BYTES } from "../../ticket/metadata/metadata";
import type { Issue } from "../../shared/issues";
import { useT } from "../../platform/context";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import { Button } from "../../ui/Button";

/** The editor for the shared metadata model. "Add metadata" puts the focus in the new row's key. */
export function MetadataEditor({ model }: { model: MetadataModel }) {
	const t = useT();
	const ref = useRef<HTMLDivElement>(null);
	const added = useRef(false);
	const rows = model.rows.value;
	useLayoutEffect(() => {
		if (!added.current) return;
		added.current = false;
		const newest = [...(ref.current?.querySelectorAll(".zd-metadata__row") ?? [])].at(-1);
		newest?.querySelector("input")?.focus();
	}, [rows.length]);
	const issues = model.issues.value;
	const bytes = model.bytes.value;
	const text = (list: Issue[]) => list.map(issue => t(issue.code, issue.vars));
	const at = (field: string) => text(issues.filter(issue => issue.field === field));
	const over = bytes > METADATA_MAX_BYTES;
	return (
		<div class="zd-metadata" ref={ref}>
			{rows.map((row, index) => {
				const keyIssues = at(`metadata.${index}.key`);
				const valueIssues = at(`metadata.${index}.value`);
				return (
					<div
						key={index}
						class={keyIssues.length + valueIssues.length > 0 ? "zd-metadata__row has-issue" : "zd-metadata__row"}
					>
						<input
							class="zd-input"
							aria-label={t("metadata.keyLabel", { index: index + 1 })}
							aria-invalid={keyIssues.length > 0 || undefined}
							placeholder={t("metadata.keyPlaceholder")}
							value={row.key}
							onInput={event => model.setKey(index, (event.currentTarget as HTMLInputElement).value)}
						/>
						<input
							class="zd-input"
							aria-label={t("metadata.valueLabel", { index: index + 1 })}
							aria-invalid={valueIssues.length > 0 || undefined}
							placeholder={t("metadata.valuePlaceholder")}
							value={row.value}
							onInput={event => model.setValue(index, (event.currentTarget as HTMLInputElement).value)}
						/>
						<Button
							variant="basic"
							small
							onClick={() => model.removeRow(index)}
							aria-label={t("metadata.removeRow", { index: index + 1 })}
						>
							{t("metadata.remove")}
						</Button>
						{[...keyIssues, ...valueIssues].map(message => (
							<p key={message} class="zd-field__issue">
								{message}
							</p>
						))}
					</div>
				);
			})}
			<div class="zd-actions">
				<Button
					small
					onClick={() => {
						added.current = true;
						model.addRow();
					}}
				>
					{t("metadata.addRow")}
				</Button>
				<span class={over ? "zd-field__issue" : "zd-muted"} aria-live="polite" data-testid="metadata-bytes">
					{t("metadata.bytes", { bytes, max: METADATA_MAX_BYTES })}
				</span>
			</div>
			{at("metadata").map(message => (
				<p key={message} class="zd-field__issue" role="alert">
					{message}
				</p>
			))}
		</div>
	);
}
