/**
 * What the app reads of each answer, as a function over the parsed body: the same envelope picks
 * (`pick`, `nextPagePath`) and normalizers the API client runs for that call (src/platform/api/*.ts).
 * Run under `recordReads` it yields "the keys the app reads". Test-only.
 */
import { parseErrorBody } from "../../../src/platform/api/errors";
import { nextPagePath, pick } from "../../../src/platform/api/http";
import * as activity from "../../../src/platform/api/normalizeActivity";
import * as base from "../../../src/platform/api/normalize";

const n = { ...base, ...activity };
import type { CapturedCall } from "./loadRealResponses";

type Reader = (body: unknown) => void;

const list =
	<T>(normalize: (raw: unknown) => T | null) =>
	(raw: unknown) =>
		n.normalizeList(raw, normalize);

/** pick() throws for a missing key; a reader only looks, so a throw ends the look. */
const look = (body: unknown, key: string, normalize: (raw: unknown) => unknown) => {
	try {
		pick(body, key, normalize, "read", 200);
	} catch {
		/* nothing more to read */
	}
};

const paged =
	(key: string, normalize: (raw: unknown) => unknown): Reader =>
	body => {
		look(body, key, list(normalize));
		nextPagePath(body);
	};

const READERS: Record<string, Reader> = {
	getTicket: body => look(body, "ticket", n.normalizeTicket),
	createTicket: body => {
		look(body, "ticket", n.normalizeTicket);
		look(body, "audit", n.normalizeAudit);
	},
	updateTicket: body => {
		look(body, "ticket", n.normalizeTicket);
		look(body, "audit", n.normalizeAudit);
	},
	getJobStatus: body => look(body, "job_status", n.normalizeJobStatus),
	listAudits: paged("audits", n.normalizeAudit),
	listComments: paged("comments", n.normalizeComment),
	listTicketFields: paged("ticket_fields", n.normalizeTicketField),
	listTicketForms: paged("ticket_forms", n.normalizeTicketForm),
	listLocales: body => look(body, "locales", list(n.normalizeLocale)),
	getMe: body => look(body, "user", n.normalizeUser),
	showManyUsers: body => look(body, "users", list(n.normalizeUser)),
	searchUsers: body => look(body, "users", list(n.normalizeUser)),
	showManyOrganizations: body => look(body, "organizations", list(n.normalizeOrganization)),
	autocompleteOrganizations: body => look(body, "organizations", list(n.normalizeOrganization)),
	uploadText: body => look(body, "upload", n.normalizeUpload),
	deleteUpload: () => {},
};

/** The reader for a captured call; error answers are read by `parseErrorBody` whatever the call. */
export function appReader(call: CapturedCall): Reader {
	if (call.expectKind !== undefined) return body => parseErrorBody(body, typeof body === "string" ? body : undefined);
	if (call.fn === "normalize") {
		const normalize = (n as unknown as Record<string, (raw: unknown) => unknown>)[call.normalizer ?? ""];
		return body => normalize && look(body, call.key ?? "", normalize);
	}
	const reader = READERS[call.fn];
	if (!reader) throw new Error(`no reader for ${call.fn}`);
	return reader;
}
