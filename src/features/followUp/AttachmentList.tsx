/** Picking and listing text attachments: a file input, one row per file with its state, problem, remove and retry. */
import { TEXT_ATTACHMENT_TYPES, formatBytes } from "./rules/attachments";
import { useT } from "../../platform/context";
import type { FileItem, FileState, FollowUpUploads, PickedFile } from "./createFollowUpUploads";
import { Button } from "../../ui/Button";

const ACCEPT = Object.keys(TEXT_ATTACHMENT_TYPES)
	.map(ext => `.${ext}`)
	.join(",");

/** Label per file state (total). */
const STATE_KEYS: Record<FileState, string> = {
	uploading: "followUp.attachments.stateUploading",
	uploaded: "followUp.attachments.stateUploaded",
	refused: "followUp.attachments.stateRefused",
	failed: "followUp.attachments.stateFailed",
	lost: "followUp.attachments.stateLost",
};

/** Adapts DOM files to the model's `PickedFile`. */
export function toPickedFiles(files: FileList | readonly File[] | null): PickedFile[] {
	return Array.from(files ?? []).map(file => ({
		name: file.name,
		size: file.size,
		read: async () => new Uint8Array(await file.arrayBuffer()),
	}));
}

export interface AttachmentListProps {
	uploads: FollowUpUploads;
	/** A message for the whole list (expired token, too many files), already translated. */
	issue: string | null;
	/** The uploads expired: offer to send the files again (those still in memory). */
	expired?: boolean;
	disabled?: boolean;
}

/** The attachments block of the follow-up form. */
export function AttachmentList({ uploads, issue, expired = false, disabled = false }: AttachmentListProps) {
	const t = useT();
	const items = uploads.items.value;
	const busy = uploads.inFlight.value > 0;
	return (
		<fieldset class={issue ? "zd-followup__attachments has-issue" : "zd-followup__attachments"}>
			<legend>{t("followUp.attachments.label")}</legend>
			<p class="zd-field__hint">{t("followUp.attachments.hint")}</p>
			<input
				type="file"
				multiple
				accept={ACCEPT}
				disabled={disabled}
				aria-label={t("followUp.attachments.pick")}
				onChange={event => {
					const input = event.currentTarget;
					void uploads.add(toPickedFiles(input.files));
					input.value = "";
				}}
			/>
			{items.length > 0 ? (
				<ul class="zd-followup__files" aria-label={t("followUp.attachments.list")}>
					{items.map(item => (
						<FileRow key={item.localId} item={item} uploads={uploads} busy={busy || disabled} />
					))}
				</ul>
			) : null}
			{issue ? (
				<p class="zd-field__issue" role="alert">
					{issue}
				</p>
			) : null}
			{expired ? (
				<Button small disabled={busy || disabled} onClick={() => void uploads.reuploadAll()}>
					{t("followUp.attachments.reupload")}
				</Button>
			) : null}
		</fieldset>
	);
}

function FileRow({ item, uploads, busy }: { item: FileItem; uploads: FollowUpUploads; busy: boolean }) {
	const t = useT();
	return (
		<li class={`zd-followup__file is-${item.state}`} data-state={item.state}>
			<span class="zd-followup__file-name">{item.name}</span>{" "}
			<span class="zd-muted">
				{formatBytes(item.size)} · {t(STATE_KEYS[item.state])}
			</span>
			<span class="zd-followup__file-actions">
				{item.state === "failed" ? (
					<Button small variant="basic" disabled={busy} onClick={() => void uploads.retry(item.localId)}>
						{t("followUp.attachments.retry")}
					</Button>
				) : null}
				<Button
					small
					variant="basic"
					disabled={busy}
					aria-label={t("followUp.attachments.removeNamed", { name: item.name })}
					onClick={() => void uploads.remove(item.localId)}
				>
					{t("followUp.attachments.remove")}
				</Button>
			</span>
			{item.pickedName !== undefined ? (
				<p class="zd-muted">{t("followUp.attachments.renamed", { name: item.name, picked: item.pickedName })}</p>
			) : null}
			{item.issue ? <p class="zd-field__issue">{t(item.issue.code, item.issue.vars)}</p> : null}
		</li>
	);
}
