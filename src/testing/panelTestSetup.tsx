/**
 * TEST ONLY: sections rendered the way the panel renders them, inside the real providers (ZAF
 * port, API client, translations, environment, storage) over a fresh emulator in-process, plus the
 * small helpers the component tests share. Not imported by the app.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render, type ComponentChildren } from "preact";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { FaultSpec } from "../../sandbox/emulator/controls/faults";
import type { EmulatorOptions, SandboxEmulator } from "../../sandbox/emulator/types";
import { createInProcessPort } from "../../sandbox/inProcessPort";
import { createZendeskApi } from "../platform/api/client";
import { createTranslator, type Bundle } from "../platform/i18n/createTranslator";
import { parseAppSettings } from "../platform/zaf/appSettings";
import { ApiCtx, EnvCtx, I18nCtx, StorageCtx, ZafCtx } from "../platform/context";
import { createMemoryStorage, type StorageLike } from "../platform/storage/createDraftStore";
import { withUnkeptDrafts } from "../platform/storage/usableStorage";
import { TicketProvider, type TicketProviderProps } from "../ticket/TicketProvider";

const ROOT = join(import.meta.dirname, "..", "..");

/** The UI strings of `translations/<locale>.json`. */
export function bundle(locale: string): Bundle {
	return JSON.parse(readFileSync(join(ROOT, "translations", `${locale}.json`), "utf8")) as Bundle;
}

/** Polls `check` every 5 ms until it holds; rejects naming `what` after `tries` polls. */
export async function until(check: () => boolean, what: string, tries = 200): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (check()) return;
		await new Promise(resolve => setTimeout(resolve, 5));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** What the panel around the rendered sections is. */
export interface PanelTestOptions {
	ticketId: number;
	/** The signed-in agent (default agent@example.com); the environment's user is read from the world. */
	user?: string;
	locale?: string;
	world?: string;
	/** Emulator settings besides `rateLimits: false`. */
	emulatorSettings?: EmulatorOptions["settings"];
	/** A fault registered before anything renders. */
	fault?: FaultSpec;
	/** Changes the world before anything renders (e.g. a ticket's CCs). */
	before?: (emulator: SandboxEmulator) => void;
	/** The installation's settings, as Zendesk hands them to the app. */
	appSettings?: Record<string, unknown>;
	/** The panel's local storage (drafts); a fresh one by default, `null` for a browser that refuses it. */
	local?: StorageLike | null;
	/** The panel's session storage (caches, the drafts notice's dismissal); a fresh one by default. */
	session?: StorageLike;
	/** Timing of the ticket's writer (the test holds its sleeps). */
	timing?: TicketProviderProps["timing"];
}

/** Renders `content` inside the providers (the ticket's core too) over a new emulator. Call `dispose` when the test ends. */
export function renderPanel(content: ComponentChildren, options: PanelTestOptions) {
	const { ticketId, user = "agent@example.com", locale = "en", world = "default" } = options;
	const emulator = createEmulator({ world, settings: { rateLimits: false, ...options.emulatorSettings } });
	if (options.fault) emulator.controls.addFault(options.fault);
	options.before?.(emulator);
	const { port, client } = createInProcessPort({ emulator, userEmail: user, ticketId });
	const api = createZendeskApi(port);
	const agent = emulator.db.users.find(u => u.email === user);
	const env = {
		location: "ticket_sidebar",
		ticketId,
		settings: parseAppSettings(options.appSettings ?? {}),
		currentUser: {
			id: agent?.id ?? 0,
			name: agent?.name ?? "",
			locale,
			role: agent?.role ?? "agent",
			// As ZAF's currentUser answers it in the sandbox (a light agent: role agent, roleType 1).
			...(typeof agent?.role_type === "number" ? { roleType: agent.role_type } : {}),
		},
	};
	const translator = createTranslator(locale, { en: bundle("en"), [locale]: bundle(locale) });
	// As `mount` does: a refused local storage becomes the panel's memory, announced to the notice.
	const storage = withUnkeptDrafts({
		local: options.local === null ? undefined : (options.local ?? createMemoryStorage()),
		session: options.session ?? createMemoryStorage(),
	});
	const { local } = storage;
	const container = document.createElement("div");
	document.body.append(container);
	render(
		<ZafCtx.Provider value={port}>
			<ApiCtx.Provider value={api}>
				<I18nCtx.Provider value={translator}>
					<EnvCtx.Provider value={env}>
						<StorageCtx.Provider value={storage}>
							<TicketProvider {...(options.timing ? { timing: options.timing } : {})}>{content}</TicketProvider>
						</StorageCtx.Provider>
					</EnvCtx.Provider>
				</I18nCtx.Provider>
			</ApiCtx.Provider>
		</ZafCtx.Provider>,
		container,
	);
	const dispose = () => {
		render(null, container);
		client.close();
		emulator.dispose();
	};
	return { emulator, client, port, api, env, translator, container, local, t: translator.t, dispose };
}

/** The sections whose editor `openEditors` opens (the related tickets are a panel of their own). */
const EDITORS: readonly string[] = ["people", "fields", "metadata"];

/** The buttons of the glances of EDITORS. */
const glanceButtons = (container: HTMLElement) =>
	[...container.querySelectorAll<HTMLElement>(".zd-glance")]
		.filter(glance => EDITORS.includes(glance.dataset["editor"] ?? ""))
		.flatMap(glance => [...glance.querySelectorAll("button")]);

/**
 * Opens the People, Fields and Metadata editors of the sections that show a glance (OnDemand), as
 * an agent pressing each glance's button does, and waits until each editor has taken its place.
 */
export async function openEditors(container: HTMLElement): Promise<void> {
	// An editor with a waiting draft opens by itself.
	await until(
		() => glanceButtons(container).length > 0 || container.querySelector(".zd-editor") !== null,
		"a glance's button",
	);
	for (const button of glanceButtons(container)) button.click();
	await until(() => glanceButtons(container).length === 0, "the editors");
}
