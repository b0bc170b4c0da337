/**
 * Builds the open ticket's core once per panel (store, pending metadata, field definitions, wait
 * clock) and gives the sections an API whose account-level reads are cached (settings and
 * definitions per session, users the store has met); the ticket itself comes from the store.
 */
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useMemo } from "preact/hooks";
import type { ZendeskApi } from "../platform/api/client";
import { ApiCtx, useApi, useEnv, useStorage, useZaf } from "../platform/context";
import { createDraftStore } from "../platform/storage/createDraftStore";
import { createAccountSettings } from "./createAccountSettings";
import { createFieldDefinitionsCache, type FieldDefinitionsCache } from "./createFieldDefinitionsCache";
import { createTicketStore, type TicketStore, type TicketStoreOptions } from "./createTicketStore";
import { createMetadataModel, type MetadataModel } from "./metadata/createMetadataModel";
import { createWaitClock, type WaitClock } from "./waitClock";

/** The open ticket's core. */
export interface TicketCore {
	store: TicketStore;
	metadata: MetadataModel;
	definitions: FieldDefinitionsCache;
	/** The one clock every countdown of the panel reads (the writer's, the reads', the editors'). */
	clock: WaitClock;
}

export const TicketCoreCtx = createContext<TicketCore | null>(null);

/** The core of the open ticket. Throws outside `<TicketProvider>`. */
export function useTicket(): TicketCore {
	const value = useContext(TicketCoreCtx);
	if (value === null) throw new Error("useTicket must be used within <TicketProvider>");
	return value;
}

export interface TicketProviderProps {
	children: ComponentChildren;
	/** Timing of the writer (tests); real timers by default. */
	timing?: Pick<TicketStoreOptions, "sleep" | "now" | "random">;
}

/** Provides the core for `useEnv().ticketId`. */
export function TicketProvider({ children, timing }: TicketProviderProps) {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const storage = useStorage();
	const built = useMemo(() => {
		const definitions = createFieldDefinitionsCache({ api, storage: storage.session });
		const drafts = createDraftStore(storage.local, env.currentUser.id, env.ticketId ?? undefined);
		const metadata = createMetadataModel({
			drafts,
			defaultSetting: env.settings.defaultMetadata,
			defaultSettingInvalid: env.settings.defaultMetadataInvalid,
		});
		const store = createTicketStore({
			api,
			zaf,
			ticketId: env.ticketId ?? 0,
			metadata,
			// ZAF named the ticket's form: its definitions load in parallel with the ticket.
			onFirstRead: () => {
				if (env.ticketFormHint !== undefined) definitions.forForm(env.ticketFormHint).catch(() => undefined);
			},
			...timing,
		});
		const settings = createAccountSettings({ api, storage: storage.session });
		const sectionApi: ZendeskApi = {
			...api,
			showManyUsers: ids => store.users(ids),
			listTicketFields: () => definitions.fields(),
			listTicketForms: () => definitions.forms(),
			getAccountSettings: settings,
		};
		const clock = createWaitClock(timing?.now);
		return { core: { store, metadata, definitions, clock }, sectionApi };
		// `timing` is read once: tests pass it inline, and a new object must not rebuild the core.
	}, [api, zaf, env, storage]);
	useEffect(() => () => built.core.store.dispose(), [built]);
	return (
		<TicketCoreCtx.Provider value={built.core}>
			<ApiCtx.Provider value={built.sectionApi}>{children}</ApiCtx.Provider>
		</TicketCoreCtx.Provider>
	);
}
