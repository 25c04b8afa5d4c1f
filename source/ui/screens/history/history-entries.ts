import type {ItemHistory, VersionRef} from '../../../engine/services.js';

/** One selectable version in the History screen: a Git revision or a journal snapshot. */
export interface HistoryEntry {
	readonly version: VersionRef;
	/** Short label for plans and diffs, e.g. `git 3f2a1c9` or `snapshot 20261122T…`. */
	readonly label: string;
	readonly columns: readonly [string, string, string, string];
}

/** Flattens revisions (newest first) then snapshots into one list the cursor can move through. */
export function historyEntries(history: ItemHistory): HistoryEntry[] {
	return [
		...history.revisions.map((r): HistoryEntry => ({
			version: {type: 'git', commit: r.commit},
			label: `git ${r.commit.slice(0, 7)}`,
			columns: [`git ${r.commit.slice(0, 7)}`, r.date, r.author, r.subject],
		})),
		...history.snapshots.map((s): HistoryEntry => ({
			version: {type: 'snapshot', id: s.id},
			label: `snapshot ${s.id}`,
			columns: [`snapshot ${s.id}`, s.time, `op ${s.operation}`, `before ${s.action}`],
		})),
	];
}
