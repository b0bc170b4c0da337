import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmulator } from "../../../sandbox/emulator/createEmulator";
import { createInProcessPort } from "../../../sandbox/inProcessPort";
import { createZendeskApi } from "../../platform/api/client";
import type { PersonRef, PersonUser } from "../../shared/peopleTypes";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../../platform/storage/createDraftStore";
import { createMetadataModel } from "../../ticket/metadata/createMetadataModel";
import { createTicketStore } from "../../ticket/createTicketStore";
import { createPeopleModel, type PeopleModel } from "./createPeopleModel";
import { searchPeople } from "../../ui/createPeopleSearch";

interface SetupOptions {
	world?: string;
	user?: string;
	ticketId?: number;
	storage?: StorageLike;
	/** false: the host never delivers `ticket.updated` (as when the event arrives after the agent clicks Apply). */
	events?: boolean;
	/** The admin's `defaultMetadata` setting for the ticket's shared metadata model. */
	defaultMetadata?: string;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
});

function setup(options: SetupOptions = {}) {
	const {
		world = "default",
		user = "agent@example.com",
		ticketId = 1,
		storage = createMemoryStorage(),
		events = true,
		defaultMetadata = "",
	} = options;
	const emulator = createEmulator({ world, settings: { rateLimits: false } });
	const { port, client } = createInProcessPort({ emulator, userEmail: user, ticketId });
	const api = createZendeskApi(port);
	const userId = emulator.db.users.find(u => u.email === user)?.id ?? 0;
	// The ticket's core, as the panel's TicketProvider builds it.
	const metadata = createMetadataModel({
		drafts: createDraftStore(storage, userId, ticketId),
		defaultSetting: defaultMetadata,
	});
	const store = createTicketStore({ api, zaf: events ? port : { on: () => () => undefined }, ticketId, metadata });
	const model = createPeopleModel({
		ticket: store,
		api,
		drafts: createDraftStore(storage, userId, ticketId),
		searchDebounceMs: 0,
	});
	cleanups.push(() => {
		model.dispose();
		store.dispose();
		client.close();
		emulator.dispose();
	});
	const ticket = () => {
		const found = emulator.db.tickets.find(t => t.id === ticketId);
		if (!found) throw new Error(`ticket ${ticketId} missing`);
		return found;
	};
	const requests = () => emulator.controls.requests();
	const puts = () => requests().filter(r => r.method === "PUT");
	const audits = () => emulator.db.audits.filter(a => a.ticket_id === ticketId);
	return { emulator, client, api, model, metadata, storage, ticket, requests, puts, audits };
}

/** A user of the emulator's world as the people feature sees it. */
function userOf(setupResult: ReturnType<typeof setup>, id: number): PersonRef {
	const u = setupResult.emulator.db.users.find(x => x.id === id);
	if (!u) throw new Error(`user ${id} missing`);
	const user: PersonUser = {
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		roleType: u.role_type ?? null,
		active: u.active,
		suspended: u.suspended,
	};
	return { kind: "user", user };
}

const ids = (model: PeopleModel, list: "ccs" | "followers") => model.current.value?.[list].map(user => user.id);

describe("createPeopleModel against the emulator", () => {
	it("loads CCs and followers with their names in one ticket request, never one per person", async () => {
		const s = setup();
		await s.model.load();
		expect(s.model.state.value).toBe("ready");
		expect(s.model.current.value?.mode).toBe("ccsAndFollowers");
		expect(s.model.current.value?.ccs.map(u => u.name)).toEqual(["Liam O'Connor", "Sofia Rossi"]);
		expect(s.model.current.value?.followers.map(u => u.name)).toEqual(["Maria González"]);
		const urls = s.requests().map(r => `${r.method} ${r.url}`);
		expect(urls.filter(u => u.includes("/tickets/1"))).toHaveLength(1);
		expect(urls.filter(u => u.includes("/users"))).toEqual([]);
	});

	it("applies additions and removals of CCs and followers in exactly one safe PUT", async () => {
		const s = setup();
		await s.model.load();
		s.emulator.controls.clearRequests();
		expect(s.model.add("ccs", userOf(s, 1104))).toBe(true);
		s.model.remove("ccs", userOf(s, 1102));
		expect(s.model.add("followers", userOf(s, 1004))).toBe(true);
		s.model.remove("followers", userOf(s, 1003));
		expect(s.model.summary.value?.pending).toBe(4);
		await s.model.apply();
		expect(s.model.error.value).toBeNull();
		expect(s.puts()).toHaveLength(1);
		expect(s.ticket().email_cc_ids).toEqual([1103, 1104]);
		expect(s.ticket().follower_ids).toEqual([1004]);
		expect(s.model.staged.value.changes).toEqual([]);
		expect(ids(s.model, "ccs")).toEqual([1103, 1104]);
		expect(s.model.applied.value?.map(line => line.code)).toEqual([
			"people.summary.addCc",
			"people.summary.removeCc",
			"people.summary.addFollower",
			"people.summary.removeFollower",
		]);
		expect(s.model.unapplied.value).toEqual([]);
	});

	it("creates a CC on the fly with the given name", async () => {
		const s = setup();
		await s.model.load();
		expect(s.model.add("ccs", { kind: "email", email: "jo.doe@example.net", name: "Jo Doe" })).toBe(true);
		await s.model.apply();
		const created = s.emulator.db.users.find(u => u.email === "jo.doe@example.net");
		expect(created?.name).toBe("Jo Doe");
		expect(s.ticket().email_cc_ids).toContain(created?.id);
		expect(s.model.current.value?.ccs.find(u => u.id === created?.id)?.name).toBe("Jo Doe");
		expect(s.puts()).toHaveLength(1);
	});

	it("refuses bad additions with issues and keeps what is already staged", async () => {
		const s = setup();
		await s.model.load();
		s.model.add("ccs", userOf(s, 1104));
		expect(s.model.add("followers", userOf(s, 1105))).toBe(false);
		expect(s.model.issues.value.map(i => i.code)).toEqual(["people.issues.endUserFollower"]);
		expect(s.model.add("ccs", { kind: "email", email: "nobody@", name: null })).toBe(false);
		expect(s.model.issues.value.map(i => i.code)).toEqual(["people.issues.emailInvalid"]);
		expect(s.model.add("ccs", userOf(s, 1102))).toBe(false);
		expect(s.model.issues.value.map(i => i.code)).toEqual(["people.issues.alreadyCc"]);
		expect(s.model.add("ccs", userOf(s, 1101))).toBe(false);
		expect(s.model.issues.value.map(i => i.code)).toEqual(["people.issues.requesterCc"]);
		expect(s.model.staged.value.changes).toHaveLength(1);
		s.model.clearCandidateIssues();
		expect(s.model.issues.value).toEqual([]);
	});

	it("keeps staged changes across a panel reload (same agent and ticket)", async () => {
		const storage = createMemoryStorage();
		const first = setup({ storage });
		await first.model.load();
		first.model.add("ccs", userOf(first, 1104));
		first.model.add("ccs", { kind: "email", email: "new@example.net", name: "New Person" });
		first.model.dispose();
		const second = setup({ storage });
		await second.model.load();
		expect(second.model.summary.value?.lines.map(line => line.vars.name)).toEqual(["Noah Fischer", "New Person"]);
	});

	it("enforces the 48-CC cap before sending", async () => {
		const s = setup({ ticketId: 3 });
		await s.model.load();
		const endUsers = s.emulator.db.users.filter(u => u.role === "end-user" && u.id !== s.ticket().requester_id);
		for (const u of endUsers) expect(s.model.add("ccs", userOf(s, u.id))).toBe(true);
		for (let i = 0; i < 48 - endUsers.length; i++) {
			expect(s.model.add("ccs", { kind: "email", email: `cc${i}@example.net`, name: null })).toBe(true);
		}
		expect(s.model.summary.value?.counts.final).toBe(48);
		expect(s.model.add("ccs", { kind: "email", email: "one-too-many@example.net", name: null })).toBe(false);
		expect(s.model.issues.value).toEqual([{ field: "ccs", code: "people.issues.ccCap", vars: { max: 48, count: 49 } }]);
		await s.model.apply();
		expect(s.ticket().email_cc_ids).toHaveLength(48);
		expect(s.puts()).toHaveLength(1);
	});

	it("on a 409, re-reads, re-applies the intent and retries once, keeping the other agent's CC", async () => {
		const s = setup({ events: false });
		await s.model.load();
		s.model.add("ccs", userOf(s, 1104));
		s.model.remove("ccs", userOf(s, 1102));
		const other = s.emulator.controls.actAs({
			ticketId: 1,
			changes: { email_ccs: [{ user_id: 1105, action: "put" }] },
		});
		expect(other.ok).toBe(true);
		s.emulator.controls.clearRequests();
		await s.model.apply();
		expect(s.model.error.value).toBeNull();
		expect(s.puts().map(r => r.status)).toEqual([409, 200]);
		expect(s.ticket().email_cc_ids).toEqual([1103, 1105, 1104]);
		expect(s.model.external.value.map(c => [c.op, c.user.id])).toEqual([["add", 1105]]);
	});

	it("on a 409 where the other agent did the same thing, ends as a no-op with a note", async () => {
		const s = setup({ events: false });
		await s.model.load();
		s.model.add("ccs", userOf(s, 1104));
		s.emulator.controls.actAs({ ticketId: 1, changes: { email_ccs: [{ user_id: 1104, action: "put" }] } });
		s.emulator.controls.clearRequests();
		await s.model.apply();
		expect(s.puts().map(r => r.status)).toEqual([409]);
		expect(s.model.notes.value.map(n => n.code)).toEqual(["people.rebase.alreadyAddedCc"]);
		expect(s.model.staged.value.changes).toEqual([]);
	});

	it("does not retry when the conflict makes the intent ambiguous (cap), and keeps the changes", async () => {
		const s = setup({ ticketId: 3, events: false });
		await s.model.load();
		for (let i = 0; i < 47; i++) s.model.add("ccs", { kind: "email", email: `mine${i}@example.net`, name: null });
		const theirs = Array.from({ length: 2 }, (_, i) => ({ user_email: `theirs${i}@example.net`, action: "put" }));
		s.emulator.controls.actAs({ ticketId: 3, changes: { email_ccs: theirs } });
		s.emulator.controls.clearRequests();
		await s.model.apply();
		expect(s.puts().map(r => r.status)).toEqual([409]);
		expect(s.model.notes.value.map(n => n.code)).toEqual(["people.rebase.capExceeded"]);
		expect(s.model.staged.value.changes).toHaveLength(47);
		expect(s.model.issues.value.map(i => i.code)).toEqual(["people.issues.ccCap"]);
		expect(s.model.canApply.value).toBe(false);
	});

	it("refreshes on ticket.updated and rebases staged changes on the new state", async () => {
		const s = setup();
		await s.model.load();
		s.model.add("ccs", userOf(s, 1104));
		s.model.add("followers", userOf(s, 1004));
		s.emulator.controls.actAs({
			ticketId: 1,
			changes: {
				email_ccs: [
					{ user_id: 1104, action: "put" },
					{ user_id: 1102, action: "delete" },
				],
			},
		});
		await vi.waitFor(() => expect(ids(s.model, "ccs")).toEqual([1103, 1104]));
		expect(s.model.notes.value.map(n => n.code)).toEqual(["people.rebase.alreadyAddedCc"]);
		expect(s.model.external.value.map(c => [c.op, c.user.id])).toEqual([
			["add", 1104],
			["remove", 1102],
		]);
		expect(s.model.staged.value.changes.map(c => [c.list, c.op])).toEqual([["followers", "add"]]);
	});

	it("just updates the lists on ticket.updated when nothing is staged", async () => {
		const s = setup();
		await s.model.load();
		s.emulator.controls.actAs({ ticketId: 1, changes: { email_ccs: [{ user_id: 1104, action: "put" }] } });
		await vi.waitFor(() => expect(ids(s.model, "ccs")).toEqual([1102, 1103, 1104]));
		expect(s.model.external.value).toEqual([]);
		expect(s.model.notes.value).toEqual([]);
	});

	it("uses legacy collaborators on an account without CCs and followers", async () => {
		const s = setup({ world: "collaboratorsLegacy" });
		await s.model.load();
		expect(s.model.current.value?.mode).toBe("collaborators");
		expect(ids(s.model, "ccs")).toEqual([1102, 1103, 1003]);
		s.model.remove("ccs", userOf(s, 1102));
		s.model.add("ccs", { kind: "email", email: "legacy.new@example.net", name: "Legacy New" });
		expect(s.model.add("followers", userOf(s, 1004))).toBe(false);
		await s.model.apply();
		const created = s.emulator.db.users.find(u => u.email === "legacy.new@example.net");
		expect(created?.name).toBe("Legacy New");
		expect(s.ticket().collaborator_ids).toEqual([1103, 1003, created?.id]);
		expect(s.puts()).toHaveLength(1);
	});

	it("shows a light agent's 403 and keeps the staged changes", async () => {
		const s = setup({ user: "light@example.com" });
		await s.model.load();
		s.model.add("followers", userOf(s, 1004));
		await s.model.apply();
		expect(s.model.error.value?.kind).toBe("forbidden");
		expect(s.model.staged.value.changes).toHaveLength(1);
		expect(s.ticket().follower_ids).toEqual([1003]);
	});

	it("keeps staged changes when the server fails, and reports it", async () => {
		const s = setup();
		await s.model.load();
		s.model.add("ccs", userOf(s, 1104));
		s.emulator.controls.addFault({
			method: "PUT",
			path: "/api/v2/tickets/1",
			status: 422,
			body: {
				error: "RecordInvalid",
				description: "Record validation errors",
				details: { base: [{ description: "Nope" }] },
			},
		});
		await s.model.apply();
		expect(s.model.error.value?.kind).toBe("invalid");
		expect(s.model.staged.value.changes).toHaveLength(1);
	});

	it("reports a load failure and recovers on retry", async () => {
		const s = setup();
		s.emulator.controls.addFault({ method: "GET", path: "/api/v2/tickets/1", status: 404, times: 1 });
		await s.model.load();
		expect(s.model.state.value).toBe("failed");
		expect(s.model.error.value?.kind).toBe("not_found");
		await s.model.load();
		expect(s.model.state.value).toBe("ready");
	});

	describe("with the ticket's pending audit metadata", () => {
		it("sends it with the people update, where it lands on the audit as metadata.custom, then clears the rows", async () => {
			const s = setup({ defaultMetadata: '{"source":"sidebar-app"}' });
			await s.model.load();
			s.metadata.setKey(0, "reason");
			s.metadata.setValue(0, "customer call");
			s.emulator.controls.clearRequests();
			expect(s.model.add("ccs", userOf(s, 1104))).toBe(true);
			await s.model.apply();
			expect(s.model.error.value).toBeNull();
			expect(s.puts()).toHaveLength(1);
			const audit = s.audits().at(-1);
			expect(audit?.metadata.custom).toEqual({ source: "sidebar-app", reason: "customer call" });
			expect(audit?.events.map(e => e.type)).toContain("EmailCcChange");
			expect(s.ticket().email_cc_ids).toContain(1104);
			expect(s.metadata.rows.value).toEqual([]);
			expect(s.metadata.status.value).toEqual({
				kind: "attached",
				auditId: audit?.id,
				keys: ["source", "reason"],
			});
		});

		it("blocks the apply while the metadata is too large: nothing is sent, the staged changes and rows stay", async () => {
			const s = setup();
			await s.model.load();
			s.metadata.setKey(0, "notes");
			s.metadata.setValue(0, "x".repeat(1100));
			s.model.add("ccs", userOf(s, 1104));
			s.emulator.controls.clearRequests();
			await s.model.apply();
			expect(s.puts()).toEqual([]);
			expect(s.model.issues.value).toContainEqual({ field: "form", code: "people.issues.metadataBlocked" });
			expect(s.metadata.issues.value.map(i => i.code)).toContain("metadata.issues.tooLarge");
			expect(s.model.staged.value.changes).toHaveLength(1);
			expect(s.metadata.rows.value).toHaveLength(1);
			// Fixed: the next apply goes out, with the metadata, and the pointer is gone.
			s.metadata.setValue(0, "short");
			await s.model.apply();
			expect(s.puts()).toHaveLength(1);
			expect(s.audits().at(-1)?.metadata.custom).toEqual({ notes: "short" });
			expect(s.model.issues.value).toEqual([]);
		});

		it("carries it on the automatic retry after a 409", async () => {
			const s = setup({ events: false });
			await s.model.load();
			s.metadata.setKey(0, "reason");
			s.metadata.setValue(0, "escalation");
			s.model.add("ccs", userOf(s, 1104));
			s.emulator.controls.actAs({ ticketId: 1, changes: { email_ccs: [{ user_id: 1105, action: "put" }] } });
			s.emulator.controls.clearRequests();
			await s.model.apply();
			expect(s.puts().map(r => r.status)).toEqual([409, 200]);
			expect(s.audits().at(-1)?.metadata.custom).toEqual({ reason: "escalation" });
			expect(s.metadata.rows.value).toEqual([]);
		});

		it("keeps the rows when Zendesk created no audit (the update changed nothing), and says so", async () => {
			const s = setup();
			await s.model.load();
			s.metadata.setKey(0, "reason");
			s.metadata.setValue(0, "kept");
			s.model.add("followers", userOf(s, 1004));
			// Kenji stops being an agent meanwhile: Zendesk skips him as a follower, so nothing changes.
			const kenji = s.emulator.db.users.find(u => u.id === 1004);
			if (kenji) kenji.role = "end-user";
			const before = s.audits().length;
			await s.model.apply();
			expect(s.puts()).toHaveLength(1);
			expect(s.audits()).toHaveLength(before);
			expect(s.metadata.rows.value).toEqual([{ key: "reason", value: "kept" }]);
			expect(s.metadata.status.value).toEqual({ kind: "notStored" });
		});

		it("goes with a legacy save that removes every collaborator (an empty replacement list is a change)", async () => {
			const s = setup({ world: "collaboratorsLegacy" });
			await s.model.load();
			s.metadata.setKey(0, "reason");
			s.metadata.setValue(0, "cleanup");
			for (const id of [1102, 1103, 1003]) s.model.remove("ccs", userOf(s, id));
			s.emulator.controls.clearRequests();
			await s.model.apply();
			expect(s.puts()).toHaveLength(1);
			expect(s.ticket().collaborator_ids).toEqual([]);
			expect(s.audits().at(-1)?.metadata.custom).toEqual({ reason: "cleanup" });
		});
	});

	it("searches names through autocomplete and emails (or parts of them) through search", async () => {
		const s = setup();
		const found = async (text: string) => (await searchPeople(s.api, text)).map(u => u.id);
		expect(await found("Noah")).toEqual([1104]);
		expect(await found("O'Connor")).toEqual([1102]);
		expect(await found("maria@example")).toEqual([1003]);
		expect(await found("liam.oconnor")).toEqual([1102]);
		const paths = s.requests().map(r => r.url.split("?")[0]);
		expect(paths).toEqual([
			"/api/v2/users/autocomplete.json",
			"/api/v2/users/autocomplete.json",
			"/api/v2/users/search.json",
			"/api/v2/users/search.json",
		]);
	});
});
