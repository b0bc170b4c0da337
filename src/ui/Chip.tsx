/** One chosen person or record wherever a picker shows it: avatar, name, email, badges, a × (or another action). */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { httpsUrl } from "../platform/api/normalize";
import { initials } from "../shared/userLabel";

export interface ChipProps {
	name: string;
	/** Shown under the name unless it is the name. */
	email?: string | null;
	photoUrl?: string | null;
	/** Role and state badges (translated). */
	badges?: readonly string[];
	/** A staged change (People): `adding` green, `removing` struck through, with `stateLabel`. */
	state?: "current" | "adding" | "removing";
	stateLabel?: string;
	/** A problem with this one (translated), shown on the chip. */
	issue?: string | null;
	/** The ×'s accessible name ("Remove Noah Fischer"); none without it or with `action`. Removes nothing itself. */
	removeLabel?: string;
	onRemove?(): void;
	/** What stands where the × would (Undo, Change). */
	action?: ComponentChildren;
	disabled?: boolean;
	/** `data-person`, for tests and styles. */
	personKey?: string;
}

/** A list item for one chosen person or record. */
export function Chip(props: ChipProps) {
	const { name, email = null, badges = [], state = "current", issue = null, removeLabel, action } = props;
	return (
		<li
			class={`zd-person zd-person--${state}${issue ? " has-issue" : ""}`}
			data-state={state}
			data-person={props.personKey}
		>
			<Avatar name={name} photoUrl={props.photoUrl} />
			<span class="zd-person__text">
				<span class="zd-person__name">{name}</span>
				{email !== null && email !== name ? <span class="zd-person__email">{email}</span> : null}
				{badges.length > 0 || props.stateLabel ? (
					<span class="zd-person__badges">
						{props.stateLabel ? <span class="zd-person__state">{props.stateLabel}</span> : null}
						{badges.map(badge => (
							<span key={badge} class="zd-person__badge">
								{badge}
							</span>
						))}
					</span>
				) : null}
				{issue ? <span class="zd-field__issue">{issue}</span> : null}
			</span>
			{action ??
				(removeLabel ? (
					<button
						type="button"
						class="zd-person__remove"
						aria-label={removeLabel}
						title={removeLabel}
						disabled={props.disabled}
						onClick={props.onRemove}
					>
						<span aria-hidden="true">×</span>
					</button>
				) : null)}
		</li>
	);
}

/** Initials or the `https:` photo (re-checked here), decorative; a failed photo shows initials till the URL changes. */
function Avatar({ name, photoUrl }: { name: string; photoUrl: string | null | undefined }) {
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
