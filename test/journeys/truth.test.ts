import test, {type ExecutionContext} from 'ava';
import {cliPath} from '../helpers/cli.js';
import {makeWorld} from '../helpers/world.js';
import {diffItems, startDemoWorld, type DemoWorld, type DiffItem} from './helpers/demo.js';
import {Terminal} from './helpers/tmux.js';

// Issue 14 journeys in a real 80×24 terminal, about the console telling the truth: a protected publish typed in full,
// a dump on one environment seen from another environment of the same branch, and a Dashboard that dies while its
// Items screen is open. The first two share one demo world and run one after the other (the dump moves the branch).
let world: DemoWorld;

test.before(async () => {
	world = await startDemoWorld();
});

test.after.always(async () => {
	await world?.stop();
});

/** A changed item of an environment, found with the CLI, so the journey filters the console to exactly it. */
async function changedItem(t: ExecutionContext, environment: string): Promise<DiffItem> {
	const items = await diffItems(world, environment);
	const item = items.find((candidate) => candidate.status === 'changed');
	if (!item) t.fail(`the demo's ${environment} has no changed item`);
	return item!;
}

/** An 80×24 terminal with the console open on an environment's Items screen, filtered to one item. */
async function consoleOn(t: ExecutionContext, environment: string, id: string): Promise<Terminal> {
	const terminal = await Terminal.start({cwd: world.dir, env: world.env, columns: 80, rows: 24});
	t.teardown(() => terminal.close());
	await terminal.type(`${world.consoleCommand} --env ${environment}`);
	await terminal.press('Enter');
	await terminal.waitFor(new RegExp(`Items: ${environment}[^]*\\d+ of \\d+ shown`), `the Items screen of ${environment}`);
	await terminal.press('/');
	await terminal.waitFor('█', 'the filter field');
	await terminal.type(id);
	await terminal.press('Enter');
	await terminal.waitFor((screen) => / 1 of \d+ shown/.test(screen) && !screen.includes('█'), `only ${id} shown`);
	return terminal;
}

/** Quits from the Items screen (q back, q quit) and checks the shell got its screen back with exit code 0. */
async function quit(t: ExecutionContext, terminal: Terminal): Promise<void> {
	await terminal.press('q');
	await terminal.waitFor('environments', 'the Environments screen');
	await terminal.press('q');
	await terminal.waitFor((screen) => screen.trimEnd().endsWith(Terminal.prompt.trim()), 'the shell prompt after quitting');
	t.false(await terminal.alternateScreen(), 'the alternate screen is off');
	await terminal.type('echo "exit=$?"');
	await terminal.press('Enter');
	await terminal.waitFor('exit=0', 'the exit code');
}

test.serial('(a) a protected publish typed at 80×24: the name has its own line, a wrong attempt clears it, y is never typed', async (t) => {
	const item = await changedItem(t, 'prod');
	const terminal = await consoleOn(t, 'prod', item.id);
	await terminal.press('p');
	// y is hinted while it is what applies.
	let screen = await terminal.waitFor((text) => text.includes('prod is protected: after y you type its name to confirm') && /y apply/.test(text), 'the plan of a protected environment');
	t.regex(screen, /y applies 1 write to live prod/);
	await terminal.press('y');
	// The field on its own line, and (a frame later at most) no y hint while it has the focus.
	screen = await terminal.waitFor((text) => /^ {2}name › █/m.test(text) && /enter apply/.test(text), 'the name field on its own line');
	t.notRegex(screen, /y apply/);
	await terminal.type('prd');
	screen = await terminal.waitFor(/^ {2}name › prd█/m, 'the typed text, whole');
	await terminal.press('Enter');
	screen = await terminal.waitFor('"prd" is not "prod": the field was cleared and nothing was written', 'the failed attempt');
	t.regex(screen, /^ {2}name › █/m);
	t.notRegex(screen, /y apply/);
	await terminal.press('y');
	screen = await terminal.waitFor('y does not apply to a protected environment', 'the refused y');
	t.regex(screen, /^ {2}name › █/m, 'y did not join the name');
	await terminal.type('prod');
	await terminal.waitFor(/^ {2}name › prod█/m, 'the name typed');
	await terminal.press('Enter');
	screen = await terminal.waitFor('u undoes it', 'the result');
	t.regex(screen, /1 applied \(1 verified\)/);
	const after = (await world.json(['diff', 'prod', '--id', item.id])).summary;
	t.like(after, {total: 1, unchanged: 1}, 'the item is live as Git has it');
	await terminal.press('Escape');
	await quit(t, terminal);
});

test.serial('(b) a dump on staging, then prod (same branch) opens on the commit the dump made', async (t) => {
	const item = await changedItem(t, 'staging');
	const terminal = await consoleOn(t, 'staging', item.id);
	await terminal.press('d');
	let screen = await terminal.waitFor(/dump live staging → git main@[0-9a-f]{7}/, 'the dump plan');
	t.regex(screen, /made from commit [0-9a-f]{7}/, 'the plan says the revision it was made from');
	await terminal.press('y');
	// The console asks for the commit message (prefilled); Enter commits.
	await terminal.waitFor('message › ', 'the commit message');
	await terminal.press('Enter');
	screen = await terminal.waitFor(/git revert [0-9a-f]{7} undoes it/, 'the dump result');
	t.notRegex(screen, /u undoes it/);
	const commit = /git revert ([0-9a-f]{7}) undoes it/.exec(screen)![1]!;
	await terminal.press('Escape');
	await terminal.waitFor(/Items: staging/, 'back on staging');
	await terminal.press('Escape');
	screen = await terminal.waitFor(/› staging/, 'the Environments screen');
	await terminal.press('j');
	await terminal.waitFor('› prod', 'the cursor on prod');
	await terminal.press('Enter');
	screen = await terminal.waitFor(new RegExp(`Items: prod[^]*git main@${commit} → live prod`), 'prod on the new commit');
	t.regex(screen, new RegExp(`git main@${commit}`));
	await quit(t, terminal);
});

test('(c) a Dashboard killed while its Items screen is open: the Git items stay, live is marked unreachable', async (t) => {
	const own = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const dumped = await own.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const terminal = await Terminal.start({cwd: own.root, env: own.env, columns: 80, rows: 24});
	t.teardown(() => terminal.close());
	await terminal.type(`'${process.execPath}' '${cliPath}' --config '${own.configPath}' --env staging`);
	await terminal.press('Enter');
	// Right after the dump nothing drifts: the empty table says why, and f shows every item.
	let screen = await terminal.waitFor(/No drift: all (\d+) items are unchanged · f shows them/, 'the Items screen of staging');
	const total = Number(/all (\d+) items/.exec(screen)![1]);
	await terminal.press('f');
	screen = await terminal.waitFor(`${total} of ${total} shown`, 'every item shown');
	t.regex(screen, /^[ ›][ ●]= {2}api/m);
	await own.emulators['staging']!.close();
	await terminal.press('R');
	screen = await terminal.waitFor((text) => text.includes(`${total} of ${total} shown · ? live not read`), 'the reload with the Dashboard down');
	t.regex(screen, /Live unreachable: /);
	t.regex(screen, /^[ ›][ ●]\? {2}api/m, 'the Git items stay, their status unknown');
	t.notRegex(screen, /^[ ›][ ●]= {2}/m, 'nothing claims to be unchanged any more');
	await terminal.press('q');
	screen = await terminal.waitFor(/› staging\s+unreachable/, 'the Environments screen');
	t.regex(screen, /unreachable\s+— APIs — pol — tpl\s+\? not compared/);
	t.regex(screen, /^ {2}live: /m, 'the reason first on the second line');
	await terminal.press('q');
	await terminal.waitFor((text) => text.trimEnd().endsWith(Terminal.prompt.trim()), 'the shell prompt after quitting');
	t.false(await terminal.alternateScreen());
});
