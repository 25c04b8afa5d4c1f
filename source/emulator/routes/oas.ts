import {stringify as toYaml} from 'yaml';
import {isJsonObject, type JsonObject} from '../../core/json.js';
import {ApiError} from '../errors.js';
import {json, listParts, ok, parseDocument, type RequestContext, type Reply} from '../http.js';
import {explicitExtension, generateExtension, hasTykExtension, publicDoc} from '../oas.js';
import {createOas, requireOas, setOasCategories, updateOas} from '../oas-writes.js';
import {applyTemplate, deepMerge} from '../template-merge.js';
import type {Route} from './route.js';

function readDoc(ctx: RequestContext): JsonObject {
	const body = parseDocument(ctx.rawBody, ctx.contentType, 400, "Couldn't read body.");
	if (!isJsonObject(body)) throw new ApiError(400, "Couldn't read body.");
	return body;
}

function withTemplate(ctx: RequestContext, doc: JsonObject): JsonObject {
	const templateId = ctx.query.get('templateID');
	if (!templateId) return doc;
	const asset = ctx.store.assets.find(templateId);
	if (!asset) throw new ApiError(404, 'Asset not found');
	const data = asset.body['data'];
	return applyTemplate(isJsonObject(data) ? data : {}, doc);
}

function refuseVersioning(ctx: RequestContext): void {
	if (ctx.query.get('base_api_id')) throw new ApiError(400, 'Child API versions (base_api_id) are not supported by the emulator.');
}

async function create(ctx: RequestContext, doc: JsonObject): Promise<Reply> {
	const record = createOas(ctx.store.apis, ctx.store.ctx, withTemplate(ctx, doc));
	await ctx.store.commit();
	return ok('API created', record.dbId, {ID: record.apiId});
}

function id(ctx: RequestContext): string {
	return ctx.params['id'] ?? '';
}

/** Tyk OAS endpoints (`/api/apis/oas...`). */
export const oasRoutes: Route[] = [
	{
		method: 'GET', template: '/api/apis/oas',
		handle(ctx) {
			const page = ctx.store.apis.query({q: ctx.query.get('q'), sort: ctx.query.get('sort'), p: ctx.query.get('p')}, ctx.pageSize, 'oas');
			return {status: 200, parts: listParts(page.items.map((record) => ctx.store.apis.docJson(record)), page.pages)};
		},
	},
	{
		method: 'POST', template: '/api/apis/oas',
		handle(ctx) {
			refuseVersioning(ctx);
			return create(ctx, readDoc(ctx));
		},
	},
	{
		method: 'POST', template: '/api/apis/oas/import',
		async handle(ctx) {
			refuseVersioning(ctx);
			const doc = readDoc(ctx);
			if (hasTykExtension(doc)) throw new ApiError(400, 'The import payload should not contain x-tyk-api-gateway.');
			const options = {
				listenPath: ctx.query.get('listenPath') ?? undefined,
				upstreamURL: ctx.query.get('upstreamURL') ?? undefined,
				customDomain: ctx.query.get('customDomain') ?? undefined,
			};
			const merged = withTemplate(ctx, doc);
			const generated = generateExtension(merged, options);
			const fromTemplate = merged['x-tyk-api-gateway'];
			merged['x-tyk-api-gateway'] = isJsonObject(fromTemplate)
				? deepMerge(deepMerge(generated, fromTemplate), explicitExtension(options))
				: generated;
			const record = createOas(ctx.store.apis, ctx.store.ctx, merged);
			await ctx.store.commit();
			return ok('API created', record.dbId, {ID: record.apiId});
		},
	},
	{
		method: 'GET', template: '/api/apis/oas/{id}',
		handle: (ctx) => ({status: 200, parts: [ctx.store.apis.docJson(requireOas(ctx.store.apis, id(ctx), 400, 'Could not retrieve API detail.'))]}),
	},
	{
		method: 'PUT', template: '/api/apis/oas/{id}',
		async handle(ctx) {
			updateOas(ctx.store.apis, ctx.store.ctx, id(ctx), readDoc(ctx));
			await ctx.store.commit();
			return ok('API updated.');
		},
	},
	{
		method: 'DELETE', template: '/api/apis/oas/{id}',
		async handle(ctx) {
			ctx.store.apis.remove(requireOas(ctx.store.apis, id(ctx), 404, 'Could not retrieve API detail.'));
			await ctx.store.commit();
			return ok('API deleted.');
		},
	},
	{
		method: 'GET', template: '/api/apis/oas/{id}/export',
		handle(ctx) {
			const doc = requireOas(ctx.store.apis, id(ctx), 400, 'Could not retrieve API detail.').doc ?? {};
			const out = ctx.query.get('mode') === 'public' ? publicDoc(doc) : doc;
			if (/yaml/i.test(ctx.contentType)) return {status: 200, text: toYaml(out), contentType: 'application/x-yaml'};
			return json(out);
		},
	},
	{
		method: 'GET', template: '/api/apis/oas/{id}/categories',
		handle(ctx) {
			const record = requireOas(ctx.store.apis, id(ctx), 404, 'API not found');
			return json({categories: record.wrapper['categories'] ?? []});
		},
	},
	{
		method: 'PUT', template: '/api/apis/oas/{id}/categories',
		async handle(ctx) {
			const body = parseDocument(ctx.rawBody, 'application/json', 400, "Couldn't read body.");
			setOasCategories(ctx.store.apis, id(ctx), body);
			await ctx.store.commit();
			return ok('API categories updated.');
		},
	},
];
