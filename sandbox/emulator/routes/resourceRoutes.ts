/**
 * Account settings, ticket fields and forms, groups, uploads, attachments and job statuses
 * (zendesk-ticket-api.md §6.3, §7, §9; OAS ShowAccountSettings).
 */
import {
	createField,
	fieldsOfForms,
	listFields,
	listForms,
	showField,
	showForm,
	showManyForms,
} from "../services/fieldService";
import { listJobs, showJob } from "../services/jobService";
import { listPage } from "./listPage";
import { errorBody, respondEmpty, respondJson } from "./responses";
import { answer, failureResponse, idList, idParam, includes, type ApiRoute, type RouteContext } from "./routeTypes";
import { attachmentJson, fieldJson, formJson, groupJson, jobJson, uploadJson } from "./serializers";
import type { TicketFormRecord } from "../db/records";
import { fail, isObject, isStaff, ok } from "../services/serviceTypes";
import { findLocale, listLocales, localeJson } from "../services/localeCatalog";
import { deleteUpload, uploadFile } from "../services/uploadService";

function uploadRoute(c: RouteContext) {
	const bytes =
		c.raw === undefined ? new Uint8Array() : typeof c.raw === "string" ? new TextEncoder().encode(c.raw) : c.raw;
	const result = uploadFile(
		c.rt.ctx,
		c.actor,
		{
			filename: c.query.get("filename") ?? undefined,
			token: c.query.get("token") ?? undefined,
			contentType: c.headers["content-type"],
			bytes,
		},
		c.rt.ctx.db.account.settings.limits.attachment_size,
	);
	// 201 Created (OAS UploadFiles [V]).
	return answer(result, u => ({ upload: uploadJson(c.rt.ctx.db, u, c.base) }), 201);
}

function deleteUploadRoute(c: RouteContext) {
	const result = deleteUpload(c.rt.ctx, c.actor, c.params.token ?? "");
	return result.ok ? respondEmpty(204) : failureResponse(result.failure);
}

function showAttachment(c: RouteContext) {
	if (!isStaff(c.actor)) return failureResponse({ kind: "forbidden" });
	const attachment = c.rt.ctx.db.attachments.find(a => a.id === idParam(c));
	return attachment
		? respondJson(200, { attachment: attachmentJson(attachment, c.base) })
		: failureResponse({ kind: "not_found" });
}

function createFieldRoute(c: RouteContext) {
	if (!isObject(c.body) || !isObject(c.body.ticket_field))
		return respondJson(400, errorBody("ParameterMissing", "param is missing or the value is empty: ticket_field"));
	return answer(
		createField(c.rt.ctx, c.actor, c.body.ticket_field),
		f => ({ ticket_field: fieldJson(f, c.base) }),
		201,
	);
}

/** `localization.locale_ids` from the account settings; English alone when unset. */
function enabledLocaleIds(c: RouteContext): number[] {
	const ids = (c.rt.ctx.db.account.settings.localization as { locale_ids?: unknown } | undefined)?.locale_ids;
	return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === "number") : [1];
}

/**
 * Adds the forms' fields when `?include=ticket_fields` asks for them (Web Widget [F], see
 * `fieldsOfForms`). Other include values are ignored, as for tickets.
 */
function withFormFields(
	c: RouteContext,
	body: Record<string, unknown>,
	forms: readonly TicketFormRecord[],
): Record<string, unknown> {
	if (includes(c).includes("ticket_fields"))
		body.ticket_fields = fieldsOfForms(c.rt.ctx, c.actor, forms).map(f => fieldJson(f, c.base));
	return body;
}

const activeParam = (c: RouteContext) => (c.query.has("active") ? c.query.get("active") === "true" : undefined);

/** Account, fields, forms, groups, uploads, attachments and job routes. */
export const resourceRoutes: ApiRoute[] = [
	// "Allowed for: Agents" [V OAS].
	{
		method: "GET",
		pattern: "/api/v2/account/settings",
		handler: c =>
			answer(isStaff(c.actor) ? ok(c.rt.ctx.db.account.settings) : fail({ kind: "forbidden" }), s => ({ settings: s })),
	},
	{
		method: "GET",
		pattern: "/api/v2/ticket_fields",
		handler: c =>
			respondJson(
				200,
				listPage(
					c,
					"ticket_fields",
					listFields(c.rt.ctx, c.actor).map(f => fieldJson(f, c.base)),
				),
			),
	},
	{ method: "POST", pattern: "/api/v2/ticket_fields", handler: createFieldRoute },
	{
		method: "GET",
		pattern: "/api/v2/ticket_fields/:id",
		handler: c => answer(showField(c.rt.ctx, c.actor, idParam(c)), f => ({ ticket_field: fieldJson(f, c.base) })),
	},
	{
		method: "GET",
		pattern: "/api/v2/ticket_forms",
		handler: c =>
			respondJson(
				200,
				listPage(
					c,
					"ticket_forms",
					listForms(c.rt.ctx, c.actor, activeParam(c)).map(f => formJson(f, c.base)),
				),
			),
	},
	// Before `:id`. "Allowed for: Anyone" [V OAS ShowManyTicketForms].
	{
		method: "GET",
		pattern: "/api/v2/ticket_forms/show_many",
		handler: c => {
			const forms = showManyForms(c.rt.ctx, c.actor, idList(c.query.get("ids")), activeParam(c));
			return respondJson(200, withFormFields(c, { ticket_forms: forms.map(f => formJson(f, c.base)) }, forms));
		},
	},
	{
		method: "GET",
		pattern: "/api/v2/ticket_forms/:id",
		handler: c =>
			answer(showForm(c.rt.ctx, c.actor, idParam(c)), f =>
				withFormFields(c, { ticket_form: formJson(f, c.base) }, [f]),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/groups",
		handler: c =>
			answer(isStaff(c.actor) ? ok(c.rt.ctx.db.groups) : fail({ kind: "forbidden" }), gs => ({
				groups: gs.map(g => groupJson(g, c.base)),
				next_page: null,
				previous_page: null,
				count: gs.length,
			})),
	},
	// "Allowed for: Anyone" [V OAS ListLocales, ShowLocaleById].
	{
		method: "GET",
		pattern: "/api/v2/locales",
		handler: c => respondJson(200, { locales: listLocales(enabledLocaleIds(c), c.base) }),
	},
	{
		method: "GET",
		pattern: "/api/v2/locales/:locale",
		handler: c => {
			const entry = findLocale(c.params.locale ?? "");
			return entry ? respondJson(200, { locale: localeJson(entry, c.base) }) : failureResponse({ kind: "not_found" });
		},
	},
	{ method: "POST", pattern: "/api/v2/uploads", handler: uploadRoute },
	{ method: "DELETE", pattern: "/api/v2/uploads/:token", handler: deleteUploadRoute },
	{ method: "GET", pattern: "/api/v2/attachments/:id", handler: showAttachment },
	{
		method: "GET",
		pattern: "/api/v2/job_statuses",
		handler: c => answer(listJobs(c.rt.ctx, c.actor), js => ({ job_statuses: js.map(j => jobJson(j, c.base)) })),
	},
	{
		method: "GET",
		pattern: "/api/v2/job_statuses/show_many",
		handler: c =>
			answer(
				listJobs(
					c.rt.ctx,
					c.actor,
					(c.query.get("ids") ?? "")
						.split(",")
						.map(s => s.trim())
						.filter(Boolean),
				),
				js => ({ job_statuses: js.map(j => jobJson(j, c.base)) }),
			),
	},
	{
		method: "GET",
		pattern: "/api/v2/job_statuses/:id",
		handler: c => answer(showJob(c.rt.ctx, c.actor, c.params.id ?? ""), j => ({ job_status: jobJson(j, c.base) })),
	},
];
