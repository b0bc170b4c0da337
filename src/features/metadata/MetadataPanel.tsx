/**
 * The Metadata editor, fetched on demand (a chunk of its own): what metadata is, the admin's
 * default metadata (read-only), and the agent's key/value rows over the ticket core's pending
 * metadata. The section shows what happened to the metadata last.
 */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "./metadata.css";
import type { JsonValue } from "../../ticket/metadata/metadata";
import { useT } from "../../platform/context";
import type { MetadataModel } from "../../ticket/metadata/createMetadataModel";
import { MetadataEditor } from "./MetadataEditor";

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
							<li key={key}>{`${key}: ${valueText(value)}`}</li>
						))}
					</ul>
				</div>
			) : null}
			<MetadataEditor model={model} />
		</div>
	);
}

function valueText(value: JsonValue): string {
	return typeof value === "string" ? value : JSON.stringify(value);
}
