/**
 * A follow-up draft's text attachments, uploaded one after another under one token (the first
 * upload creates it). Zendesk deletes only whole tokens, so removing one file re-uploads the others
 * from memory. The draft keeps the token and files; contents live in memory only (lost on reload).
 */
import { computed, signal, type ReadonlySignal } from "@preact/signals";
import { isApiError } from "../../platform/api/errors";
import type { ZendeskApi } from "../../platform/api/client";
import { ignoreApiError } from "./followUpLookups";
import {
	ATTACHMENT_PROBLEM_CODES,
	attachmentMetaProblem,
	decodeTextAttachment,
	formatBytes,
	MAX_ATTACHMENT_BYTES,
	MAX_ATTACHMENTS,
	safeAttachmentName,
	textContentType,
	visibleFileName,
} from "./rules/attachments";
import type { DraftUpload, FollowUpDraft } from "./rules/followUpDraft";
import type { Issue } from "../../shared/issues";

/** One file row. `lost`: uploaded before a reload and needed again, but its content is gone. */
export type FileState = "uploading" | "uploaded" | "refused" | "failed" | "lost";

/** A file as the attachment list shows it; `name` is the one it is uploaded under (`safeAttachmentName`). */
export interface FileItem extends Pick<DraftUpload, "localId" | "name" | "size"> {
	/** The name as picked (invisible characters shown as `�`), only when it differs from `name`. */
	pickedName?: string;
	state: FileState;
	/** Why it was refused or failed, else null. */
	issue: Issue | null;
}

/** A picked file, abstracted from the DOM `File` so the model stays testable. */
export interface PickedFile {
	name: string;
	size: number;
	read(): Promise<Uint8Array>;
}

/** Dependencies: the upload endpoints and the draft it keeps in step. */
export interface FollowUpUploadsDeps {
	api: Pick<ZendeskApi, "uploadText" | "deleteUpload">;
	getDraft(): FollowUpDraft;
	patchDraft(change: (draft: FollowUpDraft) => FollowUpDraft): void;
	now(): number;
}

/** Failures after which an upload may or may not have reached Zendesk. */
const UNCERTAIN: ReadonlySet<string> = new Set(["timeout", "network", "server"]);

/** Creates the attachment manager for one draft. */
export function createFollowUpUploads(deps: FollowUpUploadsDeps) {
	const items = signal<FileItem[]>([]);
	const contents = new Map<string, string>();
	let chain: Promise<void> = Promise.resolve();
	let idCounter = 0;

	const setItem = (localId: string, change: Partial<FileItem>) => {
		items.value = items.value.map(item => (item.localId === localId ? { ...item, ...change } : item));
	};
	const enqueue = (localId: string) => {
		chain = chain.then(() => uploadOne(localId));
		return chain;
	};
	const forgetToken = () => deps.patchDraft(draft => ({ ...draft, uploadToken: null, uploads: [] }));
	/** Forgets the token and deletes it; an undeletable one just expires after 60 minutes. */
	const dropToken = async () => {
		const token = deps.getDraft().uploadToken;
		forgetToken();
		if (token !== null) await deps.api.deleteUpload(token).catch(ignoreApiError);
	};
	/** Marks the files `again` picks as uploading, then queues every uploading file. */
	const sendAgain = (again: (item: FileItem) => boolean) => {
		for (const item of items.value) if (again(item)) setItem(item.localId, { state: "uploading", issue: null });
		for (const item of items.value) if (item.state === "uploading") void enqueue(item.localId);
	};

	async function uploadOne(localId: string): Promise<void> {
		const item = items.value.find(i => i.localId === localId);
		const text = contents.get(localId);
		if (!item || item.state !== "uploading") return;
		if (text === undefined)
			return setItem(localId, {
				state: "lost",
				issue: { field: "attachments", code: "followUp.attachments.lost", vars: { name: item.name } },
			});
		const token = deps.getDraft().uploadToken ?? undefined;
		// Zendesk stores the sent type as the attachment's; accepted files always have one.
		const contentType = textContentType(item.name) ?? "text/plain";
		try {
			const upload = await deps.api.uploadText(
				item.name,
				text,
				token === undefined ? { contentType } : { token, contentType },
			);
			const attachment = [...upload.attachments].reverse().find(a => a.fileName === item.name);
			const uploaded = {
				localId,
				name: item.name,
				size: item.size,
				contentType,
				attachmentId: attachment?.id ?? null,
				uploadedAt: deps.now(),
			};
			deps.patchDraft(draft => ({ ...draft, uploadToken: upload.token, uploads: [...draft.uploads, uploaded] }));
			setItem(localId, { state: "uploaded", issue: null });
		} catch (caught) {
			if (!isApiError(caught)) throw caught;
			// Token expired, or the file may have landed under it (re-sending there would attach it twice):
			// start a fresh token with every file; the old one expires unused.
			if (token !== undefined && (caught.kind === "not_found" || UNCERTAIN.has(caught.kind))) {
				forgetToken();
				return sendAgain(i => i.state === "uploaded" || i.localId === localId);
			}
			const code =
				caught.kind === "too_large" ? "followUp.attachments.problemTooLarge" : "followUp.attachments.uploadFailed";
			setItem(localId, {
				state: "failed",
				issue: { field: "attachments", code, vars: { name: item.name, max: formatBytes(MAX_ATTACHMENT_BYTES) } },
			});
		}
	}

	async function addOne(file: PickedFile): Promise<void> {
		const localId = `f${deps.now().toString(36)}-${(idCounter++).toString(36)}`;
		// Folders and control characters never travel: `../../x.txt` is sent (and shown) as `x.txt`.
		const safe = safeAttachmentName(file.name);
		const name = safe === "" ? visibleFileName(file.name) : safe;
		const picked = safe === file.name ? {} : { pickedName: visibleFileName(file.name) };
		const add = (size: number, state: FileState, issue: Issue | null) => {
			items.value = [...items.value, { localId, name, ...picked, size, state, issue }];
		};
		const refuse = (code: string) => {
			const vars = { name, max: formatBytes(MAX_ATTACHMENT_BYTES), count: MAX_ATTACHMENTS };
			add(file.size, "refused", { field: "attachments", code, vars });
		};
		if (items.value.filter(i => i.state !== "refused" && i.state !== "failed").length >= MAX_ATTACHMENTS)
			return refuse("followUp.attachments.problemTooMany");
		const metaProblem = attachmentMetaProblem(safe, file.size);
		if (metaProblem !== null) return refuse(ATTACHMENT_PROBLEM_CODES[metaProblem]);
		let bytes: Uint8Array;
		try {
			bytes = await file.read();
		} catch {
			return refuse("followUp.attachments.problemUnreadable");
		}
		const decoded = decodeTextAttachment(bytes);
		if (!decoded.ok) return refuse(ATTACHMENT_PROBLEM_CODES[decoded.problem]);
		contents.set(localId, decoded.text);
		add(bytes.length, "uploading", null);
		void enqueue(localId);
	}

	/** Drops the token and re-uploads every file still in memory. */
	async function reuploadAll(): Promise<void> {
		await dropToken();
		sendAgain(item => item.state === "uploaded" || item.state === "lost");
		await chain;
	}

	return {
		items: items as ReadonlySignal<FileItem[]>,
		/** Files still waiting for or in an upload. The create button waits for zero. */
		inFlight: computed(() => items.value.filter(i => i.state === "uploading").length),
		/** Checks and uploads picked files; refused ones stay in the list with their reason. */
		async add(files: readonly PickedFile[]): Promise<void> {
			for (const file of files) await addOne(file);
			await chain;
		},
		/** Removes a row (an uploaded one: deletes the token, re-uploads the rest). Ignored while uploading. */
		async remove(localId: string): Promise<void> {
			if (items.value.some(i => i.state === "uploading")) return;
			const item = items.value.find(i => i.localId === localId);
			if (!item) return;
			items.value = items.value.filter(i => i.localId !== localId);
			contents.delete(localId);
			if (item.state === "uploaded") await reuploadAll();
		},
		/** Tries a failed upload again. */
		async retry(localId: string): Promise<void> {
			if (items.value.find(i => i.localId === localId)?.state !== "failed") return;
			setItem(localId, { state: "uploading", issue: null });
			await enqueue(localId);
		},
		reuploadAll,
		/** Deletes the token (best effort) and forgets every file. */
		async discardAll(): Promise<void> {
			items.value = [];
			contents.clear();
			await dropToken();
		},
		/** Rebuilds the list from the draft (after a reload). */
		restore(): void {
			items.value = deps
				.getDraft()
				.uploads.map(u => ({ localId: u.localId, name: u.name, size: u.size, state: "uploaded", issue: null }));
		},
	};
}

/** The attachment state and actions. */
export type FollowUpUploads = ReturnType<typeof createFollowUpUploads>;
