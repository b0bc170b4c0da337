/**
 * The shell's model: loads where the app runs (location, ticket, installation settings, signed-in
 * agent) once, and exposes it as a status union. Feature models are built by their sections from
 * `useEnv()`, `useApi()` and `useZaf()`.
 */
import { signal, type ReadonlySignal } from "@preact/signals";
import type { Id } from "../../api/types";
import { ApiError, toApiError } from "../../api/errors";
import { parseAppSettings, type AppSettings } from "../../zaf/appSettings";
import type { ZafPort } from "../../zaf/port";

/** The signed-in agent as ZAF's `currentUser` reports it. */
export interface CurrentUser {
	id: Id;
	name: string;
	/** ZAF locale, e.g. `en-US`, `pt-BR` (defaults to `en`). */
	locale: string;
	role: string;
}

/** Where and for whom the app runs. Fixed for the lifetime of the iframe. */
export interface AppEnv {
	/** ZAF location, e.g. `ticket_sidebar`. */
	location: string;
	/** The open ticket; null outside ticket locations (or on a new, unsaved ticket). */
	ticketId: Id | null;
	settings: AppSettings;
	currentUser: CurrentUser;
}

/** The shell's status. `failed` carries the ApiError that stopped the start. */
export type ShellState =
	{ status: "loading" } | { status: "ready"; env: AppEnv } | { status: "failed"; error: ApiError };

/** The shell's state and its one action. */
export interface ShellModel {
	readonly state: ReadonlySignal<ShellState>;
	/** (Re)loads the environment; safe to call again after a failure. Never rejects. */
	load(): Promise<void>;
}

/** Reads ZAF's `currentUser` into a CurrentUser, or null when the shape is wrong. Never throws. */
export function toCurrentUser(raw: unknown): CurrentUser | null {
	if (typeof raw !== "object" || raw === null) return null;
	const u = raw as Record<string, unknown>;
	if (typeof u.id !== "number") return null;
	return {
		id: u.id,
		name: typeof u.name === "string" ? u.name : "",
		locale: typeof u.locale === "string" && u.locale !== "" ? u.locale : "en",
		role: typeof u.role === "string" ? u.role : "agent",
	};
}

/**
 * Creates the shell model. `currentUser` may be passed in when the caller already read it (mount
 * does, for the locale). Does not load until `load()` is called.
 */
export function createShellModel(zaf: ZafPort, known: { currentUser?: CurrentUser | null } = {}): ShellModel {
	const state = signal<ShellState>({ status: "loading" });

	async function readUser(): Promise<CurrentUser> {
		if (known.currentUser) return known.currentUser;
		const { values, errors } = await zaf.get(["currentUser"]);
		const user = toCurrentUser(values.currentUser);
		if (user) return user;
		const e = errors.currentUser;
		throw toApiError(e ? { name: e.name, message: `"currentUser" ${e.message}` } : "no currentUser", "get currentUser");
	}

	async function load(): Promise<void> {
		state.value = { status: "loading" };
		try {
			const [context, metadata, currentUser] = await Promise.all([zaf.context(), zaf.metadata(), readUser()]);
			const env: AppEnv = {
				location: context.location,
				ticketId: typeof context.ticketId === "number" ? context.ticketId : null,
				settings: parseAppSettings(metadata.settings),
				currentUser,
			};
			state.value = { status: "ready", env };
		} catch (error) {
			// Only remote failures are expected here; a bug still reaches the error boundary.
			if (!(error instanceof ApiError)) throw error;
			state.value = { status: "failed", error };
		}
	}

	return { state, load };
}
