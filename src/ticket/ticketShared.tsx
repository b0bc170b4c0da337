/**
 * What the sections of one ticket share: the pending audit metadata (attached to the next real
 * change ANY section saves), the field-definitions cache and the audit history. Built once per
 * panel by `<TicketSharedProvider>` around the sections; `useSharedMetadata()` lets the People and
 * Follow-up sections attach metadata without knowing how it is edited.
 */
import { effect, untracked } from "@preact/signals";
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useMemo } from "preact/hooks";
import { useApi, useEnv, useStorage, useZaf } from "../platform/context";
import { createAuditsModel, type AuditsModel } from "../features/history/createAuditsModel";
import { createDraftStore } from "../platform/storage/createDraftStore";
import { createFieldDefinitionsCache, type FieldDefinitionsCache } from "./createFieldDefinitionsCache";
import { createMetadataModel, type MetadataModel } from "./metadata/createMetadataModel";
import { createTicketWriteLane, type TicketWriteLane, type TicketWriteLaneOptions } from "./createTicketWriteLane";

/** The shared per-ticket services. */
export interface TicketShared {
	metadata: MetadataModel;
	fieldDefinitions: FieldDefinitionsCache;
	audits: AuditsModel;
	/** The ticket's one write lane: every section's ticket writer runs on it (serialised, one status). */
	lane: TicketWriteLane;
}

export const TicketSharedCtx = createContext<TicketShared | null>(null);

/** The shared services. Throws outside `<TicketSharedProvider>`. */
export function useTicketShared(): TicketShared {
	const value = useContext(TicketSharedCtx);
	if (value === null) throw new Error("useTicketShared must be used within <TicketSharedProvider>");
	return value;
}

/** The ticket's write lane, or `undefined` outside the provider (a section then serialises only its own writes). */
export function useTicketWriteLane(): TicketWriteLane | undefined {
	return useContext(TicketSharedCtx)?.lane;
}

/** The shared metadata model, or `null` outside the provider (so a section can work without it). */
export function useSharedMetadata(): MetadataModel | null {
	return useContext(TicketSharedCtx)?.metadata ?? null;
}

export interface TicketSharedProviderProps {
	children: ComponentChildren;
	/** Timing of the write lane (tests); defaults to real timers. */
	laneOptions?: TicketWriteLaneOptions;
}

/**
 * Builds the shared services for the open ticket and agent (metadata drafts in the local storage,
 * field definitions in the session storage, both from `useStorage()`). Renders its children unchanged.
 */
export function TicketSharedProvider({ children, laneOptions }: TicketSharedProviderProps) {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const storage = useStorage();
	const shared = useMemo<TicketShared>(() => {
		const fieldDefinitions = createFieldDefinitionsCache({
			api,
			...(storage.session ? { storage: storage.session } : {}),
		});
		const drafts = createDraftStore(storage.local, env.currentUser.id, env.ticketId ?? undefined);
		return {
			metadata: createMetadataModel({
				drafts,
				defaultSetting: env.settings.defaultMetadata,
				defaultSettingInvalid: env.settings.defaultMetadataInvalid,
			}),
			fieldDefinitions,
			audits: createAuditsModel({ api, ticketId: env.ticketId ?? 0, definitions: fieldDefinitions }),
			lane: createTicketWriteLane(laneOptions),
		};
	}, [api, env.ticketId, env.currentUser.id, storage]);
	// An open audit history follows changes made elsewhere (another agent, the agent's own Submit).
	useEffect(() => {
		const reload = () => void shared.audits.reload();
		const stops = [zaf.on("ticket.updated", reload), zaf.on("ticket.submit.done", reload)];
		return () => stops.forEach(stop => stop());
	}, [shared, zaf]);
	// Whenever metadata lands on an audit (whichever section saved), refresh an open history.
	useEffect(
		() =>
			effect(() => {
				// Only the status is a dependency: reload() reads and writes the history's own signals.
				if (shared.metadata.status.value.kind === "attached") untracked(() => void shared.audits.reload());
			}),
		[shared],
	);
	return <TicketSharedCtx.Provider value={shared}>{children}</TicketSharedCtx.Provider>;
}
