/**
 * Stored records → Zendesk's JSON (key order as in real responses, §3.2 [F]). URLs are built from
 * the base URL of the request (its Host header), so they point back at this emulator.
 */
import { collaboratorIdsOf } from "../services/collaboratorRules";
import { customFieldsOut } from "../services/customFieldRules";
import { SYSTEM_FIELD_OPTIONS } from "../services/systemFieldOptions";
import { photoJson } from "../services/userPhoto";
import type { Db } from "../db/db";
import type {
	AttachmentRecord,
	AuditRecord,
	CommentRecord,
	GroupRecord,
	JobRecord,
	OrganizationRecord,
	TicketFieldRecord,
	TicketFormRecord,
	TicketRecord,
	UploadRecord,
	UserRecord,
} from "../db/records";

/** A ticket as `GET /tickets/{id}` returns it, with `custom_fields` and its copy `fields` (§3.1 [F]). */
export function ticketJson(db: Db, t: TicketRecord, base: string): Record<string, unknown> {
	const custom = customFieldsOut(db, t);
	return {
		url: `${base}/api/v2/tickets/${t.id}.json`,
		id: t.id,
		external_id: t.external_id,
		via: t.via,
		created_at: t.created_at,
		updated_at: t.updated_at,
		type: t.type,
		subject: t.subject,
		raw_subject: t.raw_subject,
		description: t.description,
		priority: t.priority,
		status: t.status,
		recipient: t.recipient,
		requester_id: t.requester_id,
		submitter_id: t.submitter_id,
		assignee_id: t.assignee_id,
		organization_id: t.organization_id,
		group_id: t.group_id,
		collaborator_ids: collaboratorIdsOf(db, t),
		follower_ids: [...t.follower_ids],
		email_cc_ids: [...t.email_cc_ids],
		forum_topic_id: null,
		problem_id: t.problem_id,
		has_incidents: db.tickets.some(x => x.problem_id === t.id),
		is_public: t.is_public,
		due_at: t.due_at,
		tags: [...t.tags],
		custom_fields: custom,
		satisfaction_rating: t.satisfaction_rating,
		sharing_agreement_ids: [...t.sharing_agreement_ids],
		fields: custom.map(f => ({ ...f })),
		// "Ids are only visible once the ticket is closed" [V].
		followup_ids: t.status === "closed" ? [...t.followup_ids] : [],
		ticket_form_id: t.ticket_form_id,
		brand_id: t.brand_id,
		allow_channelback: false,
		allow_attachments: true,
		custom_status_id: t.custom_status_id,
		generated_timestamp: t.generated_timestamp,
		from_messaging_channel: false,
	};
}

/** A user as the Users API returns it. */
export function userJson(u: UserRecord, base: string): Record<string, unknown> {
	return {
		id: u.id,
		url: `${base}/api/v2/users/${u.id}.json`,
		name: u.name,
		email: u.email,
		created_at: u.created_at,
		updated_at: u.updated_at,
		time_zone: u.time_zone,
		iana_time_zone: u.time_zone,
		phone: u.phone,
		shared_phone_number: null,
		photo: photoJson(u, base),
		locale_id: u.locale_id,
		locale: u.locale,
		organization_id: u.organization_id,
		role: u.role,
		verified: u.verified,
		external_id: u.external_id,
		tags: [...u.tags],
		alias: "",
		active: u.active,
		shared: u.shared,
		shared_agent: false,
		last_login_at: null,
		two_factor_auth_enabled: null,
		signature: null,
		details: u.details,
		notes: u.notes,
		role_type: u.role_type,
		custom_role_id: null,
		moderator: u.role !== "end-user",
		ticket_restriction: u.role === "end-user" ? "requested" : null,
		only_private_comments: u.role_type === 1,
		restricted_agent: false,
		suspended: u.suspended,
		default_group_id: u.default_group_id,
		report_csv: false,
		user_fields: {},
	};
}

/** An attachment object (§9 [V]); `content_url` serves the bytes from this emulator. */
export function attachmentJson(a: AttachmentRecord, base: string): Record<string, unknown> {
	const content = `${base}/attachments/token/${a.content_token}/?name=${encodeURIComponent(a.file_name)}`;
	return {
		url: `${base}/api/v2/attachments/${a.id}.json`,
		id: a.id,
		file_name: a.file_name,
		content_url: content,
		mapped_content_url: content,
		content_type: a.content_type,
		size: a.size,
		width: a.width,
		height: a.height,
		inline: a.inline,
		deleted: a.deleted,
		malware_access_override: false,
		malware_scan_result: "malware_not_found",
		thumbnails: [],
	};
}

const attachmentsOf = (db: Db, ids: unknown, base: string) =>
	(Array.isArray(ids) ? ids : [])
		.flatMap(id => db.attachments.find(a => a.id === id) ?? [])
		.map(a => attachmentJson(a, base));

/** A comment as `GET /tickets/{id}/comments` returns it. */
export function commentJson(db: Db, c: CommentRecord, base: string): Record<string, unknown> {
	const audit = db.audits.find(a => a.id === c.audit_id);
	return {
		id: c.id,
		type: "Comment",
		author_id: c.author_id,
		body: c.body,
		html_body: c.html_body,
		plain_body: c.plain_body,
		public: c.public,
		attachments: attachmentsOf(db, c.attachment_ids, base),
		audit_id: c.audit_id,
		via: c.via,
		created_at: c.created_at,
		metadata: { system: audit?.metadata.system ?? {}, custom: audit?.metadata.custom ?? {} },
	};
}

/** An audit with its events; Comment events carry their attachments. */
export function auditJson(db: Db, a: AuditRecord, base: string): Record<string, unknown> {
	return {
		id: a.id,
		ticket_id: a.ticket_id,
		created_at: a.created_at,
		author_id: a.author_id,
		metadata: a.metadata,
		via: a.via,
		events: a.events.map(e => {
			if (e.type !== "Comment") return { ...e };
			const { attachment_ids, ...rest } = e;
			return { ...rest, attachments: attachmentsOf(db, attachment_ids, base) };
		}),
	};
}

/** A ticket field with its `url` (and `system_field_options` for status, type and priority). */
export function fieldJson(f: TicketFieldRecord, base: string): Record<string, unknown> {
	const { custom_field_options, ...rest } = f;
	const systemOptions = SYSTEM_FIELD_OPTIONS[f.type];
	return {
		url: `${base}/api/v2/ticket_fields/${f.id}.json`,
		...rest,
		...(systemOptions ? { system_field_options: systemOptions.map(o => ({ ...o })) } : {}),
		...(custom_field_options
			? {
					custom_field_options: custom_field_options.map(o => ({
						...o,
						url: `${base}/api/v2/ticket_fields/${f.id}/options/${o.id}.json`,
					})),
				}
			: {}),
	};
}

/** A ticket form with its `url`. */
export function formJson(f: TicketFormRecord, base: string): Record<string, unknown> {
	return { url: `${base}/api/v2/ticket_forms/${f.id}.json`, ...f };
}

/** A group with its `url`. */
export function groupJson(g: GroupRecord, base: string): Record<string, unknown> {
	return { url: `${base}/api/v2/groups/${g.id}.json`, ...g };
}

/** An organization (OAS OrganizationObject [V keys]; key order of Zendesk's older docs example [F]). */
export function organizationJson(o: OrganizationRecord, base: string): Record<string, unknown> {
	return {
		url: `${base}/api/v2/organizations/${o.id}.json`,
		id: o.id,
		name: o.name,
		shared_tickets: o.shared_tickets,
		shared_comments: o.shared_comments,
		external_id: o.external_id,
		created_at: o.created_at,
		updated_at: o.updated_at,
		domain_names: [...o.domain_names],
		details: o.details,
		notes: o.notes,
		group_id: o.group_id,
		tags: [...o.tags],
		organization_fields: { ...o.organization_fields },
	};
}

/** A job status (§6.3 [V]); internal bookkeeping keys are left out. */
export function jobJson(j: JobRecord, base: string): Record<string, unknown> {
	return {
		id: j.id,
		url: `${base}/api/v2/job_statuses/${j.id}.json`,
		job_type: j.job_type,
		total: j.total,
		progress: j.progress,
		status: j.status,
		message: j.message,
		results: j.results,
	};
}

/** `{upload: {token, attachment, attachments}}` body content (§9 [V]). */
export function uploadJson(db: Db, u: UploadRecord, base: string): Record<string, unknown> {
	const attachments = attachmentsOf(db, u.attachment_ids, base);
	return {
		token: u.token,
		expires_at: new Date(u.created_ms + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
		attachment: attachments[attachments.length - 1] ?? null,
		attachments,
	};
}

/** Users referenced by tickets (requester, submitter, assignee, CCs, followers) for `?include=users`. */
export function sideloadUsers(db: Db, tickets: TicketRecord[], base: string): Record<string, unknown>[] {
	const ids = new Set<number>();
	for (const t of tickets) {
		for (const id of [
			t.requester_id,
			t.submitter_id,
			t.assignee_id,
			...t.email_cc_ids,
			...t.follower_ids,
			...t.collaborator_ids,
		])
			if (id !== null) ids.add(id);
	}
	return db.users.filter(u => ids.has(u.id)).map(u => userJson(u, base));
}

/** Groups referenced by tickets for `?include=groups`. */
export function sideloadGroups(db: Db, tickets: TicketRecord[], base: string): Record<string, unknown>[] {
	const ids = new Set(tickets.map(t => t.group_id));
	return db.groups.filter(g => ids.has(g.id)).map(g => groupJson(g, base));
}
