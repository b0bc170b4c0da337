/**
 * Gives the sections of one ticket panel the panel API (`createPanelApi`): one shared ticket read,
 * sideloaded users instead of per-person requests, definitions and settings cached per session.
 * Sits inside `<TicketSharedProvider>` (it uses the shared field definitions) and replaces the
 * API in context for everything below it; nothing above it changes.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { ApiCtx, useApi, useEnv, useStorage, useZaf } from "../platform/context";
import { createPanelApi } from "./createPanelApi";
import { useTicketShared } from "./ticketShared";

export interface PanelApiProviderProps {
	children: ComponentChildren;
}

/**
 * Provides the panel API for the open ticket (account settings kept in `useStorage().session`).
 * Without a ticket it passes the plain API through.
 */
export function PanelApiProvider({ children }: PanelApiProviderProps) {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const { session } = useStorage();
	const { fieldDefinitions } = useTicketShared();
	// Built during render, before the sections build their models, so its ticket.updated listener
	// runs before theirs: a section refreshing on that event never gets the answer it replaces.
	const panel = useMemo(() => {
		if (env.ticketId === null) return null;
		return createPanelApi({
			api,
			zaf,
			ticketId: env.ticketId,
			definitions: fieldDefinitions,
			formHint: env.ticketFormHint,
			...(session ? { storage: session } : {}),
		});
	}, [api, zaf, env.ticketId, env.ticketFormHint, fieldDefinitions, session]);
	useEffect(() => () => panel?.dispose(), [panel]);
	return <ApiCtx.Provider value={panel?.api ?? api}>{children}</ApiCtx.Provider>;
}
