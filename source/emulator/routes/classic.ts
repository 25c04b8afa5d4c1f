import {createClassic, updateClassic} from '../classic-writes.js';
import {ApiError} from '../errors.js';
import {json, listParts, ok, parseJson, type RequestContext, type Reply} from '../http.js';
import type {Route} from './route.js';

function list(ctx: RequestContext): Reply {
	const {apis} = ctx.store;
	const query = ctx.query;
	const page = apis.query({q: query.get('q'), category: query.get('category'), sort: query.get('sort'), p: query.get('p')}, ctx.pageSize);
	return {status: 200, parts: listParts(page.items.map((record) => apis.wrapperJson(record)), page.pages)};
}

function param(ctx: RequestContext): string {
	return ctx.params['id'] ?? '';
}

/** Classic API endpoints (`/api/apis`), which also list and address OAS APIs through their Classic projection. */
export const classicRoutes: Route[] = [
	{method: 'GET', template: '/api/apis', handle: list},
	{method: 'GET', template: '/api/apis/search', handle: list},
	{method: 'GET', template: '/api/apis/categories', handle: (ctx) => json({categories: ctx.store.apis.categoryCounts()})},
	{
		method: 'POST', template: '/api/apis',
		async handle(ctx) {
			const record = createClassic(ctx.store.apis, ctx.store.ctx, parseJson(ctx.rawBody, 400, "Couldn't read body."));
			await ctx.store.commit();
			return ok('API created', record.dbId, {ID: record.apiId});
		},
	},
	{
		method: 'GET', template: '/api/apis/{id}',
		handle(ctx) {
			const record = ctx.store.apis.find(param(ctx));
			if (!record) throw new ApiError(400, 'Could not retrieve API detail');
			return {status: 200, parts: [ctx.store.apis.wrapperJson(record)]};
		},
	},
	{
		method: 'PUT', template: '/api/apis/{id}',
		async handle(ctx) {
			updateClassic(ctx.store.apis, ctx.store.ctx, param(ctx), parseJson(ctx.rawBody, 400, "Couldn't read body."));
			await ctx.store.commit();
			return ok('API updated');
		},
	},
	{
		method: 'DELETE', template: '/api/apis/{id}',
		async handle(ctx) {
			const record = ctx.store.apis.find(param(ctx));
			if (!record) throw new ApiError(404, 'Could not retrieve API detail');
			ctx.store.apis.remove(record);
			await ctx.store.commit();
			return ok('API deleted');
		},
	},
];
