import {ApiError} from '../errors.js';
import {json} from '../http.js';
import {paginate} from '../paging.js';
import type {Route} from './route.js';

/**
 * The Dashboard's audit log API (Tyk 5.7+, database storage): `GET /api/audit-logs` lists records newest first,
 * `p` pages them (`pages` says how many), and `user`, `method`, `status`, `ip`, `action` and `url` narrow them.
 */
export const auditRoutes: Route[] = [
	{
		method: 'GET', template: '/api/audit-logs',
		handle(ctx) {
			const page = paginate(ctx.store.audit.query(ctx.query), ctx.query.get('p'), ctx.pageSize);
			return json({audit_logs: page.items, pages: page.pages});
		},
	},
	{
		method: 'GET', template: '/api/audit-logs/{id}',
		handle(ctx) {
			const record = ctx.store.audit.get(ctx.params['id'] ?? '');
			if (!record) throw new ApiError(404, 'Audit log not found');
			return json(record);
		},
	},
];
