import type {DiffModel, DiffRow, FoldRow, LineRow} from './diff-types.js';

/** Whether a row is part of a change (what `n`/`N` jump between and what folding keeps in view). */
export function isChangeRow(row: DiffRow): boolean {
	return row.type !== 'same' && row.type !== 'fold';
}

/** Indexes of the first row of every run of change rows. */
export function hunkStarts(rows: readonly DiffRow[]): number[] {
	const out: number[] = [];
	for (let i = 0; i < rows.length; i++) {
		if (isChangeRow(rows[i]!) && (i === 0 || !isChangeRow(rows[i - 1]!))) out.push(i);
	}
	return out;
}

/**
 * Folds unchanged runs, keeping `context` rows next to each change, when at least `foldMin` rows would be hidden
 * (hiding two lines behind a marker line saves nothing). A document without changes is not folded: there is
 * nothing to bring into view, and the whole item is what the user came to read.
 */
export function foldRows(rows: readonly LineRow[], context: number, foldMin: number): DiffRow[] {
	if (!rows.some(isChangeRow)) return [...rows];
	const keep = Math.max(0, Math.floor(context));
	const minimum = Math.max(1, Math.floor(foldMin));
	const out: DiffRow[] = [];
	let i = 0;
	while (i < rows.length) {
		if (rows[i]!.type !== 'same') {
			out.push(rows[i]!);
			i++;
			continue;
		}
		let end = i;
		while (end < rows.length && rows[end]!.type === 'same') end++;
		const head = i === 0 ? 0 : keep;
		const tail = end === rows.length ? 0 : keep;
		const hidden = end - i - head - tail;
		if (hidden >= minimum) {
			out.push(...rows.slice(i, i + head));
			const fold: FoldRow = {type: 'fold', hidden, rows: rows.slice(i + head, end - tail)};
			out.push(fold, ...rows.slice(end - tail, end));
		} else out.push(...rows.slice(i, end));
		i = end;
	}
	return out;
}

/** All rows with every fold expanded: what `z` shows, without diffing again. */
export function unfoldRows(rows: readonly DiffRow[]): LineRow[] {
	const out: LineRow[] = [];
	for (const row of rows) {
		if (row.type === 'fold') out.push(...row.rows);
		else out.push(row);
	}
	return out;
}

/** The same model with every fold expanded and hunk positions recomputed. */
export function unfold(model: DiffModel): DiffModel {
	const rows = unfoldRows(model.rows);
	return {...model, rows, hunks: hunkStarts(rows)};
}

/** Expands one fold row in place (the row at `index`), for unfolding only the run under the cursor. */
export function expandFold(model: DiffModel, index: number): DiffModel {
	const row = model.rows[index];
	if (!row || row.type !== 'fold') return model;
	const rows = [...model.rows.slice(0, index), ...row.rows, ...model.rows.slice(index + 1)];
	return {...model, rows, hunks: hunkStarts(rows)};
}
