import { describe, expect, it } from "vitest";
import { createManualClock } from "../db/clock";
import { createDb } from "../db/db";
import { fail, ok, transaction, type ServiceContext } from "./serviceTypes";
import { updateTicket } from "./ticketService";
import { worldSeed } from "../worlds/index";

const context = (): ServiceContext => {
	const seed = worldSeed("default");
	if (!seed) throw new Error("no default world");
	return { db: createDb(seed), clock: createManualClock("2025-03-03T10:00:00Z"), notify: () => undefined };
};

describe("transaction", () => {
	it("puts every collection back when the work fails", () => {
		const ctx = context();
		const result = transaction(ctx.db, () => {
			ctx.db.tickets.splice(0);
			ctx.db.users.push({ ...ctx.db.users[0]!, id: 1 });
			return fail({ kind: "not_found" });
		});
		expect(result.ok).toBe(false);
		expect(ctx.db.tickets).toHaveLength(15);
		expect(ctx.db.users.some(u => u.id === 1)).toBe(false);
	});

	it("keeps the work when it succeeds", () => {
		const ctx = context();
		transaction(ctx.db, () => {
			ctx.db.tickets.splice(0, 1);
			return ok(undefined);
		});
		expect(ctx.db.tickets).toHaveLength(14);
	});
});

describe("updateTicket (service level, no HTTP)", () => {
	it("returns a Result instead of a status: invalid for a closed ticket, not_found for an unknown one", () => {
		const ctx = context();
		const admin = ctx.db.users.find(u => u.id === 1001)!;
		const closed = updateTicket(ctx, admin, 7, { priority: "low" });
		expect(closed).toEqual({
			ok: false,
			failure: { kind: "invalid", issues: [{ field: "status", description: "Status: closed prevents ticket update" }] },
		});
		expect(updateTicket(ctx, admin, 999, {})).toEqual({ ok: false, failure: { kind: "not_found" } });
	});

	it("creates the users of a failed update's email CCs only when the whole update succeeds", () => {
		const ctx = context();
		const admin = ctx.db.users.find(u => u.id === 1001)!;
		const failed = updateTicket(ctx, admin, 1, {
			email_ccs: [{ user_email: "new@example.org" }],
			custom_fields: [{ id: 5105, value: "not a date" }],
		});
		expect(failed.ok).toBe(false);
		expect(ctx.db.users.some(u => u.email === "new@example.org")).toBe(false);
		const worked = updateTicket(ctx, admin, 1, { email_ccs: [{ user_email: "new@example.org" }] });
		expect(worked.ok).toBe(true);
		expect(ctx.db.users.some(u => u.email === "new@example.org")).toBe(true);
	});
});
