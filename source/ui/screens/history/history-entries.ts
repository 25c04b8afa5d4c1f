import type {ItemHistory, VersionRef} from '../../../engine/services.js';

/** One selectable version in the History screen: a Git revision or a journal snapshot. */
export interface HistoryEntry {
	readonly version: VersionRef;
	/** Label for plans and diffs, e.g. `git 3f2a1c9` or `snapshot 20261122T163000Z-a1b2c3:api:payments`. */
	readonly label: string;
	/** What the list shows: short enough to tell versions apart at 80 columns (`git 3f2a1c9`, `snap a1b2c3`). */
	readonly short: string;
	/** When it was made, in clock milliseconds (NaN when the date cannot be read). */
	readonly at: number;
	/** The date as Git or the journal wrote it. */
	readonly date: string;
	/** Who (a Git author) or what kind of snapshot (`before update`). */
	readonly by: string;
	/** The commit subject, or the operation the snapshot was taken before. */
	readonly what: string;
}

/**
 * A snapshot's short name: the random tail of its operation ID (`20261122T163000Z-a1b2c3` → `a1b2c3`), which tells
 * snapshots apart where the time stamp in front (equal to the minute for one busy day) does not fit.
 */
export function snapshotShort(operation: string): string {
	const tail = /-([0-9a-f]{6})$/.exec(operation)?.[1];
	return `snap ${tail ?? operation.slice(-8)}`;
}

/**
 * Revisions and snapshots as one list, newest first (a snapshot taken after the last commit comes before it), so the
 * order says what happened when. Entries whose date cannot be read go last, in the order they came.
 */
export function historyEntries(history: ItemHistory): HistoryEntry[] {
	const entries = [
		...history.revisions.map((r): HistoryEntry => ({
			version: {type: 'git', commit: r.commit}, label: `git ${r.commit.slice(0, 7)}`, short: `git ${r.commit.slice(0, 7)}`,
			at: Date.parse(r.date), date: r.date, by: r.author, what: r.subject,
		})),
		...history.snapshots.map((s): HistoryEntry => ({
			version: {type: 'snapshot', id: s.id}, label: `snapshot ${s.id}`, short: snapshotShort(s.operation),
			at: Date.parse(s.time), date: s.time, by: `before ${s.action}`, what: `op ${s.operation}`,
		})),
	];
	const order = new Map(entries.map((entry, i) => [entry, i]));
	const time = (entry: HistoryEntry) => (Number.isNaN(entry.at) ? -Infinity : entry.at);
	return entries.sort((a, b) => time(b) - time(a) || order.get(a)! - order.get(b)!);
}
