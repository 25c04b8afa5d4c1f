import {errorReply, json, ok, parseJson, type RequestContext, type Reply} from '../http.js';
import type {Route} from './route.js';
import {ApiError} from '../errors.js';

function list(ctx: RequestContext): Reply {
	const {policies} = ctx.store;
	const page = policies.query(ctx.query.get('q'), ctx.query.get('p'), ctx.pageSize);
	return json({Data: page.items.map((record) => policies.present(record)), Pages: page.pages});
}

function body(ctx: RequestContext) {
	return parseJson(ctx.rawBody, 403, 'Request body malformed.');
}

/** The policy named in the path; Dashboards before 5.12 (`legacyPolicyPaths`) accept only the DB `_id` there. */
function id(ctx: RequestContext): string {
	const given = ctx.params['id'] ?? '';
	if (ctx.store.ctx.legacyPolicyPaths && !/^[0-9a-f]{24}$/i.test(given)) throw new ApiError(400, 'Invalid policy ID.');
	return given;
}

/** Policy endpoints (`/api/portal/policies`), with the capitalised `Data`/`Pages` envelope. */
export const policyRoutes: Route[] = [
	{method: 'GET', template: '/api/portal/policies', handle: list},
	{method: 'GET', template: '/api/portal/policies/search', handle: list},
	{
		method: 'POST', template: '/api/portal/policies',
		async handle(ctx) {
			const record = ctx.store.policies.create(body(ctx));
			await ctx.store.commit();
			return ok(record.dbId);
		},
	},
	{
		method: 'GET', template: '/api/portal/policies/{id}',
		handle(ctx) {
			const record = ctx.store.policies.find(id(ctx));
			if (!record) return errorReply(404, 'Could not retrieve portal object.');
			return json(ctx.store.policies.present(record));
		},
	},
	{
		method: 'PUT', template: '/api/portal/policies/{id}',
		async handle(ctx) {
			ctx.store.policies.update(id(ctx), body(ctx));
			await ctx.store.commit();
			return ok('Data updated');
		},
	},
	{
		method: 'DELETE', template: '/api/portal/policies/{id}',
		async handle(ctx) {
			ctx.store.policies.delete(id(ctx));
			await ctx.store.commit();
			return ok('Data deleted');
		},
	},
];
