/**
 * One stress scenario's world: a fresh emulator (default world) behind the stress transport, the
 * agent's in-process ZAF port with a short request timeout, the app's real API stack (read
 * retries, the account settings cached) and the REAL models (people, fields, follow-up) sharing one
 * ticket store (snapshot, subscription, writer), as the panel builds them. Backoff and Retry-After waits are scaled down (a 60 s wait takes a few
 * ms) so hundreds of scenarios run in seconds; everything else (timeouts, delays, ordering) is real.
 */
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { FaultSpec } from "../../sandbox/emulator/controls/faults";
import type { SandboxSettings } from "../../sandbox/emulator/settings";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../../src/platform/api/client";
import { isApiError } from "../../src/platform/api/errors";
import { withReadRetries } from "../../src/ticket/withReadRetries";
import type { PersonRef } from "../../src/shared/peopleTypes";
import { createDraftStore, createMemoryStorage, type StorageLike } from "../../src/platform/storage/createDraftStore";
import { createFieldDefinitionsCache } from "../../src/ticket/createFieldDefinitionsCache";
import { createFieldsModel } from "../../src/features/fields/createFieldsModel";
import { createBulkModel } from "../../src/features/bulk/createBulkModel";
import { createFollowUpModel } from "../../src/features/followUp/createFollowUpModel";
import { createMetadataModel } from "../../src/ticket/metadata/createMetadataModel";
import { createPeopleModel } from "../../src/features/people/createPeopleModel";
import { createTicketStore, type TicketStore } from "../../src/ticket/createTicketStore";
import { createAccountSettings } from "../../src/ticket/createAccountSettings";
import type { ZafPort } from "../../src/platform/zaf/port";
import { createStressTransport } from "./transport";

const TICKET_WRITE = /^\/api\/v2\/tickets(\/\d+)?(\.json)?$/;

/** The agent the app runs as. */
export const AGENT_EMAIL = "agent@example.com";

/**
 * Why 60 ms: far above an in-process answer (< 5 ms), so only injected delays time out; short
 * enough that a timed-out request is still in flight while the app re-reads and decides.
 */
export const STRESS_TIMEOUT_MS = 60;

export interface StressWorldOptions {
	ticketId: number;
	random: () => number;
	settings?: Partial<SandboxSettings>;
}

/** Builds the world; call `dispose()` when the scenario is over. */
export function createStressWorld(options: StressWorldOptions) {
	const { ticketId, random } = options;
	const emulator = createEmulator({ settings: { rateLimits: false, jobStepMs: 2, ...options.settings } });
	const transport = createStressTransport(emulator);
	const { port, client } = createInProcessPort({
		emulator: transport,
		ticketId,
		userEmail: AGENT_EMAIL,
		requestTimeoutMs: STRESS_TIMEOUT_MS,
	});
	/** Failed requests the app saw, by ApiError kind (409 UpdateConflict counted as "conflict"). */
	const failures = new Map<string, number>();
	let faultsInjected = 0;
	// Ticket writes the app is waiting for (a timed-out request still on the wire no longer counts:
	// the app has given up on it and decides from a re-read, not from its answer).
	let writesPending = 0;
	let maxConcurrentWrites = 0;
	const counted: ZafPort = {
		...port,
		request<T>(request: Parameters<ZafPort["request"]>[0], portOptions?: Parameters<ZafPort["request"]>[1]) {
			const write =
				request.type !== undefined && request.type !== "GET" && TICKET_WRITE.test(request.url.split("?")[0] ?? "");
			if (write) maxConcurrentWrites = Math.max(maxConcurrentWrites, ++writesPending);
			return port
				.request<T>(request, portOptions)
				.catch((caught: unknown) => {
					if (isApiError(caught)) failures.set(caught.kind, (failures.get(caught.kind) ?? 0) + 1);
					throw caught;
				})
				.finally(() => {
					if (write) writesPending--;
				});
		},
	};
	// Scaled time: 1 s of backoff or Retry-After becomes 1 ms (at most 5 ms), on real timers.
	const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, Math.min(5, Math.ceil(ms / 1000))));
	const plain = createZendeskApi(withReadRetries(counted, { sleep, random }));
	const definitions = createFieldDefinitionsCache({ api: plain });
	// As TicketProvider does: the sections' API caches the account's settings; the ticket comes from the store.
	const api = { ...plain, getAccountSettings: createAccountSettings({ api: plain }) };
	/** The panel's ticket core: one store (snapshot, subscription, writer) shared by its models. */
	let store: TicketStore | null = null;
	const panel = (storage: StorageLike): TicketStore => {
		if (store) return store;
		const metadata = createMetadataModel({ drafts: world.drafts(storage), defaultSetting: undefined });
		store = createTicketStore({ api: plain, zaf: port, ticketId, metadata, sleep, random });
		return store;
	};
	const agentId = emulator.db.users.find(u => u.email === AGENT_EMAIL)?.id ?? 0;
	const disposers: Array<() => void> = [];
	// Bulk runs: hooks that run when the app learns of its Nth update_many job (queued, nothing
	// applied yet), as createBulkModel.test.ts does; they get the job's ticket ids.
	const jobHooks = new Map<number, Array<(ids: readonly number[]) => void>>();
	let jobsAnswered = 0;
	const bulkApi = {
		...api,
		async updateManyTickets(...args: Parameters<typeof api.updateManyTickets>) {
			const job = await api.updateManyTickets(...args);
			const hooks = jobHooks.get(++jobsAnswered) ?? [];
			jobHooks.delete(jobsAnswered);
			const ids = args[0].map(item => item.id);
			hooks.forEach(hook => hook(ids));
			return job;
		},
		async getJobStatus(...args: Parameters<typeof api.getJobStatus>) {
			const job = await api.getJobStatus(...args);
			// A failed job is a failure the run absorbs (it re-reads and re-plans its items).
			if (job.status === "failed") failures.set("job_failed", (failures.get("job_failed") ?? 0) + 1);
			return job;
		},
	};

	const world = {
		emulator,
		transport,
		port,
		api,
		failures,
		get faultsInjected() {
			return faultsInjected;
		},
		/** Most ticket writes the app was waiting for at once (one lane per ticket: must stay ≤ 1). */
		get maxConcurrentWrites() {
			return maxConcurrentWrites;
		},
		/** The ticket as Zendesk has it now. */
		ticket(id = ticketId) {
			const found = emulator.db.tickets.find(t => t.id === id);
			if (!found) throw new Error(`[stress] ticket ${id} missing`);
			return found;
		},
		/** A user of the world as the people feature refers to them. */
		person(id: number): PersonRef {
			const u = emulator.db.users.find(x => x.id === id);
			if (!u) throw new Error(`[stress] user ${id} missing`);
			return {
				kind: "user",
				user: {
					id: u.id,
					name: u.name,
					email: u.email,
					role: u.role,
					roleType: u.role_type ?? null,
					active: u.active,
					suspended: u.suspended,
				},
			};
		},
		/** Another agent saves a change to the ticket (Zendesk's own rules; always a newer updated_at). */
		otherAgent(changes: Record<string, unknown>): void {
			world.actAs(ticketId, changes);
		},
		/** `as` (default: the world's other agent) saves a change to ticket `id`. */
		actAs(id: number, changes: Record<string, unknown>, as?: string): void {
			const result = emulator.controls.actAs({ ticketId: id, changes, ...(as ? { as } : {}) });
			if (!result.ok) throw new Error(`[stress] act-as refused: ${JSON.stringify(result.failure)}`);
		},
		/** Runs `hook` when the app is told of its `n`th update_many job (1-based), with the job's ticket ids. */
		onJob(n: number, hook: (ids: readonly number[]) => void): void {
			jobHooks.set(n, [...(jobHooks.get(n) ?? []), hook]);
		},
		/** The next `n` jobs end as `failed` (the emulator's `failNextJobs`). */
		failNextJobs(n: number): void {
			if (n <= 0) return;
			faultsInjected += n;
			emulator.controls.updateSettings({ failNextJobs: n });
		},
		/** Resolves once no job is queued or working (a job whose answer was lost still runs). */
		async jobsIdle(): Promise<void> {
			const busy = () => emulator.db.jobs.some(job => job.status === "queued" || job.status === "working");
			for (const deadline = Date.now() + 5000; busy();) {
				if (Date.now() > deadline) throw new Error("[stress] a job never ended");
				await new Promise(resolve => setTimeout(resolve, 2));
			}
		},
		addFault(spec: FaultSpec): void {
			faultsInjected++;
			emulator.controls.addFault(spec);
		},
		loseAnswer(method: string, path: RegExp): void {
			faultsInjected++;
			transport.loseAnswer({ method, path });
		},
		clearFaults(): void {
			emulator.controls.clearFaults();
			transport.clear();
		},
		/** A new storage-backed draft store: the same storage means "the panel was reloaded". */
		drafts(storage: StorageLike) {
			return createDraftStore(storage, agentId, ticketId);
		},
		newStorage: () => createMemoryStorage(),
		/** The agent reloads the panel: the next model gets a new ticket store (a fresh read). */
		reloadPanel(): void {
			store?.dispose();
			store = null;
		},
		people(storage: StorageLike) {
			const model = createPeopleModel({
				ticket: panel(storage),
				api,
				drafts: world.drafts(storage),
				searchDebounceMs: 0,
			});
			disposers.push(() => model.dispose());
			return model;
		},
		fields(storage: StorageLike) {
			const drafts = world.drafts(storage);
			const ticket = panel(storage);
			const model = createFieldsModel({
				ticket,
				drafts,
				definitions,
				metadata: createMetadataModel({ drafts, defaultSetting: undefined }),
			});
			disposers.push(() => model.dispose());
			return model;
		},
		followUp(storage: StorageLike) {
			const model = createFollowUpModel({
				api,
				ticket: panel(storage),
				drafts: world.drafts(storage),
				linkedNote: id => `Continues #${id}.`,
				sleep,
				random,
				searchDebounceMs: 0,
			});
			disposers.push(() => model.dispose());
			return model;
		},
		/** The related-tickets section (bulk changes) of the open ticket; jobs go through `onJob` hooks. */
		bulk(storage: StorageLike) {
			const drafts = world.drafts(storage);
			const model = createBulkModel({
				api: bulkApi,
				zaf: port,
				ticket: panel(storage),
				metadata: createMetadataModel({ drafts, defaultSetting: undefined }),
				definitions,
				drafts,
				sleep,
			});
			disposers.push(() => model.dispose());
			return model;
		},
		/** Waits until every request (delayed ones too) has been answered. */
		settled: () => transport.settled(),
		async dispose() {
			await transport.settled();
			disposers.splice(0).forEach(dispose => dispose());
			store?.dispose();
			client.close();
			emulator.dispose();
		},
	};
	return world;
}

/** What `createStressWorld` returns. */
export type StressWorld = ReturnType<typeof createStressWorld>;
