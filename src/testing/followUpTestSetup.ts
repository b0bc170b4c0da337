/**
 * TEST ONLY: a fresh emulator world plus a follow-up model over the in-process port, with a
 * manual clock that `sleep` advances (so job steps and backoff run instantly and in order).
 */
import { createZendeskApi } from "../platform/api/client";
import { createManualClock } from "../../sandbox/emulator/db/clock";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { EmulatorOptions } from "../../sandbox/emulator/types";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../platform/storage/createDraftStore";
import { createFollowUpModel } from "../features/followUp/createFollowUpModel";
import type { FollowUpModelOptions } from "../features/followUp/createFollowUpModel";
import { createTicketStore, type TicketStore } from "../ticket/createTicketStore";

/** Options for one test world. */
export interface FollowUpSetupOptions {
	ticketId?: number;
	userEmail?: string;
	/** Share storage between two models to test reloads. */
	storage?: StorageLike;
	/** Emulator settings (`jobStepMs`, `failNextJobs`, ...). */
	settings?: EmulatorOptions["settings"];
	requestTimeoutMs?: number;
	model?: Partial<FollowUpModelOptions>;
}

/** The agent@example.com id in the default world. */
export const AGENT_ID = 1002;

/** Lets pending promises and zero-delay timers run. */
export const settle = (rounds = 5) =>
	(async () => {
		for (let i = 0; i < rounds; i++) await new Promise(resolve => setTimeout(resolve, 0));
	})();

/** Builds the world. Call `dispose()` at the end of the test. */
export function setupFollowUp(options: FollowUpSetupOptions = {}) {
	const ticketId = options.ticketId ?? 7;
	const clock = createManualClock();
	const emulator = createEmulator({ clock, settings: { jobStepMs: 500, ...options.settings } });
	const { port, client } = createInProcessPort({
		emulator,
		ticketId,
		userEmail: options.userEmail ?? "agent@example.com",
		...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
	});
	const api = createZendeskApi(port);
	const storage = options.storage ?? createMemoryStorage();
	const sleeps: number[] = [];
	/** Advances the emulator's clock by `ms` (running due job steps), then lets promises settle. */
	const sleep = async (ms: number) => {
		sleeps.push(ms);
		clock.advance(ms);
		await settle(1);
	};
	const stores: TicketStore[] = [];
	/** Another model over the same emulator and storage (a reload of the panel: a new ticket store). */
	const make = (overrides: Partial<FollowUpModelOptions> = {}) => {
		const store = createTicketStore({ api, zaf: port, ticketId });
		stores.push(store);
		return createFollowUpModel({
			api,
			ticket: store,
			drafts: createDraftStore(storage, AGENT_ID, ticketId),
			linkedNote: id => `This ticket continues ticket #${id}.`,
			now: () => clock.now(),
			sleep,
			random: () => 0.5,
			searchDebounceMs: 0,
			...options.model,
			...overrides,
		});
	};
	const model = make();
	/** New tickets created since the world was loaded (the default world has 15). */
	const newTickets = () => emulator.db.tickets.filter(t => t.id > 15);
	const posts = () =>
		emulator.controls.requests().filter(r => r.method === "POST" && /\/api\/v2\/tickets(\.json)?(\?|$)/.test(r.url));
	return {
		emulator,
		clock,
		port,
		client,
		api,
		storage,
		model,
		make,
		sleep,
		sleeps,
		newTickets,
		posts,
		dispose() {
			model.dispose();
			stores.forEach(store => store.dispose());
			client.close();
			emulator.dispose();
		},
	};
}
