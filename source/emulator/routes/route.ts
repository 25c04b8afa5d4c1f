import type {RequestContext, Reply} from '../http.js';

/**
 * One endpoint. `template` is the route as the Dashboard names it (e.g. `/api/apis/{id}`); RBAC errors quote it,
 * so it doubles as documentation of what the emulator serves.
 */
export interface Route {
	readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	readonly template: string;
	readonly handle: (ctx: RequestContext) => Reply | Promise<Reply>;
}
