/**
 * The feature actions the benchmark counts requests for, driven through the app's UI like an
 * agent would (default world, signed in as the agent). Each action starts on a settled panel and
 * resolves when the app shows that it is done; the caller counts the requests in between.
 * `prepare` runs before the request log is cleared (e.g. staging a change), `act` after it.
 */
import type { Frame } from "playwright-core";

/** One measured action. */
export interface BenchAction {
	/** Stable key for --json. */
	key: string;
	label: string;
	ticketId: number;
	/** What an agent does before the measured part (not counted). */
	prepare?(app: Frame): Promise<void>;
	/** The measured part; resolves when the UI shows the outcome. */
	act(app: Frame): Promise<void>;
}

const ccGroup = (app: Frame) => app.locator('.zd-people__group[data-list="ccs"]');

/** Opens a section's editor from its glance (not counted: it reads nothing the panel has not). */
async function openEditor(app: Frame, button: "Edit people" | "Edit fields" | "Edit metadata"): Promise<void> {
	const edit = app.getByRole("button", { name: button, exact: true });
	if ((await edit.count()) === 0) return;
	await edit.click();
	await edit.waitFor({ state: "detached" });
}

/** Types like a person (one key at a time, ~80 ms apart), so debouncing is exercised. */
async function typeSlowly(app: Frame, label: string, text: string): Promise<void> {
	await app.getByRole("combobox", { name: label }).pressSequentially(text, { delay: 80 });
}

/** The actions, in the order the benchmark runs them. */
export const ACTIONS: readonly BenchAction[] = [
	{
		key: "followUpCreate",
		label: "follow-up create (closed ticket 7)",
		ticketId: 7,
		async prepare(app) {
			await app.getByRole("button", { name: "Create follow-up" }).click();
			await app.getByLabel("First comment").fill("Benchmark: the scanner jams again.");
		},
		async act(app) {
			await app.getByRole("button", { name: "Create follow-up" }).click();
			await app.getByText(/Follow-up #\d+ created\./).waitFor();
		},
	},
	{
		key: "peopleSearch",
		label: "people search (typing “Noah” key by key)",
		ticketId: 1,
		async prepare(app) {
			await openEditor(app, "Edit people");
			await app.getByRole("combobox", { name: "Add an email CC" }).waitFor();
		},
		async act(app) {
			await typeSlowly(app, "Add an email CC", "Noah");
			await app.getByRole("option", { name: /Noah Fischer/ }).waitFor();
		},
	},
	{
		key: "peopleApply",
		label: "people apply (add a CC, remove a CC)",
		ticketId: 1,
		async prepare(app) {
			await openEditor(app, "Edit people");
			await typeSlowly(app, "Add an email CC", "Noah");
			await app.getByRole("option", { name: /Noah Fischer/ }).click();
			await ccGroup(app).getByRole("button", { name: "Remove Liam O'Connor" }).click();
			await app.getByText("Add Noah Fischer as CC").waitFor();
		},
		async act(app) {
			await app.getByRole("button", { name: "Apply changes" }).click();
			await app.locator(".zd-people").getByText("Saved.").waitFor();
		},
	},
	{
		key: "fieldsSave",
		label: "fields save (one text field)",
		ticketId: 1,
		async prepare(app) {
			await openEditor(app, "Edit fields");
			await app.getByRole("textbox", { name: "Order number" }).fill("BENCH-1001");
		},
		async act(app) {
			await app.getByRole("button", { name: "Save fields" }).click();
			await app.locator(".zd-fields").getByText("Saved.").waitFor();
		},
	},
	{
		key: "metadataSave",
		label: "metadata save (attached to a fields save)",
		ticketId: 1,
		async prepare(app) {
			await openEditor(app, "Edit fields");
			await openEditor(app, "Edit metadata");
			const key = app.getByLabel("Key 1");
			if ((await key.count()) === 0) await app.getByRole("button", { name: "Add metadata" }).click();
			await app.getByLabel("Key 1").fill("bench_run");
			await app.getByLabel("Value 1").fill("1");
			await app.getByRole("textbox", { name: "Order number" }).fill("BENCH-1002");
		},
		async act(app) {
			await app.getByRole("button", { name: "Save fields" }).click();
			await app.locator(".zd-fields").getByText("Saved.").waitFor();
			await app.getByText(/Metadata saved/).waitFor();
		},
	},
	{
		key: "auditHistoryOpen",
		label: "audit history open (ticket 7, 5 audits)",
		ticketId: 7,
		async act(app) {
			await app.getByRole("button", { name: "Show history" }).click();
			await app.locator(".zd-audit").first().waitFor();
		},
	},
];
