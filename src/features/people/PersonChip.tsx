/**
 * One person in a CC / follower list: avatar (the user's https photo, else initials), name, email,
 * role or state badges, and a remove button (or Undo for a staged change). Renders data as text and
 * attributes only; does not stage anything itself.
 */
import { useState } from "preact/hooks";
import { displayEmail, displayName, initials } from "./rules/peopleIdentity";
import type { PeopleRow } from "./rules/peopleSummary";
import { httpsUrl } from "../../platform/api/normalizeGuards";
import { useT } from "../../platform/context";
import { Button } from "../../ui/Button";

export interface PersonChipProps {
	row: PeopleRow;
	disabled?: boolean;
	/** No remove or Undo button at all (the ticket can't be changed). */
	readOnly?: boolean;
	/** Stage the removal of a current person. */
	onRemove?(): void;
	/** Drop the staged change about this person. */
	onUndo?(): void;
}

const STATE_KEYS: Record<Exclude<PeopleRow["state"], "current">, string> = {
	adding: "people.chip.adding",
	removing: "people.chip.removing",
};

/** A list item for one person. */
export function PersonChip({ row, disabled = false, readOnly = false, onRemove, onUndo }: PersonChipProps) {
	const t = useT();
	const name = displayName(row.person);
	const email = displayEmail(row.person);
	const badges = badgesFor(row, t);
	return (
		<li class={`zd-person zd-person--${row.state}`} data-state={row.state} data-person={row.key}>
			<PersonAvatar name={name} photoUrl={row.person.kind === "user" ? row.person.user.photoUrl : null} />
			<span class="zd-person__text">
				<span class="zd-person__name">{name}</span>
				{email !== null && email !== name ? <span class="zd-person__email">{email}</span> : null}
				{badges.length > 0 || row.state !== "current" ? (
					<span class="zd-person__badges">
						{row.state !== "current" ? <span class="zd-person__state">{t(STATE_KEYS[row.state])}</span> : null}
						{badges.map(badge => (
							<span key={badge} class="zd-person__badge">
								{badge}
							</span>
						))}
					</span>
				) : null}
			</span>
			{readOnly ? null : row.state === "current" ? (
				<button
					type="button"
					class="zd-person__remove"
					aria-label={t("people.chip.remove", { name })}
					title={t("people.chip.remove", { name })}
					disabled={disabled}
					onClick={onRemove}
				>
					<span aria-hidden="true">×</span>
				</button>
			) : (
				<Button small variant="basic" disabled={disabled} onClick={onUndo}>
					{t("people.chip.undo")}
				</Button>
			)}
		</li>
	);
}

/**
 * The initials circle, or the photo inside it. Decorative (the name is text next to it), hence
 * `aria-hidden` and `alt=""`. Only an `https:` URL is loaded, checked again here with the API
 * edge's own guard so a person built anywhere else cannot load anything else; a photo that fails
 * to load falls back to the initials, and a different URL (a new photo) is tried again.
 */
function PersonAvatar({ name, photoUrl }: { name: string; photoUrl: string | null | undefined }) {
	const [failed, setFailed] = useState<string | null>(null);
	const photo = httpsUrl(photoUrl);
	return (
		<span class="zd-person__avatar" aria-hidden="true">
			{photo !== null && photo !== failed ? (
				<img
					class="zd-person__photo"
					src={photo}
					alt=""
					width={28}
					height={28}
					// No Referer: the photo's host needs nothing from the app's iframe URL.
					referrerpolicy="no-referrer"
					onError={() => setFailed(photo)}
				/>
			) : (
				initials(name)
			)}
		</span>
	);
}

function badgesFor(row: PeopleRow, t: (key: string) => string): string[] {
	const { person } = row;
	if (person.kind === "email") return [t("people.chip.new")];
	const out: string[] = [];
	if (person.user.role === "admin") out.push(t("people.chip.admin"));
	else if (person.user.role === "agent") out.push(t("people.chip.agent"));
	if (!person.user.active) out.push(t("people.chip.inactive"));
	else if (person.user.suspended) out.push(t("people.chip.suspended"));
	return out;
}
