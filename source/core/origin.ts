import type {Status} from './status.js';

/**
 * Who moved an item that differs between Git and live, measured from its base (what the last write through
 * tyk-console left on both sides): `git` (Git moved, live did not), `live` (live moved, Git did not), `both` (each
 * moved its own way: a publish or a dump would erase the other's change) and `unknown` (no base recorded).
 */
export type Origin = 'git' | 'live' | 'both' | 'unknown';

export const origins: readonly Origin[] = ['git', 'live', 'both', 'unknown'];

/** Short tags for narrow tables (the Items screen at 80 columns). */
export const originTags: Readonly<Record<Origin, string>> = {git: 'git', live: 'live', both: 'both', unknown: '?'};

/** The content hashes of one item: null where that side lacks it (an item deleted there, or never created). */
export interface OriginHashes {
	/** The base hash; undefined when no base was ever recorded for the item, null when the base says "absent". */
	readonly base: string | null | undefined;
	readonly git: string | null;
	readonly live: string | null;
}

/**
 * The origin of a difference, from three content hashes. Undefined when Git and live agree (nothing to explain).
 * An item missing on one side is a side that moved like any other: only live with a base that Git had is a deletion
 * in Git (`git`); only in Git with a base that was live is a deletion live (`live`); a base of "absent" (a delete or
 * prune written through tyk-console) makes a new item on one side that side's change.
 */
export function classifyOrigin(hashes: OriginHashes): Origin | undefined {
	if (hashes.git === hashes.live) return undefined;
	if (hashes.base === undefined) return 'unknown';
	const gitMoved = hashes.git !== hashes.base;
	const liveMoved = hashes.live !== hashes.base;
	if (gitMoved && liveMoved) return 'both';
	return gitMoved ? 'git' : 'live';
}

/** Statuses whose rows get an origin: the pairs whose two sides both could be read and hashed, and differ. */
export function hasOrigin(status: Status): boolean {
	return status === 'changed' || status === 'only-in-git' || status === 'only-live';
}

/** Counts per origin (every origin present), for summaries. */
export function countOrigins(rows: readonly {readonly origin?: Origin}[]): Record<Origin, number> {
	const counts: Record<Origin, number> = {git: 0, live: 0, both: 0, unknown: 0};
	for (const row of rows) if (row.origin) counts[row.origin]++;
	return counts;
}

/** `2026-12-03 19:20 UTC`: a base time in plan lines and labels, the same on every machine. */
export function minuteText(iso: string): string {
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The red line under a step that erases someone's change: "overwrites a live change made since 2026-12-03 19:20 UTC"
 * (a publish), "overwrites a Git change: commit 3f2a1c9 Raise the rate limit" (a dump), and `(a conflict)` when both
 * sides moved.
 */
export function overwriteText(overwrite: {readonly origin: Origin; readonly since?: string; readonly commit?: string; readonly subject?: string}, direction: 'dump' | 'publish'): string {
	// Short: at 80 columns the console shows this line whole.
	const conflict = overwrite.origin === 'both' ? ' (a conflict)' : '';
	if (direction === 'dump') {
		const commit = overwrite.commit ? `: commit ${overwrite.commit.slice(0, 7)} ${overwrite.subject ?? ''}`.trimEnd() : overwrite.since ? ` made since ${minuteText(overwrite.since)}` : '';
		return `overwrites a Git change${commit}${conflict}`;
	}
	return `overwrites a live change${overwrite.since ? ` made since ${minuteText(overwrite.since)}` : ''}${conflict}`;
}
