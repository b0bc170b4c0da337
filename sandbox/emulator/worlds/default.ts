/**
 * The default world. Ids are STABLE — e2e and integration tests rely on them; docs/emulator.md
 * repeats this table. Every seeded user accepts `{email}/token:sandbox` and `{email}:sandbox-password`.
 *
 * | id        | what                                                                                   |
 * |-----------|----------------------------------------------------------------------------------------|
 * | 1001      | Ada Lindqvist, admin@example.com — admin                                                 |
 * | 1002      | Sam Carter, agent@example.com — agent (Support)                                          |
 * | 1003      | Maria González, maria@example.com — agent; default "other agent" of /__sandbox/act-as    |
 * | 1004      | Kenji Watanabe, kenji@example.com — agent (Billing)                                      |
 * | 1005      | Lena Hoffmann, light@example.com — LIGHT agent (role agent, role_type 1)                 |
 * | 1006      | Tomás Novak, tomas@example.com — agent (Hardware)                                        |
 * | 1007      | Camille Lefèvre, camille@example.com — agent, locale fr (the French UI in the workspace)  |
 * | 1101–1112 | end users (Olivia Bennett 1101, Liam O'Connor 1102, Sofia Rossi 1103, Noah Fischer 1104, Amara Okafor 1105, Lucas Martin 1106, Chloé Dubois 1107, Mateo Silva 1108, Hannah Schmidt 1109, Ethan Clarke 1110, Yuki Tanaka 1111, Fatima El Amrani 1112) |
 * | 9001–9005 | organizations Brightwater Logistics (1101, 1102), Hartmann Druck GmbH (1104, 1106), Meridian Health Partners (1109, 1110), Brightline Office Supplies, Harbour Print Partners |
 * | 6001–6003 | groups Support (default), Billing, Hardware                                              |
 * | 5001–5007 | system fields subject, description, status, tickettype, priority, group, assignee       |
 * | 5101 text "Order number" · 5102 textarea "Steps to reproduce" · 5103 integer "Seats affected" · 5104 decimal "Refund amount" · 5105 date "Purchase date" · 5106 checkbox "VIP customer" (tag vip_customer) · 5107 regexp "Serial number" (^[A-Z]{2}-\d{4}$) · 5108 tagger "Product" (hd_3000, hd_5555, scanner_x2, other_product) · 5109 multiselect "Affected platforms" (platform_windows/macos/linux/ios/android) · 5110 lookup "Account manager" (zen:user) · 5111 partialcreditcard "Card on file" · 5112 tagger "Resolution code" REQUIRED ON SOLVE (resolved_fixed, resolved_workaround, resolved_no_fault, resolved_duplicate) · 5113 text "Legacy region" INACTIVE · 5114 lookup "Partner organization" (zen:organization) |
 * | 7001      | form "General support" (default, every field) · 7002 form "Hardware issue" (ordered subset) |
 * | ticket 1  | OPEN, urgent incident, requester 1101, assignee 1002; email CCs 1102+1103, follower 1003; audits with metadata |
 * | ticket 2  | OPEN, EVERY custom field set (form 7001; partner organization 9004), requester 1104, assignee 1003 |
 * | ticket 3  | NEW, unassigned, no CCs, no custom fields (resolution code empty → solving it fails)     |
 * | ticket 4  | PENDING, Billing, requester 1106, assignee 1004                                         |
 * | ticket 5  | HOLD, form 7002, requester 1107, assignee 1002                                          |
 * | ticket 6  | SOLVED (can be reopened), requester 1108, assignee 1003                                 |
 * | ticket 7  | CLOSED with email CCs 1110+1111 and follower 1004, form 7002, long history — the follow-up source |
 * | ticket 8  | CLOSED, Billing, requester 1101; already has follow-up ticket 9 (followup_ids [9])       |
 * | ticket 9  | OPEN follow-up of 8 (via.source.rel "follow_up")                                        |
 * | ticket 10 | CLOSED, no CCs, requester 1112                                                          |
 * | ticket 11 | OPEN incident of problem 14, with attachments on its first comment (crash.log, screenshot.png) |
 * | ticket 12 | OPEN incident of problem 14, requester 1103, with a private note by the light agent 1005 |
 * | ticket 13 | PENDING task with due_at, requester 1111, assignee 1006                                 |
 * | ticket 14 | OPEN problem, assignee 1001, with 3 incidents: 11, 12, 15                               |
 * | ticket 15 | OPEN incident of problem 14, requester 1110                                             |
 */
// A data script: longer than the ~250-line norm on purpose, so the whole history of the world reads in one place.
import { accountRecord } from "./accountSettings";
import { addDefaultFields, addDefaultPeople } from "./defaultWorldSetup";
import { createWorldBuilder, type World, type WorldBuilder } from "./worldBuilder";

/** A 1×1 transparent PNG, the screenshot attached to ticket 11. */
export const TINY_PNG = Uint8Array.from(
	Buffer.from(
		"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
		"base64",
	),
);

/** The text of ticket 11's crash.log. */
export const CRASH_LOG =
	"2025-02-03 10:14:07 ERROR PrintSpooler: queue stalled (code 0x4e21)\n2025-02-03 10:14:08 WARN  Driver: retrying job 118\n";

const cf = (values: Record<number, unknown>) =>
	Object.entries(values).map(([id, value]) => ({ id: Number(id), value }));

/** Replays the default world's tickets (ids 1–15, in order). */
export function addDefaultTickets(w: WorldBuilder): void {
	w.at("2025-01-06T09:12:00Z");
	w.create("agent@example.com", {
		subject: "Printer is on fire",
		type: "incident",
		priority: "urgent",
		requester_id: 1101,
		assignee_id: 1002,
		group_id: 6001,
		tags: ["printer", "fire"],
		custom_fields: cf({ 5108: "hd_3000", 5103: 3 }),
		comment: { body: "Our office printer started smoking during a large print job. We unplugged it.", author_id: 1101 },
		email_ccs: [{ user_id: 1102 }, { user_id: 1103 }],
		followers: [{ user_id: 1003 }],
	});
	w.setChannel(1, "email", { address: "olivia.bennett@example.org", name: "Olivia Bennett" });
	w.at("2025-01-06T09:40:00Z");
	w.update("agent@example.com", 1, {
		comment: { body: "Thanks Olivia, please keep it unplugged. A technician is on the way.", public: true },
		metadata: { source: "sidebar-app", time_spent: "4m12s" },
	});

	w.at("2025-01-08T14:02:00Z");
	w.create("maria@example.com", {
		subject: "Every custom field set",
		requester_id: 1104,
		assignee_id: 1003,
		ticket_form_id: 7001,
		priority: "normal",
		type: "question",
		comment: { body: "Ticket used to show every custom field type.", author_id: 1104 },
		custom_fields: cf({
			5101: "ORD-20250108-117",
			5102: "1. Open the app\n2. Click Export\n3. Nothing happens",
			5103: 12,
			5104: "49.90",
			5105: "2024-12-19",
			5106: true,
			5107: "SX-1042",
			5108: "hd_5555",
			5109: ["platform_windows", "platform_macos"],
			5110: 1003,
			5111: "4111 1111 1111 1111",
			5112: "resolved_workaround",
			5114: 9004,
		}),
	});

	w.at("2025-01-10T07:55:00Z");
	w.create("agent@example.com", {
		subject: "Cannot log in after password reset",
		requester_id: 1105,
		comment: {
			body: "I reset my password this morning and now the login page says my account is locked.",
			author_id: 1105,
		},
	});
	w.setChannel(3, "web");

	w.at("2025-01-13T11:20:00Z");
	w.create("kenji@example.com", {
		subject: "Invoice shows wrong VAT rate",
		requester_id: 1106,
		assignee_id: 1004,
		group_id: 6002,
		priority: "normal",
		tags: ["billing", "vat"],
		custom_fields: cf({ 5104: "49.90", 5101: "INV-88412" }),
		comment: { body: "Invoice INV-88412 applies 21% VAT, but we are based in Germany.", author_id: 1106 },
	});
	w.at("2025-01-13T12:05:00Z");
	w.update("kenji@example.com", 4, {
		status: "pending",
		comment: { body: "Could you send us your VAT ID so we can correct the invoice?", public: true },
	});

	w.at("2025-01-15T16:30:00Z");
	w.create("agent@example.com", {
		subject: "Replacement part on back-order",
		requester_id: 1107,
		assignee_id: 1002,
		group_id: 6003,
		ticket_form_id: 7002,
		custom_fields: cf({ 5108: "scanner_x2", 5107: "SX-2231", 5105: "2024-11-02" }),
		comment: { body: "The paper feed roller of my Scanner X2 broke.", author_id: 1107 },
	});
	w.update("agent@example.com", 5, {
		status: "hold",
		comment: { body: "Waiting for the supplier to ship the roller (ETA 2 weeks).", public: false },
	});

	w.at("2025-01-20T10:00:00Z");
	w.create("maria@example.com", {
		subject: "How do I export my contacts?",
		type: "question",
		requester_id: 1108,
		assignee_id: 1003,
		comment: { body: "Is there a way to export all my contacts to CSV?", author_id: 1108 },
	});
	w.at("2025-01-20T10:25:00Z");
	w.update("maria@example.com", 6, {
		status: "solved",
		custom_fields: cf({ 5112: "resolved_fixed" }),
		comment: { body: "Yes: Settings → Contacts → Export. Let me know if anything is unclear!", public: true },
	});

	w.at("2025-01-22T08:10:00Z");
	w.create("agent@example.com", {
		subject: "Scanner jams on every page",
		type: "incident",
		priority: "high",
		requester_id: 1109,
		assignee_id: 1002,
		group_id: 6003,
		ticket_form_id: 7002,
		tags: ["scanner", "jam"],
		custom_fields: cf({ 5108: "scanner_x2", 5107: "SX-1187", 5109: ["platform_windows"] }),
		comment: {
			body: "Every page I scan gets stuck halfway. My colleagues Ethan and Yuki see the same.",
			author_id: 1109,
		},
		email_ccs: [{ user_id: 1110 }, { user_id: 1111 }],
		followers: [{ user_id: 1004 }],
	});
	w.setChannel(7, "email", { address: "hannah.schmidt@example.org", name: "Hannah Schmidt" });
	w.at("2025-01-22T09:00:00Z");
	w.update("agent@example.com", 7, {
		comment: { body: "Could you try cleaning the rollers with the cloth from the box?", public: true },
		metadata: { source: "sidebar-app", time_spent: "6m02s" },
	});
	w.at("2025-01-22T15:45:00Z");
	w.update("agent@example.com", 7, {
		comment: { body: "Customer confirmed the cleaning did not help; ordering a new roller.", public: false },
		metadata: { source: "sidebar-app", macro: "hardware-escalation" },
	});
	w.at("2025-01-27T10:30:00Z");
	w.update("agent@example.com", 7, {
		status: "solved",
		custom_fields: cf({ 5112: "resolved_fixed" }),
		comment: { body: "The new roller is installed. Scanning works again.", public: true },
	});
	w.at("2025-01-31T10:30:00Z");
	w.update("admin@example.com", 7, { status: "closed" });

	w.at("2025-02-01T09:00:00Z");
	w.create("kenji@example.com", {
		subject: "Refund not received",
		requester_id: 1101,
		assignee_id: 1004,
		group_id: 6002,
		tags: ["refund"],
		custom_fields: cf({ 5104: "120.00" }),
		comment: { body: "I returned the printer two weeks ago and have not received my refund.", author_id: 1101 },
	});
	w.at("2025-02-01T09:30:00Z");
	w.update("kenji@example.com", 8, {
		status: "solved",
		custom_fields: cf({ 5112: "resolved_fixed" }),
		comment: { body: "The refund of 120.00 EUR was issued today.", public: true },
	});
	w.at("2025-02-05T09:30:00Z");
	w.update("kenji@example.com", 8, { status: "closed" });
	w.at("2025-02-06T13:15:00Z");
	w.create("kenji@example.com", {
		via_followup_source_id: 8,
		assignee_id: 1004,
		comment: { body: "The customer says the refund still has not arrived." },
	});

	w.at("2025-02-07T08:00:00Z");
	w.create("admin@example.com", {
		subject: "Feature request: dark mode",
		type: "question",
		requester_id: 1112,
		assignee_id: 1001,
		comment: { body: "Would love a dark mode for the dashboard.", author_id: 1112 },
	});
	w.update("admin@example.com", 10, {
		status: "closed",
		custom_fields: cf({ 5112: "resolved_no_fault" }),
		comment: { body: "Thanks! Logged as a feature request.", public: true },
	});

	w.at("2025-02-10T10:20:00Z");
	const token = w.upload("liam.oconnor@example.org", "crash.log", "text/plain", new TextEncoder().encode(CRASH_LOG));
	const screenshot = w.upload("liam.oconnor@example.org", "screenshot.png", "image/png", TINY_PNG);
	w.create("agent@example.com", {
		subject: "Error log attached",
		requester_id: 1102,
		assignee_id: 1002,
		comment: {
			body: "The spooler crashed again, log and screenshot attached.",
			author_id: 1102,
			uploads: [token, screenshot],
		},
	});

	w.at("2025-02-12T09:00:00Z");
	w.create("maria@example.com", {
		subject: "Shipping address change",
		requester_id: 1103,
		assignee_id: 1003,
		comment: { body: "Please ship my order to my new address in Milan.", author_id: 1103 },
	});
	w.at("2025-02-12T10:00:00Z");
	w.update("light@example.com", 12, {
		comment: { body: "FYI: the warehouse already packed this order.", public: false },
	});

	w.at("2025-02-14T09:00:00Z");
	w.create("tomas@example.com", {
		subject: "Onboarding call for new team",
		type: "task",
		due_at: "2025-04-01T09:00:00Z",
		requester_id: 1111,
		assignee_id: 1006,
		status: "pending",
		comment: { body: "Schedule a 30-minute onboarding call with the new team.", author_id: 1111 },
	});

	w.at("2025-02-17T07:30:00Z");
	w.create("admin@example.com", {
		subject: "EU outage: checkout unavailable",
		type: "problem",
		priority: "urgent",
		assignee_id: 1001,
		requester_id: 1001,
		group_id: 6001,
		comment: { body: "Checkout returns 502 for EU customers since 07:10 UTC.", public: false },
	});
	w.create("agent@example.com", {
		subject: "Cannot pay at checkout",
		type: "incident",
		problem_id: 14,
		requester_id: 1110,
		assignee_id: 1002,
		comment: { body: "The payment page shows an error every time.", author_id: 1110 },
	});
	// Tickets 11 and 12 become incidents of problem 14 too (issue 14, bulk updates of related
	// tickets): open tickets whose tests only read their comments. Linked by a later update, as an
	// agent would, since problem_id must name an existing problem (14 did not exist yet).
	w.at("2025-02-17T08:05:00Z");
	w.update("agent@example.com", 11, { type: "incident", problem_id: 14 });
	w.update("maria@example.com", 12, { type: "incident", problem_id: 14 });
}

/** The default world: a realistic account with the CCs-and-followers experience on. */
export const defaultWorld: World = {
	name: "default",
	description:
		"Realistic account: 6 staff (one light agent), 12 end users, 15 tickets in every status, every custom field type, CCs and followers on",
	otherAgentEmail: "maria@example.com",
	build() {
		const w = createWorldBuilder(accountRecord({ ccsAndFollowers: true }), "2025-01-02T08:00:00Z");
		addDefaultPeople(w);
		addDefaultFields(w);
		addDefaultTickets(w);
		return w.seed();
	},
};
