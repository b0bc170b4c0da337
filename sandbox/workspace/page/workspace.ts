/**
 * The agent-workspace page (entry point, bundled by esbuild at `npm start`): header with the
 * "signed in as" switch, the ticket list at `/`, the ticket view plus the app tray at
 * `/tickets/<id>`, live refresh from the emulator's change stream, and `window.__workspace` for
 * tests. Routing is History API only; every route change disposes the previous view.
 */
import type { AppJson } from "../server/appSource";
import { sidebarApp } from "../host/sidebarApp";
import { submitTicket } from "../host/submitTicket";
import { createTicketState, type TicketState } from "../host/ticketState";
import type { WorkspaceConfig } from "../server/workspaceServer";
import type { ZafHost } from "../host/zafHost";
import { num, toZafTicketField, toZafUser, type Rest } from "../host/zafShapes";
import { openAppPanel, type AppPanel } from "./appPanel";
import { el } from "./dom";
import { installDriver } from "./driver";
import { chosenIdentity, pickIdentities, rememberIdentity, type Identity } from "./identity";
import { subscribeChanges } from "./liveEvents";
import { ticketList } from "./ticketList";
import { ticketView } from "./ticketView";
import { showToast } from "./toasts";
import { createWorkspaceApi, WorkspaceApiError, type TicketBundle } from "./workspaceApi";

const viewRoot = document.getElementById("view") as HTMLElement;
const appsRoot = document.getElementById("apps") as HTMLElement;
const toastRoot = document.getElementById("toasts") as HTMLElement;
const identityRoot = document.getElementById("identity") as HTMLElement;

let identity: Identity | undefined;
const api = createWorkspaceApi(() => identity?.email ?? "admin@example.com");
const adminApi = createWorkspaceApi(() => "admin@example.com");

/** The open route; `refresh` reloads it from the emulator, `dispose` tears it down. */
interface OpenView {
	ticketId: number | null;
	refresh(change?: { actorId?: number }): Promise<void>;
	dispose(): void;
	host?: ZafHost;
	form?: TicketState;
	submit?: () => Promise<unknown>;
}
let current: OpenView | undefined;
let generation = 0;

function setReady(ready: boolean) {
	document.body.dataset["ready"] = ready ? "true" : "false";
}

function toast(message: string, kind = "notice", options?: unknown) {
	showToast(toastRoot, message, kind, options);
}

/** Navigates within the workspace (pushState) and renders the route. */
function navigate(path: string) {
	if (location.pathname !== path) history.pushState(null, "", path);
	void route();
}

async function route() {
	const mine = ++generation;
	current?.dispose();
	current = undefined;
	setReady(false);
	const match = /^\/tickets\/(\d+)$/.exec(location.pathname);
	try {
		const view = match ? await openTicket(Number(match[1])) : await openList();
		if (mine !== generation) return view.dispose();
		current = view;
		setReady(true);
	} catch (error) {
		if (mine !== generation) return;
		viewRoot.replaceChildren(errorBox(error));
		appsRoot.replaceChildren();
		current = { ticketId: match ? Number(match[1]) : null, refresh: async () => route(), dispose() {} };
		setReady(true);
	}
}

function errorBox(error: unknown): HTMLElement {
	const status = error instanceof WorkspaceApiError ? error.status : 0;
	const text =
		status === 404
			? "This ticket does not exist in the emulator's current world."
			: status === 403
				? `The signed-in user (${identity?.label ?? "?"}) may not see this.`
				: String(error instanceof Error ? error.message : error);
	return el("div", { class: "error", role: "alert", "data-testid": "view-error" }, text);
}

async function openList(): Promise<OpenView> {
	appsRoot.replaceChildren(el("p", { class: "empty" }, "Open a ticket to see the app."));
	const render = async () => {
		const tickets = await api.listTickets();
		const users = await api.usersByIds([...new Set(tickets.map(t => num(t, "requester_id") ?? 0))].filter(Boolean));
		viewRoot.replaceChildren(
			ticketList(tickets, new Map(users.map(u => [num(u, "id") ?? 0, u])), id => navigate(`/tickets/${id}`)),
		);
	};
	await render();
	return { ticketId: null, refresh: render, dispose() {} };
}

async function openTicket(ticketId: number): Promise<OpenView> {
	const config = (await (await fetch("/__workspace/config.json")).json()) as WorkspaceConfig;
	const [bundle, me, appJson] = await Promise.all([
		api.loadTicket(ticketId),
		api.me(),
		fetch(config.appJsonUrl).then(r => r.json() as Promise<AppJson>),
	]);
	let latest: TicketBundle = bundle;
	const form = createTicketState(bundle);
	const appGuid = crypto.randomUUID();
	const app = sidebarApp(appJson, location.origin, appGuid);
	const render = () =>
		viewRoot.replaceChildren(
			ticketView(latest, form, { submit: () => void submit(), discard: () => form.clearEdits() }),
		);
	const stopForm = form.onChange(render);
	render();
	const panel: AppPanel = openAppPanel({
		container: appsRoot,
		app,
		appGuid,
		ticket: form,
		currentUser: () => toZafUser(me),
		ticketFields: () => latest.fields.map(toZafTicketField),
		email: () => identity?.email ?? "",
		onRouteTo: (target, id) => {
			if (target !== "ticket" || !Number.isInteger(Number(id))) return false;
			navigate(`/tickets/${Number(id)}`);
			return true;
		},
		onNotify: (message, kind, options) => toast(message, kind, options),
	});

	async function submit() {
		const outcome = await submitTicket({
			host: panel.host,
			ticket: form,
			save: (id, body) => api.updateTicket(id, body as Rest),
		});
		if (outcome.kind === "blocked") toast(outcome.message ?? "An app blocked saving this ticket.", "error");
		else if (outcome.kind === "failed") toast(`Saving failed (${outcome.status}): ${outcome.message}`, "error");
		else toast("Ticket saved.", "notice");
		await refresh();
		return outcome;
	}

	// Changes arrive in bursts; refresh one at a time and once more if something came in meanwhile.
	let running: Promise<void> | undefined;
	let again = false;
	const pendingUpdaters: number[] = [];
	async function refresh(change?: { actorId?: number }) {
		if (change?.actorId !== undefined && change.actorId !== num(me, "id")) pendingUpdaters.push(change.actorId);
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			do {
				again = false;
				latest = await api.loadTicket(ticketId);
				form.refresh(latest);
				render();
				for (const updatedBy of pendingUpdaters.splice(0)) panel.host.emit("ticket.updated", { ticketId, updatedBy });
			} while (again);
		})().finally(() => (running = undefined));
		return running;
	}

	return {
		ticketId,
		refresh,
		host: panel.host,
		form,
		submit,
		dispose() {
			stopForm();
			panel.dispose();
		},
	};
}

function renderIdentitySwitch(identities: Identity[]) {
	const select = el(
		"select",
		{
			"data-testid": "signed-in-as",
			"aria-label": "Signed in as",
			onchange: (e: Event) => {
				rememberIdentity((e.target as HTMLSelectElement).value as Identity["key"], localStorage);
				location.reload();
			},
		},
		identities.map(i =>
			el("option", { value: i.key, selected: i.key === identity?.key }, `${i.label}: ${i.name} <${i.email}>`),
		),
	);
	identityRoot.replaceChildren(el("label", {}, "Signed in as ", select));
}

async function boot() {
	setReady(false);
	const identities = pickIdentities(await adminApi.listUsers());
	identity = chosenIdentity(identities, localStorage, location.search);
	renderIdentitySwitch(identities);
	document.getElementById("home")?.addEventListener("click", e => {
		e.preventDefault();
		navigate("/");
	});
	window.addEventListener("popstate", () => void route());
	subscribeChanges(change => {
		if (!current) return;
		const relevant =
			current.ticketId === null ||
			change.type === "reset" ||
			(change.type === "ticket" && change.id === current.ticketId);
		if (!relevant) return;
		if (change.type === "reset") return void route();
		current.refresh(change).catch(error => toast(`Refresh failed: ${String(error)}`, "error"));
	});
	installDriver({
		current: () => current,
		identity: () => identity,
		navigate,
	});
	await route();
}

void boot().catch(error => {
	viewRoot.replaceChildren(errorBox(error));
	setReady(true);
});
