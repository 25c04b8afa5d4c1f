/**
 * Search inside the Diff screen: what was typed, what was searched, and which match the view is at. Pure, so the
 * n/N rules (wrap around, start from the view, count "match 2/7") are unit-tested without rendering.
 */
export interface DiffSearch {
	/** The text in the search field while it is open, or the last searched text. */
	readonly draft: string;
	/** The field has the keys (letters are typed into it, not taken as commands). */
	readonly editing: boolean;
	/** The searched text; '' means no search is active, so n/N go over changes again. */
	readonly query: string;
	/** Index into the matches of the match the view is at (-1 before the first jump). */
	readonly current: number;
}

/** No search: n/N mean next/previous change. */
export const noSearch: DiffSearch = {draft: '', editing: false, query: '', current: -1};

/** Row (or line) indexes whose text contains `query`, case-insensitively, in order. */
export function findMatches(texts: readonly string[], query: string): number[] {
	const needle = query.toLowerCase();
	if (needle === '') return [];
	const out: number[] = [];
	for (let i = 0; i < texts.length; i++) if (texts[i]!.toLowerCase().includes(needle)) out.push(i);
	return out;
}

/**
 * The match to go to from row `from`: the first at or after it (`next`, wrapping to the first) or the last before it
 * (`previous`, wrapping to the last). Returns an index into `matches`, or -1 when there is none.
 */
export function matchFrom(matches: readonly number[], from: number, direction: 'next' | 'previous'): number {
	if (matches.length === 0) return -1;
	if (direction === 'next') {
		const index = matches.findIndex((row) => row >= from);
		return index < 0 ? 0 : index;
	}
	for (let i = matches.length - 1; i >= 0; i--) if (matches[i]! < from) return i;
	return matches.length - 1;
}

/** The next (or previous) match after the current one, wrapping around; -1 without matches. */
export function stepMatch(count: number, current: number, direction: 'next' | 'previous'): number {
	if (count === 0) return -1;
	if (current < 0) return direction === 'next' ? 0 : count - 1;
	return (current + (direction === 'next' ? 1 : -1) + count) % count;
}

/** "match 2/7", "no match", or '' without an active search: for the footer. */
export function matchLabel(search: DiffSearch, count: number): string {
	if (search.query === '') return '';
	if (count === 0) return `no match for "${search.query}"`;
	return `match ${Math.max(1, search.current + 1)}/${count} "${search.query}"`;
}
