/** One person in a CC / follower list as the shared `Chip`, with remove (or Undo for a staged change). Stages nothing itself. */
import type { PersonUser } from "../../shared/peopleTypes";
import type { PeopleRow } from "./rules/peopleSave";
import { displayName } from "./rules/stagedPeople";
import { useT } from "../../platform/context";
import { Button } from "../../ui/Button";
import { Chip } from "../../ui/Chip";

interface PersonChipProps {
	row: PeopleRow;
	disabled?: boolean;
	/** No remove or Undo button at all (the ticket can't be changed). */
	readOnly?: boolean;
	/** Stage the removal of a current person, or drop the staged change about them. */
	onRemove?(): void;
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
	return (
		<Chip
			name={name}
			email={row.person.kind === "user" ? row.person.user.email : row.person.email}
			photoUrl={row.person.kind === "user" ? row.person.user.photoUrl : null}
			badges={badgesFor(row, t)}
			state={row.state}
			{...(row.state !== "current" ? { stateLabel: t(STATE_KEYS[row.state]) } : {})}
			personKey={row.key}
			disabled={disabled}
			{...(readOnly || row.state !== "current" ? {} : { removeLabel: t("people.chip.remove", { name }) })}
			{...(onRemove ? { onRemove } : {})}
			action={
				readOnly || row.state === "current" ? undefined : (
					<Button small variant="basic" disabled={disabled} onClick={onUndo}>
						{t("people.chip.undo")}
					</Button>
				)
			}
		/>
	);
}

function badgesFor({ person }: PeopleRow, t: (key: string) => string): string[] {
	return person.kind === "email" ? [t("people.chip.new")] : userBadges(t, person.user);
}

/** A user's badges, translated: the role, and inactive or else suspended. */
export function userBadges(t: (key: string) => string, user: Pick<PersonUser, "role" | "active" | "suspended">) {
	const { role, active, suspended } = user;
	const roleKey = role === "admin" ? "people.chip.admin" : role === "agent" ? "people.chip.agent" : null;
	const stateKey = !active ? "people.chip.inactive" : suspended ? "people.chip.suspended" : null;
	return [roleKey, stateKey].flatMap(key => (key === null ? [] : [t(key)]));
}
