/**
 * The `Notification` events Zendesk's standard triggers add to an audit (captured
 * zp-ticket-create-201-with-attachment: `{type, via: {channel: "rule", source: {from: {deleted,
 * title, id, revision_id}, rel: "trigger"}}, subject, body, recipients}`). Which triggers fire is
 * the sandbox's model of a new account's defaults [U]: no email is sent, the events only record
 * who would have been notified.
 */
import type { Db } from "../db/db";
import type { TicketRecord, UserRecord } from "../db/records";
import type { EventDraft } from "./ticketChanges";

/** A standard trigger as the sandbox knows it (ids are the sandbox's). */
interface Trigger {
	id: number;
	title: string;
	subject: string;
	body: string;
}

/** The account's standard notification triggers, titles and texts as on a new Zendesk account. */
export const STANDARD_TRIGGERS = {
	proactive: {
		id: 360000000101,
		title: "Notify requester of new proactive ticket",
		subject: "{{ticket.title}}",
		body: "This ticket was created on your behalf.\n\nTo add additional comments, reply to this email.\n\n{{ticket.latest_public_comment_html}}",
	},
	received: {
		id: 360000000102,
		title: "Notify requester and CCs of received request",
		subject: "[Request received] {{ticket.title}}",
		body: "Your request (#{{ticket.id}}) has been received and is being reviewed by our support staff.\n\n{{ticket.latest_public_comment_html}}",
	},
	allAgents: {
		id: 360000000103,
		title: "Notify all agents of received request",
		subject: "[{{ticket.account}}] {{ticket.title}}",
		body: "A ticket (#{{ticket.id}}) by {{ticket.requester.name}} has been received. It is unassigned.\n\n{{ticket.latest_comment_html}}",
	},
	commentUpdate: {
		id: 360000000104,
		title: "Notify requester and CCs of comment update",
		subject: "[{{ticket.account}}] Re: {{ticket.title}}",
		body: "Your request (#{{ticket.id}}) has been updated. To add additional comments, reply to this email.\n\n{{ticket.comments_formatted}}",
	},
	assignment: {
		id: 360000000105,
		title: "Notify assignee of assignment",
		subject: "[{{ticket.account}}] Assignment: {{ticket.title}}",
		body: "You have been assigned to this ticket (#{{ticket.id}}).\n\n{{ticket.comments_formatted}}",
	},
} satisfies Record<string, Trigger>;

/** What happened in the write the triggers look at. */
export interface NotificationContext {
	mode: "create" | "update";
	actor: UserRecord;
	/** The write's comment, if any. */
	comment?: { public: boolean; author_id: number } | undefined;
	/** The assignee before the write (update only). */
	previousAssigneeId?: number | null;
}

/** The Notification events for a ticket write, in trigger order; none for a private-only write. */
export function notificationEvents(db: Db, ticket: TicketRecord, context: NotificationContext): EventDraft[] {
	const events: EventDraft[] = [];
	const add = (trigger: Trigger, recipients: Array<number | null>) => {
		const ids = [...new Set(recipients.filter((id): id is number => id !== null))];
		if (ids.length > 0) events.push(notification(trigger, ids));
	};
	const isPublic = context.comment?.public === true;
	if (context.mode === "create") {
		const staffSubmitter = context.actor.role !== "end-user";
		if (isPublic && staffSubmitter) add(STANDARD_TRIGGERS.proactive, [ticket.requester_id]);
		if (isPublic && !staffSubmitter) add(STANDARD_TRIGGERS.received, [ticket.requester_id, ...ticket.email_cc_ids]);
		if (ticket.assignee_id === null)
			add(
				STANDARD_TRIGGERS.allAgents,
				db.users.filter(u => u.role !== "end-user" && u.active && !u.suspended).map(u => u.id),
			);
	} else if (isPublic) {
		const author = context.comment?.author_id;
		add(
			STANDARD_TRIGGERS.commentUpdate,
			[ticket.requester_id, ...ticket.email_cc_ids].filter(id => id !== author),
		);
	}
	const assigned = context.mode === "create" || ticket.assignee_id !== context.previousAssigneeId;
	if (assigned && ticket.assignee_id !== null && ticket.assignee_id !== context.actor.id)
		add(STANDARD_TRIGGERS.assignment, [ticket.assignee_id]);
	return events;
}

function notification(trigger: Trigger, recipients: number[]): EventDraft {
	return {
		type: "Notification",
		via: {
			channel: "rule",
			source: { from: { deleted: false, title: trigger.title, id: trigger.id, revision_id: 1 }, rel: "trigger" },
		},
		subject: trigger.subject,
		body: trigger.body,
		recipients,
	};
}
