import {templateKind} from '../asset-store.js';
import {ApiError} from '../errors.js';
import {json, parseJson, type RequestContext} from '../http.js';
import type {Route} from './route.js';

function id(ctx: RequestContext): string {
	return ctx.params['id'] ?? '';
}

function body(ctx: RequestContext) {
	return parseJson(ctx.rawBody, 400, 'error reading json body.');
}

/** Template endpoints (`/api/assets`): lower-case `success` envelopes, a bare array for the list. */
export const assetRoutes: Route[] = [
	{
		method: 'GET', template: '/api/assets',
		handle(ctx) {
			const kind = ctx.query.get('kind');
			if (kind !== null && kind !== templateKind) throw new ApiError(400, `unsupported asset kind: '${kind}'`);
			return json(ctx.store.listTemplates());
		},
	},
	{
		method: 'POST', template: '/api/assets',
		async handle(ctx) {
			const record = ctx.store.assets.create(body(ctx));
			await ctx.store.commit();
			return json({Status: 'success', Message: 'asset created', Meta: record.dbId, ID: record.body['id'] ?? ''}, 201);
		},
	},
	{
		method: 'GET', template: '/api/assets/{id}',
		handle(ctx) {
			const record = ctx.store.assets.find(id(ctx));
			if (!record) throw new ApiError(404, 'Asset not found');
			return json(record.body);
		},
	},
	{
		method: 'PUT', template: '/api/assets/{id}',
		async handle(ctx) {
			if (!ctx.store.assets.find(id(ctx))) throw new ApiError(404, 'Asset not found.');
			const record = ctx.store.assets.update(id(ctx), body(ctx));
			await ctx.store.commit();
			return json({Status: 'success', Message: 'asset updated', Meta: record.dbId, ID: record.body['id'] ?? ''});
		},
	},
	{
		method: 'DELETE', template: '/api/assets/{id}',
		async handle(ctx) {
			ctx.store.assets.delete(id(ctx));
			await ctx.store.commit();
			return json({Status: 'success', Message: 'Asset removed successfully', Meta: null});
		},
	},
];
