import type {Flavor, InvalidEntry, Item, Kind} from './item.js';
import type {Origin} from './origin.js';
import type {PairDetail} from './pair-detail.js';

/** Where an item stands when one source (left, usually Git) is compared with a target (right, usually live). */
export type Status = 'unchanged' | 'changed' | 'only-in-git' | 'only-live' | 'invalid' | 'conflict';

export const statuses: readonly Status[] = ['unchanged', 'changed', 'only-in-git', 'only-live', 'invalid', 'conflict'];

/**
 * One-character status glyphs, readable without colour and stable for scripts that scrape the screen or the CLI
 * output: defined once, so the console and the commands can never show a status differently.
 */
export const statusGlyphs: Readonly<Record<Status, string>> = {
	unchanged: '=', changed: '~', 'only-in-git': '+', 'only-live': '-', invalid: '!', conflict: '‼',
};

/** One row of a comparison: the pair for one portable ID, or one unreadable/conflicting entry. */
export interface Comparison {
	/** `kind:id` for paired items; `invalid:<file>` for unreadable files. Unique within one comparison. */
	readonly key: string;
	readonly kind?: Kind;
	readonly flavor?: Flavor;
	readonly id?: string;
	readonly name: string;
	readonly status: Status;
	/** The source side (Git, snapshot, or another environment). */
	readonly left?: Item;
	/** The target side (live). */
	readonly right?: Item;
	/** Changed field paths (product.md §5 notation), only for `changed`. */
	readonly changes: readonly string[];
	readonly categories: readonly string[];
	readonly file?: string;
	/** For `invalid` and `conflict`: what is wrong, naming the file(s). */
	readonly error?: string;
	readonly invalid?: InvalidEntry;
	/** Who moved the item since its base (`core/origin.ts`): set on differing rows of a Git ↔ live comparison. */
	readonly origin?: Origin;
	/** The base that origin was measured from: when it was written, and the Git commit it matches when there is one. */
	readonly base?: BaseMark;
	/**
	 * What the Diff screen shows of this pair (masked texts, hidden count), computed on first call and cached with
	 * the row, from the same normalisation the comparison used. Set by `compareSets`; not enumerable, so a copied
	 * row (`{...row}`) has none: read it through `comparisonDetail(row, options)`, which covers both.
	 */
	readonly detail?: () => PairDetail;
}

/** When an item's base was recorded, and the Git commit its content came from or went to (none for a migration or undo). */
export interface BaseMark {
	readonly time: string;
	readonly commit?: string;
}

/** Counts per status, for summaries and drift bars. */
export type StatusCounts = Record<Status, number> & {total: number};
