/**
 * Gives the sections of one ticket panel the panel API (`createPanelApi`): one shared ticket read,
 * sideloaded users instead of per-person requests, definitions and settings cached per session.
 * Sits inside `<TicketSharedProvider>` (it uses the shared field definitions) and replaces the
 * API in context for everything below it; nothing above it changes.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { ApiCtx, useApi, useEnv, useZaf } from "../context";
import type { StorageLike } from "../models/createDraftStore";
import { createPanelApi } from "../models/createPanelApi";
import { useTicketShared } from "../ticketShared";

export interface PanelApiProviderProps {
	children: ComponentChildren;
	/** Injected in tests; defaults to the browser's sessionStorage when usable. */
	sessionStorage?: StorageLike;
}

/** Provides the panel API for the open ticket. Without a ticket it passes the plain API through. */
export function PanelApiProvider({ children, sessionStorage }: PanelApiProviderProps) {
	const env = useEnv();
	const api = useApi();
	const zaf = useZaf();
	const { fieldDefinitions } = useTicketShared();
	// Built during render, before the sections build their models, so its ticket.updated listener
	// runs before theirs: a section refreshing on that event never gets the answer it replaces.
	const panel = useMemo(() => {
		if (env.ticketId === null) return null;
		const storage = sessionStorage ?? browserSessionStorage();
		return createPanelApi({
			api,
			zaf,
			ticketId: env.ticketId,
			definitions: fieldDefinitions,
			...(storage ? { storage } : {}),
		});
	}, [api, zaf, env.ticketId, fieldDefinitions]);
	useEffect(() => () => panel?.dispose(), [panel]);
	return <ApiCtx.Provider value={panel?.api ?? api}>{children}</ApiCtx.Provider>;
}

/** The browser's sessionStorage when it can be used (cross-site iframes may be refused it), else undefined. */
export function browserSessionStorage(): StorageLike | undefined {
	try {
		return globalThis.sessionStorage ?? undefined;
	} catch {
		return undefined;
	}
}
