import {createHash, timingSafeEqual} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {setTimeout as delay} from 'node:timers/promises';
import {ApiError} from './errors.js';
import {errorReply, readBody, send, type Reply} from './http.js';
import {auditAction} from './audit-log.js';
import {adminRoutes} from './routes/admin.js';
import {assetRoutes} from './routes/assets.js';
import {auditRoutes} from './routes/audit.js';
import {classicRoutes} from './routes/classic.js';
import {oasRoutes} from './routes/oas.js';
import {policyRoutes} from './routes/policies.js';
import type {Route} from './routes/route.js';
import type {EmulatorStore} from './store.js';

/** Credentials the router checks; kept out of every reply and log. */
export interface Credentials {
	readonly secret: string;
	readonly adminSecret: string;
	readonly readOnlySecret?: string;
	/** More Dashboard users, each with its own key: the audit log names who made each write. */
	readonly users?: readonly EmulatorUser[];
	/** The user names of `secret` and `readOnlySecret` in the audit log. */
	readonly secretUser?: string;
	readonly readOnlyUser?: string;
}

/** A Dashboard user of the emulator: its name (an email, as Tyk's users have), key and rights. */
export interface EmulatorUser {
	readonly name: string;
	readonly secret: string;
	readonly readOnly?: boolean;
}

/** Default user names, as the audit log records them. */
export const defaultSecretUser = 'admin@tyk-emulator.local';
export const defaultReadOnlyUser = 'viewer@tyk-emulator.local';

interface Compiled {
	readonly route: Route;
	readonly segments: readonly string[];
	readonly params: number;
}

/** Literal routes are tried before parameterised ones, so `/api/apis/search` never reads as an id. */
const compiled: Compiled[] = [...oasRoutes, ...classicRoutes, ...policyRoutes, ...assetRoutes, ...auditRoutes, ...adminRoutes]
	.map((route) => {
		const segments = route.template.split('/').filter(Boolean);
		return {route, segments, params: segments.filter((s) => s.startsWith('{')).length};
	})
	.sort((a, b) => a.params - b.params);

function match(method: string, path: string): {route: Route; params: Record<string, string>} | undefined {
	const parts = path.split('/').filter(Boolean);
	for (const entry of compiled) {
		if (entry.route.method !== method || entry.segments.length !== parts.length) continue;
		const params: Record<string, string> = {};
		let matched = true;
		for (const [index, segment] of entry.segments.entries()) {
			const part = parts[index]!;
			if (segment.startsWith('{')) {
				try {
					params[segment.slice(1, -1)] = decodeURIComponent(part);
				} catch {
					params[segment.slice(1, -1)] = part;
				}
			} else if (segment !== part) {
				matched = false;
				break;
			}
		}
		if (matched) return {route: entry.route, params};
	}
	return undefined;
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

/** Constant-time comparison, so response timing does not leak how much of a key was right. */
function sameSecret(given: string | undefined, expected: string | undefined): boolean {
	if (given === undefined || expected === undefined || expected === '') return false;
	return timingSafeEqual(digest(given), digest(expected));
}

type Access = 'full' | 'read' | 'none';

/** Who a request's key belongs to, and what it may do. */
function userAccess(header: string | undefined, credentials: Credentials): {access: Access; user?: string} {
	if (header === undefined) return {access: 'none'};
	const key = /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, '') : header;
	for (const candidate of new Set([header, key])) {
		if (sameSecret(candidate, credentials.secret)) return {access: 'full', user: credentials.secretUser ?? defaultSecretUser};
		if (sameSecret(candidate, credentials.readOnlySecret)) return {access: 'read', user: credentials.readOnlyUser ?? defaultReadOnlyUser};
		for (const user of credentials.users ?? []) {
			if (sameSecret(candidate, user.secret)) return {access: user.readOnly ? 'read' : 'full', user: user.name};
		}
	}
	return {access: 'none'};
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** How the emulator behaves beyond its data: the audit log API can be switched off (a Dashboard before 5.7). */
export interface HandlerSettings {
	readonly auditLog?: boolean;
}

async function dispatch(req: IncomingMessage, store: EmulatorStore, credentials: Credentials, pageSize: number, settings: HandlerSettings): Promise<Reply> {
	const url = new URL(req.url ?? '/', 'http://emulator.local');
	const method = (req.method ?? 'GET').toUpperCase();
	const path = url.pathname.replace(/\/+$/, '') || '/';
	if (path === '/api' || path.startsWith('/api/')) {
		const {access, user} = userAccess(headerValue(req, 'authorization'), credentials);
		if (access === 'none') return errorReply(401, 'Not authorised');
		const found = settings.auditLog === false && path.startsWith('/api/audit-logs') ? undefined : match(method, path);
		if (!found) return errorReply(404, 'Not found');
		if (method === 'GET') return run(req, found, url, store, pageSize);
		// Every write is recorded with who made it and how it ended, as a Dashboard with audit logging on does.
		const reply = access === 'read'
			? errorReply(403, `access denied: You do not have permission to access  ${found.route.template}`)
			: await run(req, found, url, store, pageSize).catch((error: unknown) => {
				if (error instanceof ApiError) return errorReply(error.status, error.message);
				throw error;
			});
		store.audit.add({
			user: user ?? '', ip: req.socket.remoteAddress ?? '', method, url: `${url.pathname}${url.search}`, status: reply.status,
			action: auditAction(method, found.route.template),
		});
		return reply;
	}
	if (path === '/admin' || path.startsWith('/admin/')) {
		if (!sameSecret(headerValue(req, 'admin-auth'), credentials.adminSecret)) return errorReply(401, 'Not authorised');
		const found = match(method, path);
		if (!found) return errorReply(404, 'Not found');
		return run(req, found, url, store, pageSize);
	}
	return errorReply(404, 'Not found');
}

async function run(
	req: IncomingMessage,
	found: {route: Route; params: Record<string, string>},
	url: URL,
	store: EmulatorStore,
	pageSize: number,
): Promise<Reply> {
	const rawBody = await readBody(req);
	if (store.faults.shouldFail(found.route.method)) return errorReply(500, 'Emulated server failure (fault injection).');
	return found.route.handle({
		method: found.route.method, params: found.params, query: url.searchParams, store, pageSize, rawBody,
		contentType: headerValue(req, 'content-type') ?? '',
	});
}

/**
 * Builds the `node:http` request listener: latency, authentication, RBAC, routing, fault injection and
 * error rendering. Unexpected exceptions become a 500 with a generic message (never request data).
 */
export function createHandler(store: EmulatorStore, credentials: Credentials, pageSize: number, settings: HandlerSettings = {}) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		const respond = async (): Promise<void> => {
			const latency = store.faults.settings.latencyMs;
			if (latency > 0) await delay(latency);
			let reply: Reply;
			try {
				reply = await dispatch(req, store, credentials, pageSize, settings);
			} catch (error) {
				reply = error instanceof ApiError ? errorReply(error.status, error.message) : errorReply(500, 'Internal emulator error.');
			}
			send(res, reply);
		};
		respond().catch(() => {
			if (!res.headersSent) send(res, errorReply(500, 'Internal emulator error.'));
			else res.destroy();
		});
	};
}
