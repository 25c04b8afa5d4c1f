import {diffLines} from 'diff';
import {foldRows, hunkStarts} from './diff-fold.js';
import type {Cell, DiffModel, DiffStats, LineRow, Sides} from './diff-types.js';
import {wordSpans} from './diff-words.js';

export type {Cell, DiffModel, DiffRow, DiffStats, FoldRow, LineRow, LineType, Sides, Span} from './diff-types.js';
export {expandFold, foldRows, hunkStarts, isChangeRow, unfold, unfoldRows} from './diff-fold.js';

/** How the row model is built; every default suits a terminal diff of a normalised item. */
export interface DiffRowsOptions {
	/** Unchanged lines kept next to each change when folding (default 3). */
	readonly context?: number;
	/** Smallest number of hidden lines worth a fold row (default 4). */
	readonly foldMin?: number;
	/** Fold unchanged runs at all (default true); `unfold` expands a folded model without diffing again. */
	readonly fold?: boolean;
	/** Lines longer than this get no word-level spans (default 400). */
	readonly wordCapChars?: number;
	/** Time budget in ms for all jsdiff work of one call (default 200). */
	readonly timeLimitMs?: number;
	/** Optional cap on the line edit distance; past it the model falls back like a timeout, deterministically. */
	readonly maxEditLength?: number;
	/** `split` (side by side, default) or `stacked` (unified, for narrow terminals). */
	readonly layout?: 'split' | 'stacked';
}

function splitLines(text: string): string[] {
	const clean = text.replace(/\r\n/g, '\n');
	if (clean === '') return [];
	const lines = clean.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

function joinLines(lines: readonly string[]): string {
	return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * Changed, deleted and inserted lines, counted the same whatever the layout: a removed line paired with an added one
 * is one change, side by side (one `change` row) or stacked (a `delete` and an `insert` row), so the header says the
 * same thing at 80 columns as at 200.
 */
export interface LineCounts {
	changed: number;
	deleted: number;
	inserted: number;
}

function rowCounts(rows: readonly LineRow[]): LineCounts {
	const counts = {changed: 0, deleted: 0, inserted: 0};
	for (const row of rows) {
		if (row.type === 'change') counts.changed++;
		else if (row.type === 'delete') counts.deleted++;
		else if (row.type === 'insert') counts.inserted++;
	}
	return counts;
}

function model(rows: LineRow[], layout: 'split' | 'stacked', sides: Sides, fallback: boolean, leftLines: number, rightLines: number, fold: boolean, context: number, foldMin: number, counts: LineCounts): DiffModel {
	const shown = fold && !fallback && sides === 'both' ? foldRows(rows, context, foldMin) : rows;
	return {layout, sides, rows: shown, hunks: hunkStarts(shown), fallback, stats: {leftLines, rightLines, ...counts}};
}

/** Both documents whole, line i against line i: what the user gets when the diff would take too long. */
function wholeRows(left: readonly string[], right: readonly string[], layout: 'split' | 'stacked', counts: LineCounts): LineRow[] {
	const rows: LineRow[] = [];
	const count = Math.max(left.length, right.length);
	for (let i = 0; i < count; i++) {
		const l = i < left.length ? {line: i + 1, text: left[i]!} : undefined;
		const r = i < right.length ? {line: i + 1, text: right[i]!} : undefined;
		if (l && r && l.text === r.text) rows.push({type: 'same', left: l, right: r});
		else if (l && r && layout === 'split') rows.push({type: 'change', left: l, right: r});
		else {
			if (l && r) counts.changed++;
			else if (l) counts.deleted++;
			else counts.inserted++;
			if (l) rows.push({type: 'delete', left: l});
			if (r) rows.push({type: 'insert', right: r});
		}
	}
	return rows;
}

/** Turns one block of removed and added lines into rows, pairing them positionally and adding word spans. */
function blockRows(removed: Cell[], added: Cell[], layout: 'split' | 'stacked', cap: number, deadline: number, out: LineRow[], counts: LineCounts): void {
	const pairs = Math.min(removed.length, added.length);
	if (layout === 'stacked') {
		counts.changed += pairs;
		counts.deleted += removed.length - pairs;
		counts.inserted += added.length - pairs;
	}
	const left: Cell[] = [];
	const right: Cell[] = [];
	for (let i = 0; i < pairs; i++) {
		const l = removed[i]!;
		const r = added[i]!;
		const spans = wordSpans(l.text, r.text, cap, deadline - performance.now());
		left.push(spans ? {...l, spans: spans.left} : l);
		right.push(spans ? {...r, spans: spans.right} : r);
	}
	if (layout === 'split') {
		for (let i = 0; i < pairs; i++) out.push({type: 'change', left: left[i], right: right[i]});
		for (const cell of removed.slice(pairs)) out.push({type: 'delete', left: cell});
		for (const cell of added.slice(pairs)) out.push({type: 'insert', right: cell});
		return;
	}
	for (const cell of [...left, ...removed.slice(pairs)]) out.push({type: 'delete', left: cell});
	for (const cell of [...right, ...added.slice(pairs)]) out.push({type: 'insert', right: cell});
}

/**
 * Builds the side-by-side (or stacked) row model of two texts, normally the masked normalisedText of each side.
 * Pass `undefined` for a side that does not exist to get the one-sided layout. All jsdiff calls share one time
 * budget; if the line diff trips it the result is `fallback: true` with both documents shown whole.
 */
export function diffRows(leftText: string | undefined, rightText: string | undefined, options: DiffRowsOptions = {}): DiffModel {
	const layout = options.layout ?? 'split';
	const context = options.context ?? 3;
	const foldMin = options.foldMin ?? 4;
	const fold = options.fold ?? true;
	const cap = options.wordCapChars ?? 400;
	const limit = Math.max(1, options.timeLimitMs ?? 200);
	const left = leftText === undefined ? undefined : splitLines(leftText);
	const right = rightText === undefined ? undefined : splitLines(rightText);
	// Split rows count themselves; stacked ones are counted as they are built (a change is two rows there).
	const stacked: LineCounts = {changed: 0, deleted: 0, inserted: 0};
	const build = (rows: LineRow[], sides: Sides, fallback = false): DiffModel =>
		model(rows, layout, sides, fallback, left?.length ?? 0, right?.length ?? 0, fold, context, foldMin, layout === 'stacked' && sides === 'both' ? stacked : rowCounts(rows));
	if (!left || !right) {
		if (left) return build(left.map((text, i) => ({type: 'delete', left: {line: i + 1, text}})), 'left-only');
		return build((right ?? []).map((text, i) => ({type: 'insert', right: {line: i + 1, text}})), right ? 'right-only' : 'both');
	}
	const deadline = performance.now() + limit;
	const budget = options.maxEditLength === undefined ? {timeout: limit} : {timeout: limit, maxEditLength: options.maxEditLength};
	const changes = diffLines(joinLines(left), joinLines(right), budget);
	if (!changes) return build(wholeRows(left, right, layout, stacked), 'both', true);
	const rows: LineRow[] = [];
	let l = 0;
	let r = 0;
	let removed: Cell[] = [];
	let added: Cell[] = [];
	const flush = (): void => {
		if (removed.length > 0 || added.length > 0) blockRows(removed, added, layout, cap, deadline, rows, stacked);
		removed = [];
		added = [];
	};
	for (const change of changes) {
		const count = change.count;
		if (change.removed) for (let i = 0; i < count; i++, l++) removed.push({line: l + 1, text: left[l]!});
		else if (change.added) for (let i = 0; i < count; i++, r++) added.push({line: r + 1, text: right[r]!});
		else {
			flush();
			for (let i = 0; i < count; i++, l++, r++) {
				rows.push({type: 'same', left: {line: l + 1, text: left[l]!}, right: {line: r + 1, text: right[r]!}});
			}
		}
	}
	flush();
	return build(rows, 'both');
}
