/**
 * `/__sandbox/*` control endpoints (JSON, no auth, never part of Zendesk's API). The SSE stream
 * `GET /__sandbox/events` is served by the HTTP transport, which can keep a connection open.
 */
import { createControls } from "../controls/controls";
import { createFault } from "../controls/faults";
import { errorBody, respondJson } from "./responses";
import type { Route } from "./router";
import { failureResponse } from "./routeTypes";
import type { Runtime } from "../db/runtime";
import { isObject } from "../services/serviceTypes";
import type { SettingsPatch } from "../settings";
import type { EmulatorResponse } from "../types";

/** A control handler: the runtime and the parsed JSON body. */
export type SandboxHandler = (rt: Runtime, body: unknown, query: URLSearchParams) => EmulatorResponse;

const badRequest = (description: string) => respondJson(400, errorBody("InvalidSandboxRequest", description));

function reset(rt: Runtime, body: unknown): EmulatorResponse {
	const world = isObject(body) && typeof body.world === "string" ? body.world : undefined;
	if (!createControls(rt).reset(world)) return respondJson(404, errorBody("UnknownWorld", `No world named ${world}`));
	return respondJson(200, { world: rt.worldName });
}

function addFaults(rt: Runtime, body: unknown): EmulatorResponse {
	const specs = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.faults) ? body.faults : [body];
	const faults = specs.map(spec => createFault(spec));
	const problem = faults.find(f => typeof f === "string");
	if (typeof problem === "string") return badRequest(problem);
	for (const fault of faults) if (typeof fault !== "string") rt.faults.push(fault);
	return respondJson(201, { faults: faults });
}

function actAs(rt: Runtime, body: unknown): EmulatorResponse {
	if (!isObject(body) || !Number.isInteger(Number(body.ticketId))) return badRequest("ticketId is required");
	if (body.changes !== undefined && !isObject(body.changes)) return badRequest("changes must be a ticket update body");
	const result = createControls(rt).actAs({
		ticketId: Number(body.ticketId),
		as: typeof body.as === "string" ? body.as : undefined,
		changes: isObject(body.changes) ? (isObject(body.changes.ticket) ? body.changes.ticket : body.changes) : undefined,
	});
	return result.ok
		? respondJson(200, { ticket: result.ticket, ...(result.audit ? { audit: result.audit } : {}) })
		: failureResponse(result.failure);
}

function updateSettings(rt: Runtime, body: unknown): EmulatorResponse {
	if (!isObject(body)) return badRequest("settings must be an object");
	const { settings, ignored } = createControls(rt).updateSettings(body as SettingsPatch);
	return respondJson(200, { settings, ignored });
}

/** The control routes. */
export const sandboxRoutes: Array<Route<SandboxHandler>> = [
	{ method: "POST", pattern: "/__sandbox/reset", handler: reset },
	{
		method: "GET",
		pattern: "/__sandbox/worlds",
		handler: rt => respondJson(200, { worlds: createControls(rt).worlds(), current: rt.worldName }),
	},
	{ method: "GET", pattern: "/__sandbox/faults", handler: rt => respondJson(200, { faults: rt.faults }) },
	{ method: "POST", pattern: "/__sandbox/faults", handler: addFaults },
	{
		method: "DELETE",
		pattern: "/__sandbox/faults",
		handler: rt => (rt.faults.splice(0), respondJson(200, { faults: [] })),
	},
	{ method: "POST", pattern: "/__sandbox/act-as", handler: actAs },
	{
		method: "GET",
		pattern: "/__sandbox/settings",
		handler: rt => respondJson(200, { settings: createControls(rt).settings() }),
	},
	{ method: "POST", pattern: "/__sandbox/settings", handler: updateSettings },
	{ method: "GET", pattern: "/__sandbox/state", handler: rt => respondJson(200, createControls(rt).state()) },
	{
		method: "GET",
		pattern: "/__sandbox/requests",
		handler: rt => respondJson(200, { requests: createControls(rt).requests() }),
	},
	{
		method: "DELETE",
		pattern: "/__sandbox/requests",
		handler: rt => (rt.log.splice(0), respondJson(200, { requests: [] })),
	},
	{
		method: "POST",
		pattern: "/__sandbox/jobs/flush",
		handler: rt => (rt.runner.flush(), respondJson(200, { activeJobs: rt.runner.active() })),
	},
	{
		method: "GET",
		pattern: "/__sandbox/events",
		handler: () =>
			badRequest(
				"Server-Sent Events are served by the HTTP transport (startEmulator); in-process, use emulator.onChange",
			),
	},
];
