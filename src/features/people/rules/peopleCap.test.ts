import { describe, expect, it } from "vitest";
import { MAX_EMAIL_CCS, countCcs, isRequester } from "./peopleCap";
import { CAST, aCurrent, manyUsers, stagedFrom } from "../../../testing/peopleFixtures";
import { userRef } from "./peopleIdentity";
import type { StagedPeople } from "../../../shared/peopleTypes";

describe("countCcs", () => {
	const cases: Array<
		[label: string, ccIds: number[], staged: StagedPeople, final: number, added: number, requested: number]
	> = [
		["nothing staged", [2, 3], stagedFrom(), 2, 0, 0],
		["an addition", [2], stagedFrom("+cc 3"), 2, 1, 1],
		["a removal (which still counts as a request item)", [2, 3], stagedFrom("-cc 2"), 1, 0, 1],
		["adding a current CC counts nothing", [2], stagedFrom("+cc 2"), 1, 0, 0],
		["adding a current CC by email counts nothing", [2], stagedFrom("+cc ANN@example.com"), 1, 0, 0],
		["removing someone who is not a CC counts nothing", [2], stagedFrom("-cc 3"), 1, 0, 0],
		["the requester is never counted", [], stagedFrom("+cc 1"), 0, 0, 0],
		["the requester by email is never counted", [], stagedFrom("+cc rita@example.com"), 0, 0, 0],
		["followers never count", [2], stagedFrom("+follower 10", "+follower 11"), 1, 0, 0],
		["an agent both follower and CC counts once as a CC", [], stagedFrom("+follower 10", "+cc 10"), 1, 1, 1],
		["the same person by id and by email counts once", [], stagedFrom("+cc 3", "+cc bob@example.com"), 1, 1, 1],
		["new emails count", [], stagedFrom("+cc a@x.com", "+cc b@x.com Bee"), 2, 2, 2],
		["a swap counts both items", [2], stagedFrom("-cc 2", "+cc 3"), 1, 1, 2],
	];
	it.each(cases)("%s", (_label, ccIds, staged, final, added, requested) => {
		const counts = countCcs(aCurrent(ccIds), staged);
		expect(counts).toEqual({ current: ccIds.length, final, added, requested, max: MAX_EMAIL_CCS });
	});

	it("counts a swap at the cap as staying at the cap", () => {
		const current = aCurrent([], [], { ccs: manyUsers(48) });
		const first = manyUsers(1)[0];
		if (first === undefined) throw new Error("fixture");
		const staged: StagedPeople = {
			changes: [...stagedFrom("+cc 2").changes, { list: "ccs", op: "remove", person: userRef(first) }],
		};
		expect(countCcs(current, staged).final).toBe(48);
	});

	it("is 48, as Zendesk documents", () => {
		expect(MAX_EMAIL_CCS).toBe(48);
	});
});

describe("isRequester", () => {
	it("recognises the requester by id and by email, and nobody else", () => {
		const current = aCurrent([]);
		expect(isRequester(current, userRef(CAST.rita))).toBe(true);
		expect(isRequester(current, { kind: "email", email: "RITA@example.com", name: null })).toBe(true);
		expect(isRequester(current, userRef(CAST.ann))).toBe(false);
		expect(isRequester({ ...current, requesterId: null, requesterEmail: null }, userRef(CAST.rita))).toBe(false);
	});
});
