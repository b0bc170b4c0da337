/**
 * Account settings for worlds, following the OAS AccountSettingsObject example (zendesk-support-oas.yaml
 * `AccountSettingsResponse`): the groups the emulator reads plus a realistic rest.
 */
import type { AccountRecord, AccountSettings } from "../db/records";
import { SANDBOX_API_TOKEN } from "../routes/auth";

/** Options for accountSettings. */
export interface AccountSettingsOptions {
	/** "CCs and followers" experience on (`tickets.follower_and_email_cc_collaborations`). */
	ccsAndFollowers: boolean;
}

/** Settings of a world's account. 50 MB attachment limit (§9 [S]; OAS example `limits.attachment_size: 52428800`). */
export function accountSettings(options: AccountSettingsOptions): AccountSettings {
	return {
		active_features: {
			allow_ccs: true,
			light_agents: true,
			ticket_forms: true,
			ticket_tagging: true,
			customer_satisfaction: false,
			on_hold_status: true,
			markdown: false,
			sandbox: true,
		},
		agents: { agent_workspace: true, focus_mode: false, idle_timeout_enabled: false, unified_agent_statuses: false },
		api: { accepted_api_agreement: true, api_password_access: "true", api_token_access: "true" },
		apps: { create_private: true, create_public: false, use: true },
		brands: { default_brand_id: 8001, require_brand_on_new_tickets: false },
		limits: { attachment_size: 52_428_800 },
		localization: { locale_ids: [1, 2, 8, 16] },
		ticket_form: {
			raw_ticket_forms_instructions: "Please choose your issue below",
			ticket_forms_instructions: "Please choose your issue below",
		},
		tickets: {
			accepted_new_collaboration_tos: true,
			agent_collision: true,
			allow_group_reset: true,
			assign_default_organization: true,
			assign_tickets_upon_solve: true,
			collaboration: true,
			comments_public_by_default: true,
			email_attachments: false,
			follower_and_email_cc_collaborations: options.ccsAndFollowers,
			is_first_comment_private_enabled: true,
			light_agent_email_ccs_allowed: false,
			list_empty_views: true,
			markdown_ticket_comments: false,
			private_attachments: false,
			rich_text_comments: true,
			status_hold: true,
			tagging: true,
		},
		user: {
			agent_created_welcome_emails: true,
			language_selection: true,
			multiple_organizations: false,
			tagging: true,
			time_zone_selection: true,
		},
	};
}

/** An account record: subdomain `sandbox`, API token `sandbox`, no passwords yet. */
export function accountRecord(options: AccountSettingsOptions): AccountRecord {
	return { subdomain: "sandbox", settings: accountSettings(options), api_tokens: [SANDBOX_API_TOKEN], passwords: {} };
}
