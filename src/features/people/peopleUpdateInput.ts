/**
 * The people patch (camelCase domain) as Zendesk's update body (`TicketUpdateInput`), plus the
 * safe-update fields and the audit metadata attached to it. Pure; adds nothing else to the update —
 * in particular never a comment, so email CC changes can never be dropped by an internal note in
 * the same update.
 */
import type { TicketUpdateInput } from "../../platform/api/wire";
import type { MetadataObject } from "../../ticket/metadata/metadata";
import type { PeoplePatch, PeoplePatchItem } from "../../shared/peopleTypes";

/**
 * Builds the body of the ONE people update: the patch plus `safe_update: true` and `updated_stamp`,
 * and `metadata` when given (already checked by the shared metadata model; not validated here).
 */
export function toPeopleUpdateInput(
	patch: PeoplePatch,
	updatedStamp: string,
	metadata?: MetadataObject,
): TicketUpdateInput {
	const input: TicketUpdateInput = { safe_update: true, updated_stamp: updatedStamp };
	if (patch.emailCcs !== undefined) input.email_ccs = patch.emailCcs.map(toItem);
	if (patch.followers !== undefined) input.followers = patch.followers.map(toItem);
	if (patch.collaborators !== undefined) input.collaborators = [...patch.collaborators];
	if (patch.additionalCollaborators !== undefined) input.additional_collaborators = [...patch.additionalCollaborators];
	if (metadata !== undefined) input.metadata = { ...metadata };
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
