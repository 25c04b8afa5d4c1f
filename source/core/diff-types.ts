/** Types of the side-by-side row model, shared by the builder, the folding helpers and the diff screen. */

/** A piece of one line; `changed` pieces are the words that differ from the paired line. */
export interface Span {
	readonly text: string;
	readonly changed: boolean;
}

/** One line of one document, with its 1-based line number there. */
export interface Cell {
	readonly line: number;
	readonly text: string;
	/** Word-level pieces, present only on paired changed lines short enough to diff by word. */
	readonly spans?: readonly Span[];
}

/**
 * `same`: equal on both sides; `change`: a removed line paired with an added one (split layout);
 * `delete`: left only; `insert`: right only. In the stacked layout a change is a `delete` then an `insert`
 * (both keep their spans), and `same` rows carry both cells with the same text.
 */
export type LineType = 'same' | 'change' | 'delete' | 'insert';

/** One screen row of a diff. */
export interface LineRow {
	readonly type: LineType;
	readonly left?: Cell;
	readonly right?: Cell;
}

/** A folded run of unchanged rows: the screen prints `… 42 unchanged lines …` and `z` expands `rows` in place. */
export interface FoldRow {
	readonly type: 'fold';
	readonly hidden: number;
	readonly rows: readonly LineRow[];
}

/** Any row of the model. */
export type DiffRow = LineRow | FoldRow;

/** Which documents exist: both, or only one (the one-sided layout of an item present on one side only). */
export type Sides = 'both' | 'left-only' | 'right-only';

/** The row model the diff screen pages through. */
export interface DiffModel {
	readonly layout: 'split' | 'stacked';
	readonly sides: Sides;
	/** Rows to show (folded unless folding was turned off or nothing changed). */
	readonly rows: readonly DiffRow[];
	/** Indexes into `rows` where each run of changes starts, for `n`/`N`. */
	readonly hunks: readonly number[];
	/** True when a jsdiff time limit tripped: both documents are shown whole, line by line, without folding or word spans. */
	readonly fallback: boolean;
	readonly stats: DiffStats;
}

/** Line counts for headers (`+3 −1 ~2`). */
export interface DiffStats {
	readonly leftLines: number;
	readonly rightLines: number;
	readonly changed: number;
	readonly deleted: number;
	readonly inserted: number;
}
