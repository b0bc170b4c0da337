/** The Fields editor (a chunk): form order, drafts saved in ONE safe update with the metadata, or read-only if locked. */
// First: the strings this on-demand part shows (left out of main.js by the build).
import "../../platform/i18n/laterStrings";
// Its style sheets, linked before this chunk runs (scripts/chunkStyles.mjs).
import "../../ui/controls.css";
import "../../ui/picker.css";
import "./fields.css";
import type { Signal } from "@preact/signals";
import { useEffect, useId, useMemo } from "preact/hooks";
import type { FieldValue } from "../../shared/customFieldsTypes";
import { displayValue } from "../../shared/customFieldsValues";
import type { TicketLockReason } from "../../shared/ticketPermissions";
import { useApi, useEnv, useI18n, useStorage, useT } from "../../platform/context";
import { createDraftStore } from "../../platform/storage/createDraftStore";
import { createFieldsModel, type FieldsModel } from "./createFieldsModel";
import type { ShownField } from "./rules/fieldOrder";
import { createLookupModel } from "./createLookupModel";
import { useTicket } from "../../ticket/TicketProvider";
import { useTicketPermissions } from "../../ticket/useTicketPermissions";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { FieldInput } from "./FieldInput";
import { Button } from "../../ui/Button";
import { Spinner } from "../../ui/Spinner";
import { WaitNotice } from "../../ui/WaitNotice";
import { useWriterWait } from "../../ticket/useWait";

/** True when the locale writes 1.5 as "1,5" (de, fr): the decimal field then accepts a comma. */
function usesDecimalComma(locale: string): boolean {
	try {
		return new Intl.NumberFormat(locale).format(1.5).includes(",");
	} catch {
		return false;
	}
}

/** The editor for the open ticket; `unsaved` gets how many fields have unsaved changes (the section's badge). */
export function FieldsEditor({ unsaved }: { unsaved: Signal<number> }) {
	const env = useEnv();
	const api = useApi();
	const t = useT();
	const { locale } = useI18n();
	const core = useTicket();
	const { local } = useStorage();
	const drafts = useMemo(
		() => createDraftStore(local, env.currentUser.id, env.ticketId ?? undefined),
		[local, env.currentUser.id, env.ticketId],
	);
	const model = useMemo(
		() =>
			createFieldsModel({
				ticket: core.store,
				drafts,
				definitions: core.definitions,
				metadata: core.metadata,
				coerce: { decimalComma: usesDecimalComma(locale) },
			}),
		[drafts, core, locale],
	);
	const lookup = useMemo(() => createLookupModel({ api, drafts }), [api, drafts]);
	useEffect(() => {
		void model.load();
		return () => model.dispose();
	}, [model]);
	useEffect(() => () => lookup.dispose(), [lookup]);
	const { reason } = useTicketPermissions();
	// Drafts that can't be saved are not counted either (they stay stored).
	const count = reason === null ? Object.keys(model.drafts.value).length : 0;
	useEffect(() => {
		unsaved.value = count;
	}, [count, unsaved]);
	// While Save runs (or waits its turn behind another section's save), the writer's wait is its own.
	const wait = useWriterWait(model.saving.value);
	const state = model.state.value;
	if (state === "loading") return <Spinner label={t("fields.loading")} showLabel />;
	const error = model.error.value;
	if (state === "failed") return error ? <ErrorNotice error={error} onRetry={() => void model.load()} /> : null;
	if (reason !== null) return <FieldsReadOnly model={model} reason={reason} />;
	const shown = model.shown.value;
	const saving = model.saving.value;
	const result = model.lastResult.value;
	const withMetadata = core.metadata.hasAgentMetadata.value;
	return (
		<form
			class="zd-fields"
			// Our own checks decide: the browser's would silently block Save on 30 February.
			noValidate
			onSubmit={event => {
				event.preventDefault();
				void model.save();
			}}
		>
			{shown.length === 0 ? <p class="zd-muted">{t("fields.noFields")}</p> : null}
			{shown.map(item => (
				<FieldInput key={item.field.id} shown={item} model={model} lookup={lookup} disabled={saving} />
			))}
			{/* Only with field changes: the metadata may as well go with a People apply. */}
			{model.dirty.value && withMetadata ? <p class="zd-muted">{t("fields.metadataAttached")}</p> : null}
			<div class="zd-actions">
				<Button type="submit" variant="primary" busy={saving} disabled={!model.dirty.value && !withMetadata}>
					{t("fields.save")}
				</Button>
				{model.dirty.value ? (
					<Button variant="basic" disabled={saving} onClick={() => model.discard()}>
						{t("fields.discard")}
					</Button>
				) : null}
				<WaitNotice wait={wait} />
			</div>
			{/* Below the buttons: a message that arrives on its own (another agent's change) never moves Save. */}
			{[...model.issues.value, ...model.notices.value]
				.filter(issue => issue.field === "fields")
				.map(issue => t(issue.code, issue.vars))
				.map(message => (
					<p key={message} class="zd-notice zd-notice--warning" role="alert">
						{message}
					</p>
				))}
			{error ? <ErrorNotice error={error} /> : null}
			{result === "saved" ? (
				<p class="zd-notice zd-notice--success" role="status">
					{t("fields.saved")}
				</p>
			) : result === "nothing" && !withMetadata ? (
				<p class="zd-muted" role="status">
					{t("fields.nothingToSave")}
				</p>
			) : null}
		</form>
	);
}

/** A ticket that can't be changed: why, then each stored value as text; drafts stay stored, not offered. */
function FieldsReadOnly({ model, reason }: { model: FieldsModel; reason: TicketLockReason }) {
	const t = useT();
	const reasonId = useId();
	const shown = model.shown.value;
	return (
		<div class="zd-fields" data-locked={reason}>
			<p class="zd-notice" id={reasonId} data-testid="fields-locked">
				{t(`fields.locked.${reason}`)}
			</p>
			{shown.length === 0 ? (
				<p class="zd-muted">{t("fields.noFields")}</p>
			) : (
				<dl class="zd-fields__values" aria-describedby={reasonId}>
					{shown.map(item => (
						<div key={item.field.id} class="zd-field" data-field-id={item.field.id}>
							{/* No "required to solve" marker: nothing can be entered here anyway. */}
							<dt class="zd-field__label">{item.field.title}</dt>
							<dd class="zd-field__readonly">{valueText(item, model.ticketValueOf(item.field.id), t)}</dd>
						</div>
					))}
				</dl>
			)}
		</div>
	);
}

function valueText(item: ShownField, value: FieldValue, t: (key: string) => string): string {
	if (item.field.type === "checkbox") return t(value === true ? "fields.locked.checked" : "fields.locked.unchecked");
	return displayValue(item.field, value) || t("fields.empty");
}
