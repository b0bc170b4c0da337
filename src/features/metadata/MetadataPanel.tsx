/**
 * The Metadata editor, fetched on demand (a chunk of its own): what metadata is, the admin's
 * defaults (read-only), and the agent's key/value rows over the ticket core's pending metadata,
 * with a live byte counter on the exact JSON Zendesk receives. Problems show on their row. Text only.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "./metadata.css";
import { useLayoutEffect, useRef } from "preact/hooks";
import { useT } from "../../platform/context";
import { METADATA_MAX_BYTES } from "../../ticket/metadata/metadata";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import { Button } from "../../ui/Button";

/** The explanation, the admin's defaults and the agent's key/value editor. */
export function MetadataPanel({ model }: { model: MetadataModel }) {
	const t = useT();
	const defaults = Object.entries(model.defaults.value);
	return (
		<div>
			<p class="zd-muted">{t("metadata.explain")}</p>
			{model.issues.value
				.filter(issue => issue.field === "metadataDefaults")
				.map(issue => (
					<p key={issue.code} class="zd-notice zd-notice--warning">
						{t(issue.code, issue.vars)}
					</p>
				))}
			{defaults.length > 0 ? (
				<div>
					<p class="zd-field__label">{t("metadata.defaultsTitle")}</p>
					<ul class="zd-list">
						{defaults.map(([key, value]) => (
							<li key={key}>{`${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`}</li>
						))}
					</ul>
				</div>
			) : null}
			<MetadataEditor model={model} />
		</div>
	);
}

/** The agent's rows. "Add metadata" puts the focus in the new row's key. */
function MetadataEditor({ model }: { model: MetadataModel }) {
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
	const at = (field: string) => issues.filter(issue => issue.field === field).map(issue => t(issue.code, issue.vars));
	const over = bytes > METADATA_MAX_BYTES;
	return (
		<div class="zd-metadata" ref={ref}>
			{rows.map((row, index) => {
				const keyIssues = at(`metadata.${index}.key`);
				const valueIssues = at(`metadata.${index}.value`);
				const input = (part: "key" | "value", problems: string[], set: (index: number, text: string) => void) => (
					<input
						class="zd-input"
						aria-label={t(`metadata.${part}Label`, { index: index + 1 })}
						aria-invalid={problems.length > 0 || undefined}
						placeholder={t(`metadata.${part}Placeholder`)}
						value={row[part]}
						onInput={event => set(index, (event.currentTarget as HTMLInputElement).value)}
					/>
				);
				return (
					<div
						key={index}
						class={keyIssues.length + valueIssues.length > 0 ? "zd-metadata__row has-issue" : "zd-metadata__row"}
					>
						{input("key", keyIssues, model.setKey)}
						{input("value", valueIssues, model.setValue)}
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
