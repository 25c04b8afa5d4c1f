import test from 'ava';
import {chunk, fit, truncate, width} from '../../source/ui/text.js';
import {makeTheme} from '../../source/ui/theme.js';
import {bindings, bindingsFor, commandFor, hintsFor, type ScreenName} from '../../source/ui/keys.js';
import {keysMarkdown} from '../../source/ui/keys-table.js';
import {stepChanges} from '../../source/ui/screens/plan/step-changes.js';
import {buildPlan} from '../../source/core/planning.js';
import {compareSets} from '../../source/core/compare.js';
import {makeItem} from '../../source/core/item.js';

// --- text ---
test('widths count terminal cells, wide characters as two', (t) => {
	t.is(width('abc'), 3);
	t.is(width('支付'), 4);
	t.is(width(''), 0);
});

test('truncation ends with … and never exceeds the width', (t) => {
	t.is(truncate('payments-api', 8), 'payment…');
	t.is(truncate('short', 8), 'short');
	t.is(truncate('支付接口', 5), '支付…');
	t.is(truncate('abc', 1), '…');
	t.is(truncate('abc', 0), '');
});

test('fit pads to an exact width, left or right', (t) => {
	t.is(fit('ab', 4), 'ab  ');
	t.is(fit('ab', 4, 'right'), '  ab');
	t.is(fit('abcdef', 4), 'abc…');
	t.is(width(fit('支付接口', 5)), 5);
});

test('chunk splits into pieces no wider than the size', (t) => {
	t.deepEqual(chunk('abcdefg', 3), ['abc', 'def', 'g']);
	t.deepEqual(chunk('', 3), ['']);
	t.deepEqual(chunk('支付接口', 4), ['支付', '接口']);
});

const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const flags = '\u{1F1E9}\u{1F1EA}\u{1F1EB}\u{1F1F7}\u{1F1EF}\u{1F1F5}';
const accented = 'e\u0301';
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const graphemesOf = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

/** Pieces cut from `text` are whole graphemes of it: joined, their graphemes are exactly the text's. */
function wholeGraphemes(t: {deepEqual: (a: unknown, b: unknown, m?: string) => void}, text: string, pieces: readonly string[]) {
	t.deepEqual(pieces.flatMap(graphemesOf), graphemesOf(text), `${JSON.stringify(pieces)} from ${JSON.stringify(text)}`);
}

test('truncation never cuts inside a grapheme: family emoji, flags, combining marks', (t) => {
	t.is(width(family), 2);
	t.is(truncate(`${family}${family}x`, 3), `${family}…`);
	t.is(truncate(flags, 4), '\u{1F1E9}\u{1F1EA}…');
	t.is(truncate(`${accented}${accented}${accented}`, 2), `${accented}…`);
	for (const text of [`${family}ab${family}`, flags, `caf${accented} ${flags}`, `支付${family}${accented}`]) {
		for (let max = 1; max <= width(text) + 1; max++) {
			const cut = truncate(text, max);
			t.true(width(cut) <= max, `${JSON.stringify(cut)} is wider than ${max}`);
			if (cut !== text) wholeGraphemes(t, text.slice(0, cut.length - 1), [cut.slice(0, -1)]);
			t.true(text.startsWith(cut.endsWith('…') ? cut.slice(0, -1) : cut));
		}
	}
});

test('chunks are whole graphemes no wider than the size; a grapheme wider than the size stands alone', (t) => {
	t.deepEqual(chunk(`${family}\u{1F1E9}\u{1F1EA}${accented}`, 2), [family, '\u{1F1E9}\u{1F1EA}', accented]);
	t.deepEqual(chunk(`${family}\u{1F1E9}\u{1F1EA}${accented}`, 3), [family, `\u{1F1E9}\u{1F1EA}${accented}`]);
	t.deepEqual(chunk(family, 1), [family]);
	for (const text of [`${family}ab${family}`, flags, `caf${accented} ${flags}`, `支付${family}${accented}x`]) {
		for (let size = 2; size <= 6; size++) {
			const pieces = chunk(text, size);
			wholeGraphemes(t, text, pieces);
			for (const piece of pieces) t.true(width(piece) <= size, `${JSON.stringify(piece)} is wider than ${size}`);
		}
	}
});

// --- theme ---
test('no-colour keeps emphasis but drops every colour', (t) => {
	const plain = makeTheme(false);
	const json = JSON.stringify(plain);
	t.false(json.includes('"color":"'));
	t.false(json.includes('backgroundColor'));
	t.true(plain.ui.cursor.inverse);
	t.true(plain.diff.addedWord.inverse, 'changed words stay visible without colour');
	t.false(plain.color);
});

test('the colour theme gives protected environments and statuses their own colours', (t) => {
	const theme = makeTheme(true);
	t.is(theme.env.protected.color, 'red');
	t.not(theme.status.changed.color, theme.status['only-in-git'].color);
	t.truthy(theme.diff.removedLine.backgroundColor);
});

// --- keys ---
const screens: ScreenName[] = ['environments', 'items', 'diff', 'plan', 'progress', 'history'];

test('no key means two things on one screen', (t) => {
	for (const screen of [...screens, 'global' as const]) {
		const seen = new Map<string, string>();
		for (const binding of bindings.filter((b) => b.screens.includes(screen))) {
			for (const key of binding.keys) {
				const previous = seen.get(key);
				t.true(previous === undefined || previous === binding.command, `${screen}: ${key} is ${previous} and ${binding.command}`);
				seen.set(key, binding.command);
			}
		}
	}
});

test('screen bindings win over global ones; vim keys and arrows both move', (t) => {
	t.is(commandFor('history', 'r'), 'rollback');
	t.is(commandFor('environments', 'r'), 'refresh');
	t.is(commandFor('diff', 'esc'), 'back');
	t.is(commandFor('items', 'j'), 'down');
	t.is(commandFor('items', 'down'), 'down');
	t.is(commandFor('diff', 'x'), undefined);
	t.is(commandFor('items', undefined), undefined);
});

test('hints and help come from the same registry', (t) => {
	const hints = hintsFor('diff').map((h) => h.description);
	t.true(hints.includes('next change/match'), 'n says it goes over matches while a search is active');
	t.true(hints.includes('help'));
	t.deepEqual(bindingsFor('plan').filter((b) => b.command === 'confirm').map((b) => b.keys), [['y']]);
	const table = keysMarkdown();
	t.regex(table, /^\| Keys \| Does \| Where \|/);
	t.regex(table, /\| `z` \| fold \/ unfold unchanged lines \| Diff \|/);
	t.is(table.split('\n').length, bindings.length + 2);
});

// --- plan step changes (the Terraform-style detail) ---
test('step changes: an update gives old and new per changed path (quoted keys, indexes, added and removed fields), a delete only what is there now, values made safe', (t) => {
	const before = makeItem('template', {id: 't1', name: 'T', data: {paths: {'/items': {get: 1}}, list: [1, 2], gone: 'x', esc: 'a\u001B[2Jb'}});
	const after = makeItem('template', {id: 't1', name: 'T', data: {paths: {'/items': {get: 2}}, list: [1, 3], added: {deep: true}, esc: 'c'}});
	const steps = (source: typeof after[], target: typeof before[], prune = false) =>
		buildPlan(compareSets({items: source, invalid: [], conflicts: []}, {items: target, invalid: [], conflicts: []}), {
			direction: 'publish', environment: 'e', source: {type: 'git', label: 'git'}, target: {type: 'live', label: 'live e'}, sourceSide: 'left', prune,
		}).plan.steps;
	const [update] = steps([after], [before]);
	t.deepEqual(stepChanges(update!), [
		{path: 'data.added', after: '{"deep":true}'},
		{path: 'data.esc', before: '"a\\u001b[2Jb"', after: '"c"'},
		{path: 'data.gone', before: '"x"'},
		{path: 'data.list[1]', before: '2', after: '3'},
		{path: 'data.paths["/items"].get', before: '1', after: '2'},
	]);
	const [remove] = steps([], [before], true);
	t.is(remove!.action, 'delete');
	const removed = stepChanges(remove!);
	t.true(removed.length > 0 && removed.every((change) => change.after === undefined && change.before !== undefined));
	t.true(removed.some((change) => change.path === 'data.gone' && change.before === '"x"'));
});

// --- ages, column widths, order ---
test('relative times read at a glance: just now, seconds, minutes, hours, days; a future time is just now', async (t) => {
	const {relativeTime} = await import('../../source/core/relative-time.js');
	const at = Date.parse('2026-11-21T10:00:00Z');
	const after = (seconds: number) => relativeTime(at, at + seconds * 1000);
	t.deepEqual([after(-30), after(0), after(4), after(40), after(59), after(60), after(3599), after(3600), after(47 * 3600), after(48 * 3600), after(59 * 86_400), after(90 * 86_400), after(800 * 86_400)],
		['just now', 'just now', 'just now', '40 s ago', '59 s ago', '1 min ago', '59 min ago', '1 h ago', '47 h ago', '2 days ago', '59 days ago', '3 months ago', '2 years ago']);
});

test('Items columns follow their content: the ID whole when it fits, the name the rest, nothing stretched', async (t) => {
	const {columnWidths} = await import('../../source/ui/screens/items/item-table.js');
	const content = {name: 30, id: 36, listen: 14, categories: 0};
	const wide = columnWidths(200, content);
	t.like(wide, {name: 30, id: 36, listen: 14, categories: 0}, 'each column as wide as its longest text');
	const medium = columnWidths(100, content);
	t.is(medium.id, 36, 'the ID whole');
	t.true(medium.name >= 16 && medium.name <= 30);
	const narrow = columnWidths(60, content);
	t.is(narrow.flavor, 0);
	t.true(narrow.name >= 1 && narrow.id >= 2);
	const total = (w: ReturnType<typeof columnWidths>) => 5 + [w.kind, w.flavor, w.name, w.id, w.listen, w.categories, w.changes].filter((n) => n > 0).reduce((a, n) => a + n + 1, -1);
	for (const size of [60, 80, 100, 200]) t.true(total(columnWidths(size, content)) <= size, `fits ${size}`);
});
