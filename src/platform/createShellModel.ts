/** The shell's model: loads where the app runs (location, ticket, settings, agent) once, as a status union. */
import { signal, type ReadonlySignal } from "@preact/signals";
import { isRecord } from "../shared/isRecord";
import { isId } from "../shared/ticketTypes";
import type { Id } from "./api/types";
import { ApiError, toApiError } from "./api/errors";
import { parseAppSettings, type AppSettings } from "./zaf/appSettings";
import type { ZafPort } from "./zaf/port";

/** The signed-in agent as ZAF's `currentUser` reports it. */
type CurrentUser = NonNullable<ReturnType<typeof toCurrentUser>>;

/** Where and for whom the app runs. Fixed for the lifetime of the iframe. */
export interface AppEnv {
	/** ZAF location, e.g. `ticket_sidebar`. */
	location: string;
	/** The open ticket; null outside ticket locations (or on a new, unsaved ticket). */
	ticketId: Id | null;
	settings: AppSettings;
	currentUser: CurrentUser;
	/** ZAF's `ticket.form.id` at start-up (`null`: none; absent: unknown), a hint: the REST `ticket_form_id` is the truth. */
	ticketFormHint?: Id | null;
}

/** The shell's status. `failed` carries the ApiError that stopped the start. */
type ShellState = { status: "loading" } | { status: "ready"; env: AppEnv } | { status: "failed"; error: ApiError };

/** Reads ZAF's `currentUser` (locale defaults to `en`), or null when the shape is wrong. Never throws. */
export function toCurrentUser(u: unknown) {
	if (!isRecord(u) || typeof u.id !== "number") return null;
	const user: { id: Id; name: string; locale: string; role: string; roleType?: number } = {
		id: u.id,
		name: typeof u.name === "string" ? u.name : "",
		locale: typeof u.locale === "string" && u.locale !== "" ? u.locale : "en",
		role: typeof u.role === "string" ? u.role : "agent",
	};
	// Zendesk's `role_type` (1 = light agent), when ZAF has one (Zendesk documents only `role`).
	if (typeof u.roleType === "number") user.roleType = u.roleType;
	return user;
}

/** ZAF's `ticket.form` as a hint: `{ id }` → the id, `null` or `{ id: null }` → null, else undefined. Never throws. */
export function toFormHint(raw: unknown): Id | null | undefined {
	if (raw === null || (isRecord(raw) && raw.id === null)) return null;
	return isRecord(raw) && isId(raw.id) ? raw.id : undefined;
}

/** What the app reads from ZAF before anything else, in ONE `get`. */
type StartUpValues = Awaited<ReturnType<typeof readStartUp>>;

/** The paths of the start-up `get`: the agent (locale, id) and the ticket's form (a hint; an error outside tickets). */
export const START_UP_PATHS = ["currentUser", "ticket.form"];

/** The agent and form hint in one ZAF `get`. Never rejects: what fails is `null`/`undefined` (the shell asks again). */
export async function readStartUp(zaf: Pick<ZafPort, "get">) {
	return zaf.get(START_UP_PATHS).then(
		({ values }) => ({
			currentUser: toCurrentUser(values.currentUser),
			ticketFormHint: toFormHint(values["ticket.form"]),
		}),
		() => ({ currentUser: null, ticketFormHint: undefined as Id | null | undefined }),
	);
}

/**
 * Creates the shell model over what the caller already read (`known`: mount does, for the locale):
 * its state, and `load()`, which (re)loads the environment and never rejects.
 */
export function createShellModel(zaf: ZafPort, known: Partial<StartUpValues> = {}) {
	const state = signal<ShellState>({ status: "loading" });
	let ticketFormHint = known.ticketFormHint;

	async function readUser(): Promise<CurrentUser> {
		if (known.currentUser) return known.currentUser;
		const { values, errors } = await zaf.get(START_UP_PATHS);
		ticketFormHint ??= toFormHint(values["ticket.form"]);
		const user = toCurrentUser(values.currentUser);
		if (user) return user;
		const e = errors.currentUser;
		throw toApiError(e ? { name: e.name, message: `"currentUser" ${e.message}` } : "no currentUser", "get currentUser");
	}

	async function load(): Promise<void> {
		state.value = { status: "loading" };
		try {
			const [context, metadata, currentUser] = await Promise.all([zaf.context(), zaf.metadata(), readUser()]);
			const ticketId = typeof context.ticketId === "number" ? context.ticketId : null;
			const env: AppEnv = {
				location: context.location,
				ticketId,
				settings: parseAppSettings(metadata.settings),
				currentUser,
				...(ticketId !== null && ticketFormHint !== undefined ? { ticketFormHint } : {}),
			};
			state.value = { status: "ready", env };
		} catch (error) {
			// Only remote failures are expected here; a bug still reaches the error boundary.
			if (!(error instanceof ApiError)) throw error;
			state.value = { status: "failed", error };
		}
	}

	return { state: state as ReadonlySignal<ShellState>, load };
}

/** The shell's state and its one action. */
export type ShellModel = ReturnType<typeof createShellModel>;
