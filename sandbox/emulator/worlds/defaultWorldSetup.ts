/**
 * Organizations, people, groups, fields and forms of the default world (the tickets are in `default.ts`). Ids are
 * stable and documented in `default.ts` and docs/emulator.md: other tests rely on them.
 */
import type { WorldBuilder } from "./worldBuilder";

/**
 * Organizations 9001–9005: the three the end users belong to (9001–9003), and two partners without
 * members (9004 is ticket 2's "Partner organization"). 9002 and 9005 share the prefix "Har", and
 * 9001 and 9004 the prefix "Bright", so autocomplete has something to tell apart.
 */
export function addDefaultOrganizations(w: WorldBuilder): void {
	w.addOrganization({
		id: 9001,
		name: "Brightwater Logistics",
		domain_names: ["brightwater.example"],
		details: "12 Harbour Road, Bristol BS1 4RN, United Kingdom",
		notes: "Key account since 2021",
		external_id: "CRM-4471",
		tags: ["logistics", "key_account"],
	});
	w.addOrganization({
		id: 9002,
		name: "Hartmann Druck GmbH",
		domain_names: ["hartmann-druck.example"],
		details: "Speicherstraße 8, 20457 Hamburg, Germany",
		external_id: "CRM-5120",
		tags: ["printing", "vat_de"],
	});
	w.addOrganization({
		id: 9003,
		name: "Meridian Health Partners",
		domain_names: ["meridian-health.example"],
		details: "400 Station Road, Leeds LS1 4DY, United Kingdom",
		tags: ["healthcare"],
	});
	w.addOrganization({
		id: 9004,
		name: "Brightline Office Supplies",
		domain_names: ["brightline.example"],
		notes: "Authorised reseller of HD printers and the Scanner X2",
		external_id: "PARTNER-17",
		tags: ["partner", "reseller"],
	});
	w.addOrganization({
		id: 9005,
		name: "Harbour Print Partners",
		domain_names: ["harbourprint.example"],
		notes: "Service partner for on-site printer repairs",
		tags: ["partner", "service"],
	});
}

/** Organizations (9001–9005, see `addDefaultOrganizations`), staff (1001–1007) and end users (1101–1112). */
export function addDefaultPeople(w: WorldBuilder): void {
	addDefaultOrganizations(w);
	w.addGroup(6001, "Support", true);
	w.addGroup(6002, "Billing");
	w.addGroup(6003, "Hardware");
	w.addUser({
		id: 1001,
		name: "Ada Lindqvist",
		email: "admin@example.com",
		role: "admin",
		role_type: 4,
		default_group_id: 6001,
		time_zone: "Europe/Stockholm",
	});
	w.addUser({
		id: 1002,
		name: "Sam Carter",
		email: "agent@example.com",
		role: "agent",
		default_group_id: 6001,
		photo_id: 8801002,
	});
	w.addUser({
		id: 1003,
		name: "Maria González",
		email: "maria@example.com",
		role: "agent",
		default_group_id: 6001,
		time_zone: "Europe/Madrid",
		locale: "es",
		locale_id: 2,
	});
	w.addUser({
		id: 1004,
		name: "Kenji Watanabe",
		email: "kenji@example.com",
		role: "agent",
		default_group_id: 6002,
		time_zone: "Asia/Tokyo",
	});
	w.addUser({
		id: 1005,
		name: "Lena Hoffmann",
		email: "light@example.com",
		role: "agent",
		role_type: 1,
		default_group_id: 6003,
		time_zone: "Europe/Berlin",
		locale: "de",
		locale_id: 8,
	});
	w.addUser({
		id: 1006,
		name: "Tomás Novak",
		email: "tomas@example.com",
		role: "agent",
		default_group_id: 6003,
		time_zone: "Europe/Prague",
	});
	// The French-speaking agent: sign in as her to see the app in French (docs/workspace.md).
	w.addUser({
		id: 1007,
		name: "Camille Lefèvre",
		email: "camille@example.com",
		role: "agent",
		default_group_id: 6001,
		time_zone: "Europe/Paris",
		locale: "fr",
		locale_id: 16,
	});
	const endUsers: Array<[number, string, string, number | null]> = [
		[1101, "Olivia Bennett", "olivia.bennett@example.org", 9001],
		[1102, "Liam O'Connor", "liam.oconnor@example.org", 9001],
		[1103, "Sofia Rossi", "sofia.rossi@example.net", null],
		[1104, "Noah Fischer", "noah.fischer@example.org", 9002],
		[1105, "Amara Okafor", "amara.okafor@example.net", null],
		[1106, "Lucas Martin", "lucas.martin@example.org", 9002],
		[1107, "Chloé Dubois", "chloe.dubois@example.net", null],
		[1108, "Mateo Silva", "mateo.silva@example.org", null],
		[1109, "Hannah Schmidt", "hannah.schmidt@example.org", 9003],
		[1110, "Ethan Clarke", "ethan.clarke@example.org", 9003],
		[1111, "Yuki Tanaka", "yuki.tanaka@example.net", null],
		[1112, "Fatima El Amrani", "fatima.elamrani@example.org", null],
	];
	for (const [id, name, email, organization_id] of endUsers)
		w.addUser({
			id,
			name,
			email,
			organization_id,
			phone: `+44 20 7946 0${String(id).slice(-3)}`,
			// Olivia and Sam (1002) have a profile photo (userPhoto.ts), the others none, as on a real account.
			...(id === 1101 ? { photo_id: 8801101 } : {}),
		});
}

/**
 * System fields 5001–5007, custom fields 5101–5114 (one of each type; 5112 required on solve; 5113
 * inactive; 5114 a second lookup, to organizations), forms 7001–7002.
 */
export function addDefaultFields(w: WorldBuilder): void {
	const system: Array<[number, string, string]> = [
		[5001, "subject", "Subject"],
		[5002, "description", "Description"],
		[5003, "status", "Status"],
		[5004, "tickettype", "Type"],
		[5005, "priority", "Priority"],
		[5006, "group", "Group"],
		[5007, "assignee", "Assignee"],
	];
	system.forEach(([id, type, title], i) =>
		w.addField({
			id,
			type,
			title,
			position: i + 1,
			removable: false,
			required: type === "subject" || type === "description",
			visible_in_portal: type !== "group" && type !== "assignee",
		}),
	);
	w.addField({
		id: 5101,
		type: "text",
		title: "Order number",
		position: 10,
		description: "The order number from the confirmation email",
	});
	w.addField({ id: 5102, type: "textarea", title: "Steps to reproduce", position: 11 });
	w.addField({ id: 5103, type: "integer", title: "Seats affected", position: 12 });
	w.addField({ id: 5104, type: "decimal", title: "Refund amount", position: 13, visible_in_portal: false });
	w.addField({ id: 5105, type: "date", title: "Purchase date", position: 14 });
	w.addField({
		id: 5106,
		type: "checkbox",
		title: "VIP customer",
		tag: "vip_customer",
		position: 15,
		visible_in_portal: false,
	});
	w.addField({
		id: 5107,
		type: "regexp",
		title: "Serial number",
		regexp_for_validation: "^[A-Z]{2}-\\d{4}$",
		position: 16,
		description: "Two capital letters, a dash and four digits, e.g. SX-1042",
	});
	w.addField({
		id: 5108,
		type: "tagger",
		title: "Product",
		position: 17,
		options: [
			["hd_3000", "HD 3000 color printer"],
			["hd_5555", "HD 5555 laser printer"],
			["scanner_x2", "Scanner X2"],
			["other_product", "Other"],
		],
	});
	w.addField({
		id: 5109,
		type: "multiselect",
		title: "Affected platforms",
		position: 18,
		options: [
			["platform_windows", "Windows"],
			["platform_macos", "macOS"],
			["platform_linux", "Linux"],
			["platform_ios", "iOS"],
			["platform_android", "Android"],
		],
	});
	w.addField({
		id: 5110,
		type: "lookup",
		title: "Account manager",
		position: 19,
		relationship_target_type: "zen:user",
		relationship_filter: { all: [{ field: "role", operator: "is", value: "Agent" }], any: [] },
		visible_in_portal: false,
	});
	w.addField({ id: 5111, type: "partialcreditcard", title: "Card on file", position: 20, visible_in_portal: false });
	w.addField({
		id: 5112,
		type: "tagger",
		title: "Resolution code",
		position: 21,
		required: true,
		visible_in_portal: false,
		options: [
			["resolved_fixed", "Fixed"],
			["resolved_workaround", "Workaround provided"],
			["resolved_no_fault", "No fault found"],
			["resolved_duplicate", "Duplicate"],
		],
	});
	w.addField({ id: 5113, type: "text", title: "Legacy region", position: 22, active: false });
	w.addField({
		id: 5114,
		type: "lookup",
		title: "Partner organization",
		position: 23,
		description: "The reseller or service partner involved, if any",
		relationship_target_type: "zen:organization",
		visible_in_portal: false,
	});
	w.addForm({
		id: 7001,
		name: "General support",
		default: true,
		ticket_field_ids: [
			5001, 5002, 5003, 5004, 5005, 5006, 5007, 5101, 5102, 5103, 5104, 5105, 5106, 5107, 5108, 5109, 5110, 5111, 5112,
			5114,
		],
	});
	w.addForm({
		id: 7002,
		name: "Hardware issue",
		display_name: "Report a hardware problem",
		ticket_field_ids: [5001, 5002, 5003, 5005, 5006, 5007, 5108, 5107, 5105, 5102, 5109, 5112],
		agent_conditions: [
			{
				parent_field_id: 5108,
				value: "scanner_x2",
				child_fields: [{ id: 5109, is_required: false, required_on_statuses: { type: "NO_STATUSES" } }],
			},
		],
	});
}
