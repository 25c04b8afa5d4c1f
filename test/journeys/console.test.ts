import test, {type ExecutionContext} from 'ava';
import {diffItems, startDemoWorld, type DemoWorld, type DiffItem} from './helpers/demo.js';
import {hasBackground, lines, Terminal} from './helpers/tmux.js';

// One demo world for the whole file: journeys touch different items (a: a staging policy, read only; b: two prod
// items, undone at the end; c: one staging API), so they run concurrently and the file starts the demo once.
let world: DemoWorld;

test.before(async () => {
	world = await startDemoWorld();
});

test.after.always(async () => {
	await world?.stop();
});

function drift(environment: string, extra: readonly string[] = []): Promise<DiffItem[]> {
	return diffItems(world, environment, extra);
}

/** A shell in a real 160×45 terminal with the console opened from it, on the Environments screen. */
async function openConsole(t: ExecutionContext): Promise<Terminal> {
	const terminal = await Terminal.start({cwd: world.dir, env: world.env});
	t.teardown(() => terminal.close());
	await terminal.type(world.consoleCommand);
	await terminal.press('Enter');
	await terminal.waitFor(/› staging .* ok /, 'the Environments screen with staging loaded');
	return terminal;
}

/** Opens an environment's Items screen from the Environments screen (staging is the first row, prod the second). */
async function openEnvironment(terminal: Terminal, environment: 'staging' | 'prod'): Promise<void> {
	if (environment === 'prod') {
		await terminal.press('j');
		await terminal.waitFor('› prod', 'the cursor on prod');
	}
	await terminal.press('Enter');
	await terminal.waitFor(new RegExp(`Items: ${environment}\\n[^]*→ live ${environment} · \\d+ of \\d+ shown`), `the Items screen of ${environment}`);
}

/** Filters the Items screen to one text (the item's ID), leaving the filter field; an earlier filter is cleared first. */
async function filterTo(terminal: Terminal, text: string): Promise<void> {
	await terminal.press('/');
	const editing = await terminal.waitFor('█', 'the filter field');
	if (!editing.includes('filter /█')) {
		// `/` edits the current filter; Esc in the field clears it.
		await terminal.press('Escape');
		await terminal.waitFor('filter (none, /)', 'the filter cleared');
		await terminal.press('/');
		await terminal.waitFor('filter /█', 'an empty filter field');
	}
	await terminal.type(text);
	await terminal.press('Enter');
	await terminal.waitFor((screen) => screen.includes(`filter /${text}`) && !screen.includes('█') && screen.includes(' 1 of '), `only ${text} shown`);
}

/** After quitting: the shell's prompt and its own screen are back, the alternate screen is off, the exit code (0 after q). */
async function shellIsBack(t: ExecutionContext, terminal: Terminal, code = 0): Promise<void> {
	const screen = await terminal.waitFor((text) => text.trimEnd().endsWith(Terminal.prompt.trim()), 'the shell prompt after quitting');
	t.false(await terminal.alternateScreen(), 'the alternate screen is off');
	t.false(screen.includes('tyk-console ›'), 'no console frame is left on the screen');
	t.true(screen.includes(world.consoleCommand), 'the shell\'s own screen is back');
	await terminal.type('echo "exit=$?"');
	await terminal.press('Enter');
	await terminal.waitFor(`exit=${code}`, 'the exit code');
}

test('(a) open an environment, filter, open a diff, see the changed line highlighted, go back, quit with q', async (t) => {
	const policy = (await drift('staging')).find((item) => item.kind === 'policy' && item.status === 'changed' && item.changes?.length === 1);
	if (!policy) return t.fail('the demo has no staging policy with one changed field');
	const field = policy.changes![0]!;
	const terminal = await openConsole(t);
	t.true(await terminal.alternateScreen(), 'the console runs on the alternate screen');
	await openEnvironment(terminal, 'staging');
	await filterTo(terminal, policy.id);
	t.regex(await terminal.screen(), new RegExp(`› ~\\s+policy\\s+${policy.name}`), 'the cursor is on the filtered item');

	await terminal.press('Enter');
	const diff = await terminal.waitFor(`Diff: ${policy.name}`, 'the Diff screen');
	t.regex(diff, /◀ git main@\w+ +│▶ live staging/, 'both sides are labelled');
	t.regex(diff, /change 1\/1/);
	const changed = lines(diff).find((line) => line.includes(`"${field}"`));
	if (!changed) return t.fail(`no line shows ${field}:\n${diff}`);
	const [left, right] = changed.split('│');
	t.regex(left!, new RegExp(`^\\s*\\d+ -\\s+"${field}": (.+)$`), 'the Git side is marked removed');
	t.regex(right!, new RegExp(`^\\s*\\d+ \\+\\s+"${field}": (.+)$`), 'the live side is marked added');
	t.not(left!.split(':').at(-1)!.trim(), right!.split(':').at(-1)!.trim(), 'the two values differ');

	const coloured = lines(await terminal.screen(true));
	const tinted = coloured.find((line) => line.includes(`"${field}"`));
	const plain = coloured.find((line) => line.includes('"name"'));
	t.true(tinted !== undefined && hasBackground(tinted), 'the changed line is tinted');
	t.true(plain !== undefined && !hasBackground(plain), 'an unchanged line is not');

	await terminal.press('Escape');
	const back = await terminal.waitFor((screen) => !screen.includes('Diff:') && screen.includes('Items: staging'), 'the Items screen again');
	t.true(back.includes(`filter /${policy.id}`), 'going back keeps the filter');
	t.regex(back, new RegExp(`› ~\\s+policy\\s+${policy.name}`), 'and the cursor');

	// q goes back one level, then quits from the top.
	await terminal.press('q');
	await terminal.waitFor((screen) => !screen.includes('Items: staging') && screen.includes('2 environments'), 'back on Environments');
	await terminal.press('q');
	await shellIsBack(t, terminal);
});

test('(b) mark two items, publish, confirm the protected environment by typing its name, see both verified, undo', async (t) => {
	const changed = (await drift('prod')).filter((item) => item.status === 'changed').slice(0, 2);
	if (changed.length < 2) return t.fail('the demo has fewer than two changed items on prod');
	const statusOf = async () => {
		const items = await drift('prod', ['--status', 'unchanged', '--status', 'changed']);
		return changed.map((item) => items.find((found) => found.id === item.id)?.status);
	};
	const terminal = await openConsole(t);
	await openEnvironment(terminal, 'prod');
	for (const [index, item] of changed.entries()) {
		await filterTo(terminal, item.id);
		await terminal.press('Space');
		await terminal.waitFor(`marks ${index + 1}`, `${index + 1} marked`);
	}
	await terminal.press('p');
	const plan = await terminal.waitFor('0 create · 2 update · 0 delete', 'the publish plan');
	t.regex(plan, /Plan: publish prod/);
	for (const item of changed) t.true(plan.includes(item.id), `the plan lists ${item.id}`);
	t.regex(plan, /prod is protected: after y you type its name to confirm/);

	await terminal.press('y');
	await terminal.waitFor('type its name and press Enter', 'the name prompt');
	await terminal.type('prdo');
	await terminal.press('Enter');
	const refused = await terminal.waitFor('"prdo" is not "prod": the field was cleared and nothing was written', 'a mistyped name refused');
	t.regex(refused, /type its name and press Enter to apply 2 writes · Esc cancels\n {2}name › █/, 'the emptied field stays open for another try');
	t.deepEqual(await statusOf(), ['changed', 'changed'], 'a wrong name writes nothing');
	await terminal.type('prod');
	await terminal.press('Enter');
	const result = await terminal.waitFor('2 applied (2 verified) · 0 skipped · 0 failed', 'both verified');
	t.is(lines(result).filter((line) => line.includes('applied and verified')).length, 2);
	t.deepEqual(await statusOf(), ['unchanged', 'unchanged'], 'live now matches Git');

	await terminal.press('u');
	await terminal.waitFor(/Plan: undo prod[^]*0 create · 2 update · 0 delete/, 'the undo plan');
	await terminal.press('y');
	await terminal.waitFor('type its name and press Enter', 'the name prompt for the undo');
	await terminal.type('prod');
	await terminal.press('Enter');
	await terminal.waitFor(/Apply: undo prod[^]*2 applied \(2 verified\)/, 'the undo applied');
	t.deepEqual(await statusOf(), ['changed', 'changed'], 'the undo put live back');
});

test('(c) open an item\'s history, pick an older revision, roll back through the plan, live changed, quit with Ctrl-C', async (t) => {
	const api = (await drift('staging')).find((item) => item.kind === 'api' && item.changes?.includes('api_definition.proxy.target_url'));
	if (!api) return t.fail('the demo has no staging API with a changed upstream');
	const history = await world.json(['history', 'staging', '--id', api.id]);
	const oldest = history.revisions.at(-1) as {commit: string} | undefined;
	if (!oldest || history.revisions.length < 2) return t.fail(`${api.id} has fewer than two Git revisions`);
	const atOldest = async () => (await drift('staging', ['--ref', oldest.commit, '--id', api.id, '--status', 'unchanged', '--status', 'changed']))[0]?.status;
	t.is(await atOldest(), 'changed', 'before: live differs from the oldest revision');

	const terminal = await openConsole(t);
	await openEnvironment(terminal, 'staging');
	await filterTo(terminal, api.id);
	await terminal.press('b');
	await terminal.waitFor(new RegExp(`History: [^]*${history.revisions.length} Git revisions`), 'the History screen');
	await terminal.press('G');
	const short = oldest.commit.slice(0, 7);
	await terminal.waitFor(`› git ${short}`, 'the oldest revision selected');
	await terminal.press('Enter');
	const diff = await terminal.waitFor(`◀ git ${short}`, 'the revision compared with live');
	t.regex(diff, /▶ live staging/);
	t.regex(diff, /"target_url"/, 'the diff shows the upstream that changed');
	await terminal.press('Escape');
	await terminal.waitFor(`› git ${short}`, 'back on the History screen');

	await terminal.press('r');
	const plan = await terminal.waitFor(/Plan: rollback staging[^]*0 create · 1 update · 0 delete/, 'the rollback plan');
	t.true(plan.includes(api.id));
	t.is(await atOldest(), 'changed', 'the plan alone writes nothing');
	await terminal.press('y');
	await terminal.waitFor('1 applied (1 verified) · 0 skipped · 0 failed', 'the rollback verified');
	t.is(await atOldest(), 'unchanged', 'live now holds the older revision');

	// Ctrl-C quits from any screen, with the exit code of an interrupted program.
	await terminal.press('C-c');
	await shellIsBack(t, terminal, 130);
});

