/**
 * TEST ONLY: the People panel of one ticket over a fresh in-process emulator: the real ticket core
 * (`createTestTicket`), the real people model, rendered inside the ZAF, API and i18n providers.
 */
import { render } from "preact";
import { createEmulator } from "../../sandbox/emulator/createEmulator";
import type { SandboxEmulator } from "../../sandbox/emulator/types";
import { createTranslator } from "../platform/i18n/createTranslator";
import type { StorageLike } from "../platform/storage/createDraftStore";
import { ApiCtx, I18nCtx, ZafCtx } from "../platform/context";
import { createPeopleModel } from "../features/people/createPeopleModel";
import { PeoplePanel } from "../features/people/PeopleEditor";
import { bundle } from "./panelTestSetup";
import { createTestTicket } from "./ticketTestSetup";

export interface PeoplePanelOptions {
	user?: string;
	ticketId?: number;
	locale?: string;
	world?: string;
	/** The emulator's own address (photo URLs are built from it). */
	baseUrl?: string;
	/** Changes the world before the panel reads it. */
	prepare?(emulator: SandboxEmulator): void;
	/** The agent's local storage (the same storage again = the panel was reloaded). */
	storage?: StorageLike;
	/** The same emulator again (with `storage`: a reload of the panel on the same account). */
	emulator?: SandboxEmulator;
}

/** Renders and loads the panel; call `dispose` when the test ends. */
export async function renderPeoplePanel(options: PeoplePanelOptions = {}) {
	const { user = "agent@example.com", ticketId = 1, locale = "en", world = "default" } = options;
	const emulator =
		options.emulator ??
		createEmulator({
			world,
			settings: { rateLimits: false },
			...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
		});
	options.prepare?.(emulator);
	const core = createTestTicket({
		ticketId,
		userEmail: user,
		emulator,
		...(options.storage ? { storage: options.storage } : {}),
	});
	const model = createPeopleModel({ ticket: core.store, api: core.api, drafts: core.drafts, searchDebounceMs: 0 });
	const translator = createTranslator(locale, { en: bundle("en"), [locale]: bundle(locale) });
	const container = document.createElement("div");
	document.body.append(container);
	render(
		<ZafCtx.Provider value={core.port}>
			<ApiCtx.Provider value={core.api}>
				<I18nCtx.Provider value={translator}>
					<PeoplePanel model={model} />
				</I18nCtx.Provider>
			</ApiCtx.Provider>
		</ZafCtx.Provider>,
		container,
	);
	await model.load();
	const ticket = () => emulator.db.tickets.find(t => t.id === ticketId);
	const dispose = () => {
		render(null, container);
		model.dispose();
		core.dispose();
		if (!options.emulator) emulator.dispose();
	};
	return { emulator, model, container, ticket, dispose, storage: core.storage };
}
