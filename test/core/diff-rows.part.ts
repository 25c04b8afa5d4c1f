import test from 'ava';
import {diffRows, expandFold, unfold, type DiffModel, type DiffRow} from '../../source/core/diff-rows.js';
import {canonicalJson} from '../../source/core/canonical.js';

/** Compact, readable picture of a model for snapshot-style assertions. */
function picture(model: DiffModel): string[] {
	return model.rows.map((row: DiffRow) => {
		if (row.type === 'fold') return `… ${row.hidden} unchanged …`;
		const cell = (c?: {line: number; text: string; spans?: ReadonlyArray<{text: string; changed: boolean}>}): string =>
			c ? `${c.line}:${c.spans ? c.spans.map(s => (s.changed ? `[${s.text}]` : s.text)).join('') : c.text}` : '-';
		return `${row.type} ${cell(row.left)} | ${cell(row.right)}`;
	});
}

const lines = (n: number, prefix = 'line'): string[] => Array.from({length: n}, (_, i) => `${prefix} ${i + 1}`);

test('pairs removed and added runs, with word spans inside paired lines', t => {
	const model = diffRows('a\nold value here\nb\nc', 'a\nnew value here\nextra\nb\nc');
	t.deepEqual(picture(model), [
		'same 1:a | 1:a',
		'change 2:[old] value here | 2:[new] value here',
		'insert - | 3:extra',
		'same 3:b | 4:b',
		'same 4:c | 5:c',
	]);
	t.deepEqual(model.hunks, [1]);
	t.deepEqual(model.stats, {leftLines: 4, rightLines: 5, changed: 1, deleted: 0, inserted: 1});
	t.false(model.fallback);
});

test('folds long unchanged runs around changes, keeping context, and unfolds without diffing again', t => {
	const left = lines(30);
	const right = [...left];
	right[14] = 'line 15 changed';
	const model = diffRows(left.join('\n'), right.join('\n'), {context: 2});
	t.deepEqual(picture(model), [
		'… 12 unchanged …',
		'same 13:line 13 | 13:line 13',
		'same 14:line 14 | 14:line 14',
		'change 15:line 15 | 15:line 15[ changed]',
		'same 16:line 16 | 16:line 16',
		'same 17:line 17 | 17:line 17',
		'… 13 unchanged …',
	]);
	t.deepEqual(model.hunks, [3]);
	const open = unfold(model);
	t.is(open.rows.length, 30);
	t.deepEqual(open.hunks, [14]);
	const first = expandFold(model, 0);
	t.is(first.rows.length, 7 - 1 + 12);
	t.deepEqual(first.hunks, [14]);
	t.is(diffRows(left.join('\n'), right.join('\n'), {context: 2, fold: false}).rows.length, 30);
});

test('short unchanged runs are not folded (foldMin), identical documents are shown whole', t => {
	const left = lines(10);
	const right = [...left];
	right[0] = 'first';
	right[9] = 'last';
	t.false(diffRows(left.join('\n'), right.join('\n'), {context: 3, foldMin: 4}).rows.some(r => r.type === 'fold'));
	const same = diffRows(left.join('\n'), left.join('\n'));
	t.is(same.rows.length, 10);
	t.deepEqual(same.hunks, []);
});

test('stacked layout lists removed lines then added lines, with the same spans', t => {
	const model = diffRows('a\nold value\nb', 'a\nnew value\nadded\nb', {layout: 'stacked'});
	t.is(model.layout, 'stacked');
	t.deepEqual(picture(model), [
		'same 1:a | 1:a',
		'delete 2:[old] value | -',
		'insert - | 2:[new] value',
		'insert - | 3:added',
		'same 3:b | 4:b',
	]);
	t.deepEqual(model.hunks, [1]);
});

test('the change counts are the same stacked and side by side: a paired removed and added line is one change', t => {
	for (const [left, right] of [['a\nold value\nb', 'a\nnew value\nadded\nb'], ['x\ny\nz', 'z'], ['a\nb', 'c\nb']] as const) {
		const split = diffRows(left, right);
		const stacked = diffRows(left, right, {layout: 'stacked'});
		t.deepEqual(stacked.stats, split.stats, `${left} → ${right}`);
	}
	t.like(diffRows('a\nold value\nb', 'a\nnew value\nadded\nb', {layout: 'stacked'}).stats, {changed: 1, deleted: 0, inserted: 1});
	// The whole-document fallback counts the same way.
	const fallback = (layout: 'split' | 'stacked') => diffRows('a\nb\nc', 'x\nb', {maxEditLength: 0, layout}).stats;
	t.deepEqual(fallback('stacked'), fallback('split'));
	t.like(fallback('stacked'), {changed: 1, deleted: 1, inserted: 0});
});

test('one-sided layouts for items that exist on one side only', t => {
	const right = diffRows(undefined, 'x\ny');
	t.is(right.sides, 'right-only');
	t.deepEqual(picture(right), ['insert - | 1:x', 'insert - | 2:y']);
	const left = diffRows('x', undefined);
	t.is(left.sides, 'left-only');
	t.deepEqual(picture(left), ['delete 1:x | -']);
	t.deepEqual(diffRows(undefined, undefined).rows, []);
});

test('lines over the cap are shown changed without word spans', t => {
	const long = 'x'.repeat(500);
	const model = diffRows(`${long}a`, `${long}b`, {wordCapChars: 400});
	t.is(model.rows[0]!.type, 'change');
	t.is((model.rows[0] as {left: {spans?: unknown}}).left.spans, undefined);
});

test('unicode lines keep their text exactly', t => {
	const model = diffRows('{\n  "name": "Café 漢字 🔑"\n}', '{\n  "name": "Café 漢字 🔒"\n}');
	t.deepEqual(picture(model)[1], 'change 2:  "name": "Café 漢字 [🔑]" | 2:  "name": "Café 漢字 [🔒]"');
});

test('reordered keys produce no change once normalised', t => {
	const model = diffRows(canonicalJson({b: 1, a: {y: 2, x: 1}}, 2), canonicalJson({a: {x: 1, y: 2}, b: 1}, 2));
	t.deepEqual(model.hunks, []);
	t.is(model.stats.changed + model.stats.deleted + model.stats.inserted, 0);
});

test('completely different documents past the edit limit fall back to both documents whole', t => {
	const left = lines(200, 'left');
	const right = lines(150, 'right');
	const model = diffRows(left.join('\n'), right.join('\n'), {maxEditLength: 10});
	t.true(model.fallback);
	t.is(model.rows.length, 200);
	t.false(model.rows.some(r => r.type === 'fold'));
	t.deepEqual(picture(model)[0], 'change 1:left 1 | 1:right 1');
	t.deepEqual(picture(model)[199], 'delete 200:left 200 | -');
	t.deepEqual(model.hunks, [0]);
	const stacked = diffRows('a\nb', 'c\nb', {maxEditLength: 0, layout: 'stacked'});
	t.true(stacked.fallback);
	t.deepEqual(picture(stacked), ['delete 1:a | -', 'insert - | 1:c', 'same 2:b | 2:b']);
});

test('a trailing line without newline is not reported as changed', t => {
	t.deepEqual(picture(diffRows('a\nb', 'a\nb\nc')), ['same 1:a | 1:a', 'same 2:b | 2:b', 'insert - | 3:c']);
	t.deepEqual(diffRows('a\r\nb', 'a\nb').hunks, []);
});

test('a 20,000-line document with scattered changes gives folded rows and one hunk per change', t => {
	const left = lines(20_000);
	const right = [...left];
	for (let i = 100; i < 20_000; i += 400) right[i] = `${right[i]} edited`;
	const model = diffRows(left.join('\n'), right.join('\n'), {timeLimitMs: 10_000});
	t.false(model.fallback);
	t.is(model.hunks.length, 50);
	t.is(model.stats.changed, 50);
	t.true(model.rows.length < 20_000 / 10);
});
