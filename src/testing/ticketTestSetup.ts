/**
 * TEST ONLY: the ticket core of one ticket over a fresh in-process emulator, as the panel builds it
 * (the app's API client over the real ZAF relay, the store with its writer, the pending metadata
 * and the field definitions). Models under test take `store`, `metadata` and `definitions` from here.
 */
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { SandboxSettings } from "../../sandbox/emulator/settings";
import type { SandboxEmulator } from "../../sandbox/emulator/types";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../platform/api/client";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../platform/storage/createDraftStore";
import { createFieldDefinitionsCache } from "../ticket/createFieldDefinitionsCache";
import { createTicketStore, type TicketStoreOptions } from "../ticket/createTicketStore";
import { createMetadataModel } from "../ticket/metadata/createMetadataModel";

export interface TestTicketOptions {
	ticketId: number;
	/** The agent's email (default agent@example.com). */
	userEmail?: string;
	emulator?: SandboxEmulator;
	settings?: Partial<SandboxSettings>;
	/** The agent's local storage (the same storage again = the panel was reloaded). */
	storage?: StorageLike;
	timing?: Pick<TicketStoreOptions, "sleep" | "now" | "random">;
}

/** Builds the world; `dispose()` stops the store, the relay and (when it made it) the emulator. */
export function createTestTicket(options: TestTicketOptions) {
	const { ticketId } = options;
	const emulator = options.emulator ?? createEmulator({ settings: { rateLimits: false, ...options.settings } });
	const userEmail = options.userEmail ?? "agent@example.com";
	const { port, client } = createInProcessPort({ emulator, ticketId, userEmail });
	const api = createZendeskApi(port);
	const storage = options.storage ?? createMemoryStorage();
	const agentId = emulator.db.users.find(user => user.email === userEmail)?.id ?? 0;
	const drafts = createDraftStore(storage, agentId, ticketId);
	const metadata = createMetadataModel({ drafts, defaultSetting: undefined });
	const definitions = createFieldDefinitionsCache({ api });
	const store = createTicketStore({ api, zaf: port, ticketId, metadata, ...options.timing });
	/** The app's requests so far, as `METHOD /path?query` (the fake host's own reads left out). */
	const requests = () =>
		emulator.controls
			.requests()
			.filter(entry => entry.client !== "host")
			.map(entry => `${entry.method} ${decodeURIComponent(entry.url)}`);
	return {
		emulator,
		port,
		client,
		api,
		storage,
		drafts,
		metadata,
		definitions,
		store,
		requests,
		dispose() {
			store.dispose();
			client.close();
			if (!options.emulator) emulator.dispose();
		},
	};
}
