import type {Kind} from './item.js';

/**
 * Who last changed an item's live side, and how: `via` is `tyk-console <operation kind>` when the journal of this
 * state directory shows tyk-console wrote exactly what is live, or `dashboard` when the Dashboard's audit log names a
 * write to the item (a hand edit in the Dashboard UI or another client).
 */
export interface Blame {
	readonly by: string;
	/** ISO 8601 time of the change. */
	readonly at: string;
	readonly via: string;
	/** The tyk-console operation ID, for `via: tyk-console …`. */
	readonly operation?: string;
}

/** A live item whose last change is looked for: its row key, identities and the hash of its live body. */
export interface BlameTarget {
	readonly key: string;
	readonly kind: Kind;
	readonly id: string;
	/** The Dashboard's own id, which its URLs may use instead of the portable one. */
	readonly dbId?: string;
	/** `sha256:…` of the live body as read (`bodyHash`), compared with the journal's hash of what was written; null: not live. */
	readonly liveHash: string | null;
	/** Only the journal can explain it: live has not moved since its base (origin `git`), so no Dashboard edit is newer. */
	readonly journalOnly?: boolean;
}

/** One write tyk-console recorded in its audit log (`audit.jsonl`), as far as blame needs it. */
export interface ToolWrite {
	readonly time: string;
	readonly user: string;
	readonly environment: string;
	readonly operation: string;
	readonly kind: Kind;
	readonly id: string;
	readonly result: string;
	/** `sha256:<hex>` of what was written (the read-back), null for a delete. */
	readonly after: string | null;
	/** What the operation read from, e.g. `git main@3f2a1c9`; `live <this environment>` is a dump, which wrote Git. */
	readonly source: string;
}

/** One record of a Dashboard audit log (Tyk 5.7+ `GET /api/audit-logs`), reduced to what blame uses. */
export interface DashboardAuditRecord {
	readonly user: string;
	/** ISO 8601 time. */
	readonly at: string;
	readonly method: string;
	/** Request path (and query) as the Dashboard recorded it. */
	readonly url: string;
	readonly status: number;
}

/** URL prefixes of item writes on a Dashboard, most specific first (an OAS path also starts with the Classic one). */
const itemPaths: ReadonlyArray<{prefix: string; kind: Kind}> = [
	{prefix: '/api/apis/oas/', kind: 'api'},
	{prefix: '/api/apis/', kind: 'api'},
	{prefix: '/api/portal/policies/', kind: 'policy'},
	{prefix: '/api/assets/', kind: 'template'},
];

/** The item a Dashboard write addresses (`PUT /api/apis/oas/{id}` …), or undefined for a create, a list or another resource. */
export function addressedItem(url: string): {kind: Kind; id: string} | undefined {
	const path = url.split('?')[0]!.replace(/\/+$/, '');
	for (const {prefix, kind} of itemPaths) {
		if (!path.startsWith(prefix)) continue;
		const rest = path.slice(prefix.length);
		// `/api/apis/oas/{id}/categories` and the like change the same item; the first segment is the id.
		const segment = rest.split('/')[0] ?? '';
		if (segment === '' || segment === 'search' || segment === 'import' || segment === 'export') return undefined;
		try {
			return {kind, id: decodeURIComponent(segment)};
		} catch {
			return {kind, id: segment};
		}
	}
	return undefined;
}

const writeMethods = new Set(['PUT', 'POST', 'PATCH', 'DELETE']);

/**
 * The last change of each target's live side. The journal wins when its newest applied write of the item hashes the
 * same as what is live (tyk-console put it there); otherwise the newest successful Dashboard write that addresses the
 * item by its portable or Dashboard id. A journal match says `via: tyk-console` with its operation ID: the caller
 * names the operation's kind (`tyk-console publish`). Targets with neither are left out: blame is never guessed.
 */
export function matchBlame(
	targets: readonly BlameTarget[],
	environment: string,
	writes: readonly ToolWrite[],
	records: readonly DashboardAuditRecord[],
): Map<string, Blame> {
	const newestWrite = new Map<string, ToolWrite>();
	for (const write of writes) {
		// A dump of this environment reads its Dashboard and writes Git: it never changed what is live.
		if (write.environment !== environment || write.result !== 'applied' || write.source === `live ${environment}`) continue;
		const key = `${write.kind}:${write.id}`;
		const known = newestWrite.get(key);
		if (!known || known.time <= write.time) newestWrite.set(key, write);
	}
	const newestRecord = new Map<string, DashboardAuditRecord>();
	for (const record of records) {
		if (!writeMethods.has(record.method.toUpperCase()) || record.status < 200 || record.status >= 300) continue;
		const item = addressedItem(record.url);
		if (!item) continue;
		const key = `${item.kind}:${item.id}`;
		const known = newestRecord.get(key);
		if (!known || known.at <= record.at) newestRecord.set(key, record);
	}
	const found = new Map<string, Blame>();
	for (const target of targets) {
		const write = newestWrite.get(`${target.kind}:${target.id}`);
		// The same hash, or both absent: a delete through tyk-console (a prune, an undo of a create) explains a missing item.
		if (write && write.after === target.liveHash) {
			found.set(target.key, {by: write.user, at: write.time, via: 'tyk-console', operation: write.operation});
			continue;
		}
		if (target.journalOnly) continue;
		const candidates = [newestRecord.get(`${target.kind}:${target.id}`), target.dbId ? newestRecord.get(`${target.kind}:${target.dbId}`) : undefined]
			.filter((record): record is DashboardAuditRecord => record !== undefined)
			.sort((a, b) => (a.at < b.at ? 1 : -1));
		const record = candidates[0];
		if (record) found.set(target.key, {by: record.user, at: record.at, via: 'dashboard'});
	}
	return found;
}

/** Blame in a few words for a narrow line: `alice@example.com in the Dashboard, 2026-12-03 10:00` or `tyk-console publish by ops, …`. */
export function blameShort(blame: Blame): string {
	const when = blame.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '');
	return blame.via === 'dashboard' ? `${blame.by} in the Dashboard, ${when}` : `${blame.via} by ${blame.by}, ${when}`;
}

/** Blame in words, one line: `changed by tyk-console publish on 2026-12-03 19:20 UTC (alice)` or `… by bob@example.com in the Dashboard`. */
export function blameText(blame: Blame): string {
	const when = blame.at.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
	return blame.via === 'dashboard'
		? `changed in the Dashboard on ${when} by ${blame.by}`
		: `changed by ${blame.via} on ${when} (${blame.by})`;
}
