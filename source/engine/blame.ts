import {matchBlame, type Blame, type BlameTarget} from '../core/blame.js';
import {getOperation, readAudit, bodyHash} from '../sources/journal.js';
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
 * A view with `blame`: who last changed the live side of each changed or only-live item, or deleted an item live. Reads this state directory's audit log
 * (tyk-console's own writes) and, once per load, the newest pages of the Dashboard's audit log when it has one;
 * nothing when no row needs it. Only `diff` and the console ask for it: planning never pays for it.
 */
export async function withBlame(context: EngineContext, view: EnvironmentView, signal?: AbortSignal): Promise<EnvironmentView> {
	// A view brought up to date after an apply may carry blame from before it: that is dropped, never kept stale.
	const {blame: _stale, ...current} = view;
	const rows = view.comparisons.filter(liveSide);
	if (rows.length === 0 || view.reachability !== 'ok') return _stale ? current : view;
	const targets: BlameTarget[] = rows.map((row) => ({
		key: row.key, kind: row.kind!, id: row.id!, ...(row.right?.dbId ? {dbId: row.right.dbId} : {}), liveHash: row.right ? bodyHash(row.right.body) : null,
		// Origin `git`: live is as its base left it, so only a tyk-console write (a rollback, an undo) can explain it.
		...((row as {origin?: string}).origin === 'git' ? {journalOnly: true} : {}),
	}));
	const [writes, records] = await Promise.all([
		readAudit(context.config.stateDir).catch(() => []),
		context.client(view.name).then((client) => readAuditUpdates(client, signal)).catch(() => undefined),
	]);
	signal?.throwIfAborted();
	const found = matchBlame(targets, view.name, writes, records ?? []);
	if (found.size === 0) return _stale ? current : view;
	// The journal names each operation's kind (publish, rollback, undo, migration); read only the operations blamed.
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
	return {...current, blame};
}
