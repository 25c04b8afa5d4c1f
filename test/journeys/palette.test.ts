import test from 'ava';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {startDemoWorld, type DemoWorld} from './helpers/demo.js';
import {Terminal} from './helpers/tmux.js';

// Issue 14 journeys at 80×24 in a real terminal: the `:` palette jumping to another environment, a search inside a
// diff, and $PAGER (a tiny stand-in that records what it got) running with the console suspended and coming back.
let world: DemoWorld;

test.before(async () => {
	world = await startDemoWorld();
});

test.after.always(async () => {
	await world?.stop();
});

test('the palette jumps to another environment; / searches a diff, n/N go over matches; $PAGER runs and the console comes back', async (t) => {
	const paged = join(world.dir, 'paged.json');
	const pager = join(world.dir, 'fake-pager.cjs');
	writeFileSync(pager, `require('node:fs').writeFileSync(${JSON.stringify(paged)}, require('node:fs').readFileSync(0, 'utf8'));\n`);
	const terminal = await Terminal.start({cwd: world.dir, env: {...world.env, PAGER: `'${process.execPath}' '${pager}'`}, columns: 80, rows: 24});
	t.teardown(() => terminal.close());
	await terminal.type(world.consoleCommand);
	await terminal.press('Enter');
	await terminal.waitFor(/› staging .* ok/, 'the Environments screen with staging loaded');
	await terminal.press('Enter');
	await terminal.waitFor(/Items: staging[^]*\d+ of \d+ shown/, 'the Items screen of staging');
	await terminal.press('Enter');
	await terminal.waitFor('Diff: ', 'the Diff screen');

	// Search: the field opens in the footer, Enter jumps to the first match, n/N go over them, Esc clears.
	await terminal.press('/');
	await terminal.waitFor('search /█', 'the search field');
	await terminal.type('name');
	await terminal.press('Enter');
	const first = await terminal.waitFor(/match 1\/(\d+) "name"/, 'the first match');
	const count = Number(/match 1\/(\d+)/.exec(first)![1]);
	if (count > 1) {
		await terminal.press('n');
		await terminal.waitFor(`match 2/${count} "name"`, 'the second match');
		await terminal.press('N');
		await terminal.waitFor(`match 1/${count} "name"`, 'back to the first match');
	}
	await terminal.press('Escape');
	const cleared = await terminal.waitFor('Search cleared', 'the search cleared');
	t.regex(cleared, /Diff: /, 'the first Esc clears the search and stays on the diff');

	// $PAGER: the console leaves the screen to it and draws itself again after.
	await terminal.press('o');
	const back = await terminal.waitFor('Pager closed', 'the console after the pager');
	t.regex(back, /tyk-console › .*Diff: /);
	t.true(await terminal.alternateScreen(), 'back on the alternate screen');
	t.regex(readFileSync(paged, 'utf8'), /^\{\n {2}"/, 'the pager got the JSON');

	// The palette: from the diff of staging straight to prod.
	await terminal.press(':');
	await terminal.waitFor('Enter runs · Esc closes', 'the palette');
	await terminal.type('go prod');
	await terminal.waitFor('› go to prod', 'the prod entry highlighted');
	await terminal.press('Enter');
	const prod = await terminal.waitFor(/tyk-console › Environments › Items: prod[^]*→ live prod/, 'the Items screen of prod');
	t.notRegex(prod, /Diff: /);
	await terminal.press('Escape');
	await terminal.waitFor((screen) => screen.split('\n')[0]!.trim() === 'tyk-console › Environments', 'the Environments screen');
	await terminal.press('q');
	await terminal.waitFor((screen) => screen.trimEnd().endsWith(Terminal.prompt.trim()), 'the shell prompt after quitting');
	t.false(await terminal.alternateScreen(), 'the terminal is given back');
});
