import {isJsonObject, type JsonValue} from '../../core/json.js';
import {ApiError} from '../errors.js';
import {ok, parseJson, type RequestContext} from '../http.js';
import type {Route} from './route.js';

function listIn(ctx: RequestContext, key: string): JsonValue[] {
	const body = parseJson(ctx.rawBody, 403, 'Request body malformed');
	const list = isJsonObject(body) ? body[key] : undefined;
	if (!Array.isArray(list)) throw new ApiError(403, 'Request body malformed');
	return list;
}

/** Admin import endpoints (`admin-auth`), which keep the ids they are given (backup/restore, migration). */
export const adminRoutes: Route[] = [
	{
		method: 'POST', template: '/admin/apis/import',
		async handle(ctx) {
			const meta = ctx.store.importApis(listIn(ctx, 'apis'));
			await ctx.store.commit();
			return ok('APIs imported', meta);
		},
	},
	{
		method: 'POST', template: '/admin/policies/import',
		async handle(ctx) {
			const meta = ctx.store.importPolicies(listIn(ctx, 'Data'));
			await ctx.store.commit();
			return ok('Policies imported', meta);
		},
	},
];
