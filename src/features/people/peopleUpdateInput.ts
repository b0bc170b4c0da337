/**
 * The people patch (camelCase domain) as Zendesk's update body (`TicketUpdateInput`). Pure; adds
 * nothing else to the update —
 * in particular never a comment, so email CC changes can never be dropped by an internal note in
 * the same update.
 */
import type { TicketPatch } from "../../ticket/createTicketStore";
import type { PeoplePatch, PeoplePatchItem } from "../../shared/peopleTypes";

/**
 * The people part of the ONE people update, as the ticket's writer takes it (it adds `safe_update`,
 * `updated_stamp` and the pending metadata).
 */
export function toPeopleUpdateInput(patch: PeoplePatch): TicketPatch {
	const input: TicketPatch = {};
	if (patch.emailCcs !== undefined) input.email_ccs = patch.emailCcs.map(toItem);
	if (patch.followers !== undefined) input.followers = patch.followers.map(toItem);
	if (patch.collaborators !== undefined) input.collaborators = [...patch.collaborators];
	if (patch.additionalCollaborators !== undefined) input.additional_collaborators = [...patch.additionalCollaborators];
	return input;
}

// `user_id` is a string in Zendesk's docs and OAS examples; send it that way.
function toItem(item: PeoplePatchItem) {
	return {
		...(item.userId !== undefined ? { user_id: String(item.userId) } : {}),
		...(item.userEmail !== undefined ? { user_email: item.userEmail } : {}),
		...(item.userName !== undefined ? { user_name: item.userName } : {}),
		action: item.action,
	};
}
