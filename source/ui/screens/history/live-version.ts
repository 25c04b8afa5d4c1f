import type {Comparison} from '../../../core/status.js';
import type {VersionRef} from '../../../engine/services.js';
import type {HistoryEntry} from './history-entries.js';

/** Versions compared with live, newest first, before giving up: each comparison reads the Dashboard once. */
export const liveCheckLimit = 12;

/** Which listed version holds what the Dashboard runs now. */
export interface LiveVersion {
	/** Label of the newest version equal to live; undefined when none of those checked is. */
	readonly label?: string;
	/** False when versions were left unchecked (past the limit), so "none" is not claimed for them. */
	readonly complete: boolean;
}

/**
 * Finds the newest version whose content equals live (the comparison the history diff shows says `unchanged`), one
 * version at a time, so a match among the newest versions costs one or two reads. A version that cannot be read (a
 * snapshot of "did not exist", a revision without the item) is simply not live.
 */
export async function findLiveVersion(
	entries: readonly HistoryEntry[], compare: (version: VersionRef) => Promise<Comparison>,
): Promise<LiveVersion> {
	for (const entry of entries.slice(0, liveCheckLimit)) {
		const status = await compare(entry.version).then((comparison) => comparison.status, () => undefined);
		if (status === 'unchanged') return {label: entry.label, complete: true};
	}
	return {complete: entries.length <= liveCheckLimit};
}
