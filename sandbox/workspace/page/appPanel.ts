/**
 * The right-hand apps tray: one ticket_sidebar app in an iframe (served cross-origin from the app
 * server) with its ZAF host. `resize` sets the iframe's size, `notify` shows a toast, `routeTo`
 * asks the page to navigate. Disposing removes the iframe and stops the host.
 */
import type { ZafHost } from "../host/zafHost";
import { createZafHost } from "../host/zafHost";
import type { SidebarApp } from "../host/sidebarApp";
import type { TicketState } from "../host/ticketState";
import type { ZafTicketField, ZafUser } from "../host/zafShapes";
import { el } from "./dom";
import { relayOverFetch } from "./relayFetch";

export interface AppPanelOptions {
	container: HTMLElement;
	app: SidebarApp;
	appGuid: string;
	ticket: TicketState;
	currentUser: () => ZafUser;
	ticketFields: () => ZafTicketField[];
	/** The signed-in agent's email: every relayed request runs as this user. */
	email: () => string;
	onRouteTo: (...args: unknown[]) => boolean;
	onNotify: (message: string, kind: string, options: unknown) => void;
}

/** The open app: its iframe and host. */
export interface AppPanel {
	iframe: HTMLIFrameElement;
	host: ZafHost;
	dispose(): void;
}

/** Puts the app into `container` and starts its host before the iframe can say hello. */
export function openAppPanel(options: AppPanelOptions): AppPanel {
	const { app, appGuid } = options;
	const iframe = el("iframe", {
		src: app.url,
		title: app.metadata.name,
		name: `app_${app.metadata.appId}_ticket_sidebar`,
		"data-testid": "app-frame",
		class: "app-frame",
	});
	iframe.style.width = app.flexible ? "100%" : "320px";
	iframe.style.height = "80px";
	const section = el(
		"section",
		{ class: "app", "data-testid": "app-panel" },
		el(
			"header",
			{ class: "app-header" },
			app.metadata.name,
			el("span", { class: "app-version" }, ` v${app.metadata.version}`),
		),
		iframe,
	);
	options.container.replaceChildren(section);
	const target = iframe.contentWindow;
	if (!target) throw new Error("the app iframe has no window");
	const host = createZafHost({
		window,
		target,
		appOrigin: app.origin,
		appGuid,
		metadata: () => app.metadata,
		context: () => ({
			instanceGuid: appGuid,
			product: "support",
			account: { subdomain: "sandbox" },
			location: "ticket_sidebar",
			ticketId: options.ticket.id,
		}),
		ticket: options.ticket,
		currentUser: options.currentUser,
		currentAccount: () => ({ subdomain: "sandbox", planName: "enterprise" }),
		ticketFields: options.ticketFields,
		relay: requestOptions => relayOverFetch(requestOptions, options.email()),
		onResize: size => {
			if (size.height) iframe.style.height = size.height;
			if (size.width && app.flexible) iframe.style.width = size.width;
		},
		onRouteTo: options.onRouteTo,
		onNotify: options.onNotify,
	});
	return {
		iframe,
		host,
		dispose() {
			host.dispose();
			section.remove();
		},
	};
}
