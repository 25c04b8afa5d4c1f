import {matchBlame, type Blame, type BlameTarget} from '../core/blame.js';
import {getOperation, readAuditTail, bodyHash} from '../sources/journal.js';
import {readAuditUpdates} from '../sources/dashboard/audit-logs.js';
import type {Comparison} from '../core/status.js';
import type {EngineContext} from './context.js';
import {kindOf} from './operations.js';
import type {EnvironmentView} from './services.js';

/** Whether a row's live side is one blame explains: a changed or only-live item, or one deleted live (only in Git). */
function liveSide(row: Comparison): boolean {
	if (row.kind === undefined || row.id === undefined) return false;
	return row.status === 'only-in-git' ? row.left !== undefined : row.right !== undefined && (row.status === 'changed' || row.status === 'only-live');
}

/**
 * A view with `blame`: who last changed the live side of each changed or only-live item, or deleted an item live.
 * Reads the end of this state directory's audit log (tyk-console's own writes) and, once per load, the newest pages
 * of the Dashboard's audit log when it has one; nothing when no row needs it. Only `diff` and the console ask for
 * it: planning never pays for it.
 */
export async function withBlame(context: EngineContext, view: EnvironmentView, signal?: AbortSignal): Promise<EnvironmentView> {
	const {blame: stale, ...current} = view;
	const rows = view.comparisons.filter(liveSide);
	if (rows.length === 0 || view.reachability !== 'ok') return stale ? current : view;
	const [writes, records] = await Promise.all([
		readAuditTail(context.config.stateDir).catch(() => []),
		context.client(view.name).then((client) => readAuditUpdates(client, signal)).catch(() => undefined),
	]);
	signal?.throwIfAborted();
	const blame = await named(context, matchBlame(rows.map(target), view.name, writes, records ?? []));
	return Object.keys(blame).length > 0 ? {...current, blame} : stale ? current : view;
}

function target(row: Comparison): BlameTarget {
	return {
		key: row.key, kind: row.kind!, id: row.id!, ...(row.right?.dbId ? {dbId: row.right.dbId} : {}), liveHash: row.right ? bodyHash(row.right.body) : null,
		// Origin `git`: live is as its base left it, so only a tyk-console write (a rollback, an undo) can explain it.
		...(row.origin === 'git' ? {journalOnly: true} : {}),
	};
}

/** Blame with each journal match named by its operation's kind (publish, rollback, undo, migration). */
async function named(context: EngineContext, found: ReadonlyMap<string, Blame>): Promise<Record<string, Blame>> {
	const operations = [...new Set([...found.values()].flatMap((blame) => (blame.operation ? [blame.operation] : [])))];
	const kinds = new Map(await Promise.all(operations.map(async (id) => {
		const record = await getOperation(context.config.stateDir, id).catch(() => undefined);
		return [id, record ? kindOf[record.action] : undefined] as const;
	})));
	const blame: Record<string, Blame> = {};
	for (const [key, entry] of found) {
		const kind = entry.operation ? kinds.get(entry.operation) : undefined;
		blame[key] = kind ? {...entry, via: `tyk-console ${kind}`} : entry;
	}
	return blame;
}

/**
 * Blame of a view brought up to date after an apply, without asking the Dashboard again: the items the apply wrote
 * live (`written`) are explained by the journal (the apply is their newest write), the others keep what the load
 * found, and rows no longer changed lose theirs. A dump writes no Dashboard: it passes no keys.
 */
export async function refreshBlame(context: EngineContext, view: EnvironmentView, written: ReadonlySet<string>): Promise<EnvironmentView> {
	const {blame: old, ...current} = view;
	if (!old && written.size === 0) return view;
	const rows = view.comparisons.filter(liveSide);
	const blame: Record<string, Blame> = {};
	for (const row of rows) if (old?.[row.key] && !written.has(row.key)) blame[row.key] = old[row.key]!;
	const fresh = rows.filter((row) => written.has(row.key));
	if (fresh.length > 0) {
		const writes = await readAuditTail(context.config.stateDir).catch(() => []);
		Object.assign(blame, await named(context, matchBlame(fresh.map(target), view.name, writes, [])));
	}
	return Object.keys(blame).length > 0 ? {...current, blame} : current;
}
