import {randomUUID} from 'node:crypto';
import type {JsonObject} from '../core/json.js';

/** One audit record as a Tyk 5.7+ Dashboard stores it in its database (`audit.store_type: db`). */
export interface AuditRecord extends JsonObject {
	_id: string;
	req_id: string;
	org_id: string;
	/** RFC 1123 date. */
	date: string;
	/** UNIX seconds. */
	timestamp: number;
	ip: string;
	user: string;
	action: string;
	method: string;
	url: string;
	status: number;
}

/** What the router knows about one request under `/api` once it is answered. */
export interface AuditInput {
	readonly user: string;
	readonly ip: string;
	readonly method: string;
	readonly url: string;
	readonly status: number;
	readonly action: string;
}

/** The most records kept: the oldest go first, so a long-running demo never grows without bound. */
const maxRecords = 10_000;

/**
 * The emulator's audit log: one record per write under `/api` (newest last in memory, listed newest first), as the
 * Dashboard's `GET /api/audit-logs` serves them. Reads are not recorded: the real log has them, but they would bury
 * the writes a reader looks for, and nothing the emulator serves depends on them.
 */
export class AuditLog {
	private readonly records: AuditRecord[] = [];
	private seq = 0;

	constructor(private readonly orgId: string, private readonly now: () => Date) {}

	add(input: AuditInput): AuditRecord {
		const time = this.now();
		const record: AuditRecord = {
			_id: `${Math.floor(time.getTime() / 1000).toString(16).padStart(8, '0')}${(this.seq++).toString(16).padStart(16, '0')}`,
			req_id: randomUUID(), org_id: this.orgId, date: time.toUTCString(), timestamp: Math.floor(time.getTime() / 1000),
			ip: input.ip, user: input.user, action: input.action, method: input.method, url: input.url, status: input.status,
		};
		this.records.push(record);
		if (this.records.length > maxRecords) this.records.splice(0, this.records.length - maxRecords);
		return record;
	}

	/** Newest first, narrowed by the Dashboard's filters (`user`, `method`, `status`, `ip`, `action`, `url` as a substring). */
	query(query: URLSearchParams): AuditRecord[] {
		const exact = (['user', 'method', 'ip', 'action'] as const).flatMap((field) => {
			const value = query.get(field);
			return value === null || value === '' ? [] : [{field, value}];
		});
		const status = query.get('status');
		const url = query.get('url');
		return this.records.filter((record) => exact.every(({field, value}) => (field === 'method' ? record.method === value.toUpperCase() : record[field] === value))
			&& (status === null || status === '' || String(record.status) === status)
			&& (url === null || url === '' || record.url.includes(url))).reverse();
	}

	get(id: string): AuditRecord | undefined {
		return this.records.find((record) => record._id === id || record.req_id === id);
	}
}

/** The Dashboard's words for a write, as its audit records name them (e.g. `Update API`). */
export function auditAction(method: string, template: string): string {
	const verb = method === 'POST' ? 'Create' : method === 'PUT' ? 'Update' : method === 'DELETE' ? 'Delete' : 'Read';
	const what = template.includes('/policies') ? 'Policy' : template.includes('/assets') ? 'API Template' : template.includes('/apis') ? 'API' : 'Resource';
	return `${verb} ${what}`;
}
