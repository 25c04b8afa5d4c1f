import type {DashboardAuditRecord} from '../../core/blame.js';
import {isJsonObject, type JsonValue} from '../../core/json.js';
import type {DashboardClient} from './client.js';

const path = '/api/audit-logs';

/** Pages read at most per method: blame looks at recent writes, and a long log must never cost a request per record. */
export const auditPageLimit = 5;

function records(body: JsonValue): JsonValue[] {
	if (Array.isArray(body)) return body;
	if (!isJsonObject(body)) return [];
	for (const key of ['audit_logs', 'data', 'logs', 'AuditLogs']) {
		const value = body[key];
		if (Array.isArray(value)) return value;
	}
	return [];
}

function pagesOf(body: JsonValue): number {
	if (!isJsonObject(body)) return 1;
	const pages = body['pages'] ?? body['Pages'] ?? body['total_pages'];
	return typeof pages === 'number' && Number.isFinite(pages) ? pages : 1;
}

/** One record as blame reads it; undefined when it lacks who, when, what or where. */
function record(value: JsonValue): DashboardAuditRecord | undefined {
	if (!isJsonObject(value)) return undefined;
	const {user, method, url, status, timestamp, date} = value;
	if (typeof user !== 'string' || typeof method !== 'string' || typeof url !== 'string') return undefined;
	const time = typeof timestamp === 'number' ? new Date(timestamp * 1000) : typeof date === 'string' ? new Date(date) : undefined;
	if (!time || Number.isNaN(time.getTime())) return undefined;
	return {user, method: method.toUpperCase(), url, status: typeof status === 'number' ? status : Number(status), at: time.toISOString()};
}

/** The newest records of one method: the first page, then the rest (up to the limit) at once. */
async function readMethod(client: DashboardClient, method: string, signal?: AbortSignal): Promise<DashboardAuditRecord[]> {
	const first = await client.request('GET', path, {query: {p: 1, method}, signal});
	const pages = Math.min(pagesOf(first.body), auditPageLimit);
	const rest = await Promise.all(Array.from({length: Math.max(0, pages - 1)}, (_unused, index) =>
		client.request('GET', path, {query: {p: index + 2, method}, signal})));
	return [first, ...rest].flatMap((response) => records(response.body).map(record).filter((r): r is DashboardAuditRecord => r !== undefined));
}

/**
 * The newest item updates and deletes of a Dashboard's audit log (Tyk 5.7+ with database storage:
 * `GET /api/audit-logs`, filtered to `PUT` and to `DELETE`, so the reads every client makes do not bury them), at
 * most `auditPageLimit` pages of each. Undefined when the Dashboard has no such log (404 before 5.7 or with file
 * storage, 403 without the "Audit Logs" permission) or it cannot be read: blame then falls back to the journal, and
 * a diff never fails for it.
 */
export async function readAuditUpdates(client: DashboardClient, signal?: AbortSignal): Promise<DashboardAuditRecord[] | undefined> {
	try {
		const [updates, deletes] = await Promise.all([readMethod(client, 'PUT', signal), readMethod(client, 'DELETE', signal)]);
		return [...updates, ...deletes];
	} catch (error) {
		if (signal?.aborted) throw error;
		return undefined;
	}
}
