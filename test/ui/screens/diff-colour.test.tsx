import '../helpers/force-color.js';
import chalk from 'chalk';
import test, {type ExecutionContext} from 'ava';
import {backgroundFor, depthOf, type Palette} from '../../../source/ui/theme.js';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

const bg = (hex: string) => {
	const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
	return `\u001B[48;2;${r};${g};${b}m`;
};
const strip = (text: string) => text.replace(/\u001B\[[\d;]*m/g, '');

test.serial('changed lines are tinted and the changed words inside them highlighted; unchanged lines are not', async (t) => {
	const app = renderApp(new FakeServices(), {width: 200, height: 40, initialEnvironment: 'staging', color: true});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	await app.waitFor('Diff: Payments');
	const lines = app.frame().split('\n');
	const changed = lines.find((l) => strip(l).includes('target_url'))!;
	t.true(changed.includes(bg('#3f1a1d')), 'removed side tinted');
	t.true(changed.includes(bg('#17351f')), 'added side tinted');
	// payments.internal → payments-v2.internal: only "-v2" is new, so only the right side has an emphasised word.
	t.false(changed.includes(bg('#a1262f')), 'nothing was removed inside the line');
	const addedWord = changed.split(bg('#20803a'))[1];
	t.truthy(addedWord, 'the added word is highlighted');
	t.is(strip(addedWord!.split('\u001B[')[0]!), '-v2');
	const unchanged = lines.find((l) => strip(l).includes('listen_path'))!;
	t.false(unchanged.includes('\u001B[48;2;'), 'unchanged lines carry no background');
});

test.serial('protected environments are red on the Environments screen', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30, color: true});
	t.teardown(app.unmount);
	const frame = await app.waitFor(/prod \[protected\]/);
	const line = frame.split('\n').find((l) => strip(l).includes('prod [protected]'))!;
	t.regex(line, /\u001B\[31m(\u001B\[1m)?prod \[protected\]|\u001B\[1m\u001B\[31mprod/);
});

/** The Payments diff's changed line (target_url) at a colour level and palette; chalk's level is what Ink emits. */
async function changedLine(t: ExecutionContext, level: 1 | 2 | 3, palette: Palette, size = {width: 200, height: 60}): Promise<string> {
	const before = chalk.level;
	chalk.level = level;
	t.teardown(() => {
		chalk.level = before;
	});
	const app = renderApp(new FakeServices(), {...size, initialEnvironment: 'staging', color: true, palette});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	const frame = await app.waitFor('Diff: Payments');
	return frame.split('\n').find((l) => strip(l).includes('target_url') && strip(l).includes('payments-v2'))!;
}

for (const size of [{width: 200, height: 60}, {width: 80, height: 24}]) {
	test.serial(`256 colours keep the hue: dark red and dark green palette entries, never grey (${size.width}×${size.height})`, async (t) => {
		const line = await changedLine(t, 2, {depth: 256, background: 'dark'}, size);
		t.true(line.includes('\u001B[48;5;22m'), 'added: dark green (22)');
		if (size.width >= 100) t.true(line.includes('\u001B[48;5;52m'), 'removed: dark red (52) on the same row side by side');
		t.true(line.includes('\u001B[48;5;28m'), 'the added word: green (28)');
		t.false(/\u001B\[48;5;(59|23|236|237|238|239|240)m/.test(line), 'no grey or teal tint');
		t.false(line.includes('\u001B[48;2;'), 'no 24-bit codes at 256 colours');
	});
}

test.serial('16 colours: changed lines in red and green text, changed words on red / green', async (t) => {
	const line = await changedLine(t, 1, {depth: 16, background: 'dark'});
	t.true(line.includes('\u001B[31m'), 'removed text red');
	t.true(line.includes('\u001B[32m'), 'added text green');
	t.true(line.includes('\u001B[42m'), 'the added word on green');
	t.false(/\u001B\[(48;5|48;2|40m|100m)/.test(line), 'no palette or grey backgrounds');
});

test.serial('a light theme tints pale red and pale green (24-bit and 256 colours)', async (t) => {
	let line = await changedLine(t, 3, {depth: 'truecolor', background: 'light'});
	t.true(line.includes(bg('#ffe0e0')) && line.includes(bg('#d8f8d8')), 'pale tints at 24-bit');
	t.false(line.includes(bg('#3f1a1d')), 'not the dark tint');
	line = await changedLine(t, 2, {depth: 256, background: 'light'});
	t.true(line.includes('\u001B[48;5;224m') && line.includes('\u001B[48;5;194m'), 'pale tints at 256');
});

test.serial('NO_COLOR wins over any palette: no colour codes at all, the - and + markers remain', async (t) => {
	const app = renderApp(new FakeServices(), {width: 200, height: 60, initialEnvironment: 'staging', color: false, palette: {depth: 256, background: 'light'}});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	const frame = await app.waitFor('Diff: Payments');
	t.false(/\u001B\[(3\d|4\d|9\d|10\d)(;[\d;]*)?m/.test(frame), 'no foreground or background colour');
	t.regex(strip(frame), /-\s*"target_url"/);
});

test('theme auto reads COLORFGBG (light for 7 and 9-15), else dark; dark and light are taken as set', (t) => {
	t.is(backgroundFor('auto', {}), 'dark');
	t.is(backgroundFor('auto', {COLORFGBG: '0;15'}), 'light');
	t.is(backgroundFor('auto', {COLORFGBG: '0;default;7'}), 'light');
	t.is(backgroundFor('auto', {COLORFGBG: '15;0'}), 'dark');
	t.is(backgroundFor('auto', {COLORFGBG: '15;8'}), 'dark');
	t.is(backgroundFor('auto', {COLORFGBG: 'rubbish'}), 'dark');
	t.is(backgroundFor('light', {COLORFGBG: '15;0'}), 'light');
	t.is(backgroundFor('dark', {COLORFGBG: '0;15'}), 'dark');
	t.deepEqual([depthOf(0), depthOf(1), depthOf(2), depthOf(3)], [16, 16, 256, 'truecolor']);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`a light theme darkens yellow and cyan text, which a white background washes out (${width}×${height})`, async (t) => {
		const before = chalk.level;
		chalk.level = 2;
		t.teardown(() => {
			chalk.level = before;
		});
		const frameFor = async (background: 'dark' | 'light') => {
			const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging', color: true, palette: {depth: 256, background}});
			t.teardown(app.unmount);
			return app.waitFor((f) => strip(f).includes('4 of 6 shown'));
		};
		const changedRow = (frame: string) => frame.split('\n').find((l) => /Payments/.test(strip(l)) && strip(l).includes('~'))!;
		const light = await frameFor('light');
		t.true(changedRow(light).includes('\u001B[38;5;136m~'), 'changed: dark goldenrod');
		t.true(light.includes('\u001B[38;5;30m'), 'keys: dark cyan');
		const dark = await frameFor('dark');
		t.true(changedRow(dark).includes('\u001B[33m~'), 'changed: the terminal\'s yellow on a dark background');
	});
}
