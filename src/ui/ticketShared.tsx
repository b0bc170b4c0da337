/**
 * What the sections of one ticket share: the pending audit metadata (attached to the next real
 * change ANY section saves), the field-definitions cache and the audit history. Built once per
 * panel by `<TicketSharedProvider>` around the sections; `useSharedMetadata()` lets the People and
 * Follow-up sections attach metadata without knowing how it is edited.
 */
import { effect } from "@preact/signals";
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useMemo } from "preact/hooks";
import { useApi, useEnv } from "./context";
import { createAuditsModel, type AuditsModel } from "./models/createAuditsModel";
import { createDraftStore, type StorageLike } from "./models/createDraftStore";
import { createFieldDefinitionsCache, type FieldDefinitionsCache } from "./models/createFieldDefinitionsCache";
import { createMetadataModel, type MetadataModel } from "./models/createMetadataModel";

/** The shared per-ticket services. */
export interface TicketShared {
	metadata: MetadataModel;
	fieldDefinitions: FieldDefinitionsCache;
	audits: AuditsModel;
	/** Local storage for drafts (undefined when the browser refuses it). */
	storage: StorageLike | undefined;
}

export const TicketSharedCtx = createContext<TicketShared | null>(null);

/** The shared services. Throws outside `<TicketSharedProvider>`. */
export function useTicketShared(): TicketShared {
	const value = useContext(TicketSharedCtx);
	if (value === null) throw new Error("useTicketShared must be used within <TicketSharedProvider>");
	return value;
}

/** The shared metadata model, or `null` outside the provider (so a section can work without it). */
export function useSharedMetadata(): MetadataModel | null {
	return useContext(TicketSharedCtx)?.metadata ?? null;
}

export interface TicketSharedProviderProps {
	children: ComponentChildren;
	/** Injected in tests; defaults to the browser's localStorage / sessionStorage when usable. */
	storage?: StorageLike;
	sessionStorage?: StorageLike;
}

/** Builds the shared services for the open ticket and agent. Renders its children unchanged. */
export function TicketSharedProvider({ children, storage, sessionStorage }: TicketSharedProviderProps) {
	const env = useEnv();
	const api = useApi();
	const shared = useMemo<TicketShared>(() => {
		const local = storage ?? browserStorage("localStorage");
		const fieldDefinitions = createFieldDefinitionsCache({
			api,
			storage: sessionStorage ?? browserStorage("sessionStorage"),
		});
		const drafts = createDraftStore(local, env.currentUser.id, env.ticketId ?? undefined);
		return {
			metadata: createMetadataModel({
				drafts,
				defaultSetting: env.settings.defaultMetadata,
				defaultSettingInvalid: env.settings.defaultMetadataInvalid,
			}),
			fieldDefinitions,
			audits: createAuditsModel({ api, ticketId: env.ticketId ?? 0, definitions: fieldDefinitions }),
			storage: local,
		};
	}, [api, env.ticketId, env.currentUser.id]);
	// Whenever metadata lands on an audit (whichever section saved), refresh an open history.
	useEffect(
		() =>
			effect(() => {
				if (shared.metadata.status.value.kind === "attached") void shared.audits.reload();
			}),
		[shared],
	);
	return <TicketSharedCtx.Provider value={shared}>{children}</TicketSharedCtx.Provider>;
}

/** The browser's storage when it can be used (it throws in some sandboxed iframes), else undefined. */
function browserStorage(name: "localStorage" | "sessionStorage"): StorageLike | undefined {
	try {
		return globalThis[name] ?? undefined;
	} catch {
		return undefined;
	}
}
