// @vitest-environment happy-dom
import { render } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "../../platform/i18n/createTranslator";
import { I18nCtx } from "../../platform/context";
import type { PersonUser } from "../../shared/peopleTypes";
import { bundle, until } from "../../testing/panelTestSetup";
import { renderPeoplePanel } from "../../testing/peoplePanelTestSetup";
import { PersonChip } from "./PersonChip";

const cleanups: Array<() => void> = [];
afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()?.();
	document.body.innerHTML = "";
});

const PHOTO = "https://example.zendesk.com/system/photos/1101/olivia.png";

const aUser = (overrides: Partial<PersonUser> = {}): PersonUser => ({
	id: 1101,
	name: "Olivia Bennett",
	email: "olivia@example.com",
	role: "end-user",
	roleType: null,
	active: true,
	suspended: false,
	...overrides,
});

/** One chip, inside the translations provider, in a list as the section renders it. */
function renderChip(user: PersonUser) {
	const container = document.createElement("ul");
	document.body.append(container);
	render(
		<I18nCtx.Provider value={createTranslator("en", { en: bundle("en") })}>
			<PersonChip
				row={{ key: `u:${user.id}`, person: { kind: "user", user }, state: "current" }}
				onRemove={vi.fn()}
				onUndo={vi.fn()}
			/>
		</I18nCtx.Provider>,
		container,
	);
	cleanups.push(() => render(null, container));
	const avatar = () => {
		const found = container.querySelector<HTMLElement>(".zd-person__avatar");
		if (!found) throw new Error("no avatar");
		return found;
	};
	return { container, avatar, img: () => avatar().querySelector("img") };
}

describe("PersonChip avatar", () => {
	it("shows a decorative img of an https photo instead of the initials", () => {
		const { container, avatar, img } = renderChip(aUser({ photoUrl: PHOTO }));
		expect(img()?.getAttribute("src")).toBe(PHOTO);
		expect(img()?.getAttribute("alt")).toBe("");
		expect(avatar().getAttribute("aria-hidden")).toBe("true");
		expect(avatar().textContent).toBe("");
		// The name stays text next to the photo.
		expect(container.querySelector(".zd-person__name")?.textContent).toBe("Olivia Bennett");
	});

	it.each<[label: string, photoUrl: string | null | undefined]>([
		["no photo (null)", null],
		["no photo field (a placeholder or a restored staged change)", undefined],
		["an http photo (mixed content)", "http://example.zendesk.com/system/photos/1101/olivia.png"],
		["a javascript: URL", "javascript:alert(1)"],
		["a data: URL", "data:image/svg+xml,<svg onload=alert(1)>"],
		["an https URL with a leading space", " https://example.zendesk.com/a.png"],
	])("shows the initials and no img for %s", (_label, photoUrl) => {
		const { avatar, img } = renderChip(aUser(photoUrl === undefined ? {} : { photoUrl }));
		expect(img()).toBeNull();
		expect(avatar().textContent).toBe("OB");
	});

	it("falls back to the initials when the photo fails to load", async () => {
		const { avatar, img } = renderChip(aUser({ photoUrl: PHOTO }));
		img()?.dispatchEvent(new Event("error"));
		await until(() => img() === null, "the fallback");
		expect(avatar().textContent).toBe("OB");
	});
});

describe("PeoplePanel photos", () => {
	/** Ticket 1 with Olivia (1101, who has a photo in the default world) added as a CC, read from `baseUrl`. */
	async function setup(baseUrl: string) {
		const { container, dispose } = await renderPeoplePanel({
			baseUrl,
			prepare: emulator => void emulator.db.tickets.find(t => t.id === 1)?.email_cc_ids.push(1101),
		});
		cleanups.push(dispose);
		await until(() => container.querySelector('[data-person="u:1101"]') !== null, "Olivia's chip");
		const chip = (key: string) => container.querySelector<HTMLElement>(`[data-person="${key}"] .zd-person__avatar`);
		return { chip };
	}

	it("shows the photo Zendesk sideloads with the ticket, and initials for users without one", async () => {
		const { chip } = await setup("https://example.zendesk.com");
		expect(chip("u:1101")?.querySelector("img")?.getAttribute("src")).toMatch(
			/^https:\/\/example\.zendesk\.com\/system\/photos\/1101\//,
		);
		expect(chip("u:1102")?.querySelector("img")).toBeNull();
		expect(chip("u:1102")?.textContent).toBe("LO");
	});

	it("shows initials for a photo served over http, as in the sandbox", async () => {
		const { chip } = await setup("http://localhost:4300");
		expect(chip("u:1101")?.querySelector("img")).toBeNull();
		expect(chip("u:1101")?.textContent).toBe("OB");
	});
});
