import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {useState} from 'react';
import {Text} from 'ink';
import {InputProvider} from '../../source/ui/input/input-provider.js';
import {KeyStack, type InputLayer, type KeyHandler} from '../../source/ui/input/key-stack.js';
import type {KeyPress} from '../../source/ui/input/keypress.js';
import {useKeyHandler} from '../../source/ui/input/use-key-handler.js';
import {useKeys} from '../../source/ui/hooks/use-keys.js';
import {useTextInput} from '../../source/ui/hooks/use-text-input.js';
import {runConsole} from '../../source/ui/run.js';
import {FakeServices} from './helpers/fake-services.js';
import {keys, renderApp, renderWatched} from './helpers/render.js';
import {FakeKeyboard, FakeTerminal} from './helpers/streams.js';

// --- the stack, without React ---

const press = (name: string, text = ''): KeyPress => ({name, text});
const typed = (text: string) => [...text].map((c) => press(c, c));

/** A handler that logs what it gets under `label` and takes only the key names in `takes` (every key if omitted). */
function handler(log: string[], label: string, layer: InputLayer, options: {takes?: string[]; text?: boolean; isActive?: boolean} = {}): KeyHandler {
	return {
		layer,
		isActive: options.isActive ?? true,
		onKey: (key) => {
			const taken = options.takes === undefined || options.takes.includes(key.name);
			log.push(`${label}${taken ? '' : ' declines'} ${key.name}`);
			return taken;
		},
		onText: options.text ? (text) => log.push(`${label} types ${text}`) : undefined,
	};
}

test('the stack offers a key top down: overlay, text field, screen, app; a declined key falls through', (t) => {
	const log: string[] = [];
	const stack = new KeyStack();
	stack.add(() => handler(log, 'app', 'app'));
	stack.add(() => handler(log, 'screen', 'screen', {takes: ['j']}));
	stack.add(() => handler(log, 'hidden screen', 'screen', {isActive: false}));
	stack.add(() => handler(log, 'field', 'text', {takes: ['enter'], text: true}));
	const queue = [press('down'), press('j'), press('enter'), press('esc')];
	while (queue.length > 0) stack.dispatchNext(queue);
	t.deepEqual(log, [
		'field declines down', 'screen declines down', 'app down',
		'field declines j', 'screen j',
		'field enter',
		'field declines esc', 'screen declines esc', 'app esc',
	]);
	const removeOverlay = stack.add(() => handler(log, 'overlay', 'overlay'));
	log.length = 0;
	stack.dispatchNext([press('j')]);
	t.deepEqual(log, ['overlay j'], 'an overlay on top takes the key before the text field');
	removeOverlay();
	log.length = 0;
	stack.dispatchNext([press('j')]);
	t.deepEqual(log, ['field declines j', 'screen j']);
});

test('a text field on top gets the run of typed keys at the head of the queue as one text', (t) => {
	const log: string[] = [];
	const stack = new KeyStack();
	stack.add(() => handler(log, 'field', 'text', {takes: ['enter'], text: true}));
	const queue = [...typed('gold'), press('space', ' '), ...typed('x'), press('enter'), ...typed('j')];
	stack.dispatchNext(queue);
	t.deepEqual(log, ['field types gold x']);
	t.deepEqual(queue.map((k) => k.name), ['enter', 'j'], 'the rest waits for the next turn');
});

test('within a layer the handler registered last is on top', (t) => {
	const log: string[] = [];
	const stack = new KeyStack();
	stack.add(() => handler(log, 'first', 'screen'));
	stack.add(() => handler(log, 'second', 'screen'));
	stack.dispatchNext([press('j')]);
	t.deepEqual(log, ['second j']);
});

// --- the provider, with a recorder ---

/** Logs every key's name at the bottom of the stack. */
function Recorder({log}: {readonly log: string[]}) {
	useKeyHandler({onKey: (key) => Boolean(log.push(key.name))}, {layer: 'app'});
	return <Text>recording</Text>;
}

for (const [what, chunk, expected] of [
	['typed characters', 'jj\r', ['j', 'j', 'enter']],
	['a paste', '/gold', ['/', 'g', 'o', 'l', 'd']],
	['escape sequences around a letter', '\u001B[Bj\u001B[A', ['down', 'j', 'up']],
	['page keys', '\u001B[5~\u001B[6~', ['pgup', 'pgdn']],
	['control characters', 'a\u0002b \t\u007F', ['a', 'ctrl-b', 'b', 'space', 'tab', 'backspace']],
	['graphemes', 'e\u0301\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u{1F1E9}\u{1F1EA}', ['e\u0301', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', '\u{1F1E9}\u{1F1EA}']],
] as const) {
	test.serial(`one chunk is split into keys: ${what}`, async (t) => {
		const log: string[] = [];
		const app = renderWatched(<InputProvider><Recorder log={log} /></InputProvider>);
		t.teardown(app.unmount);
		await app.press(chunk);
		t.deepEqual(log, [...expected]);
	});
}

/** A screen with a filter field, enough to see which handler each key of a chunk reaches. */
function FilterScreen({log}: {readonly log: string[]}) {
	const [open, setOpen] = useState(false);
	const [text, setText] = useState('');
	useKeys('items', {
		filter: () => void setOpen(true),
		down: () => void log.push('screen down'),
		publish: () => void log.push('screen publish'),
	});
	useTextInput({
		onText: (more) => {
			log.push(`field types ${more}`);
			setText((current) => current + more);
		},
		// Reads the rendered text: it is the committed state of the keys before, not a stale closure.
		onEnter: () => {
			log.push(`field keeps ${text}`);
			setOpen(false);
		},
		onEscape: () => setOpen(false),
		onBackspace: () => setText((current) => current.slice(0, -1)),
	}, {isActive: open});
	return <Text>{open ? `/${text}█` : `filter ${text || '(none)'}`}</Text>;
}

test.serial('a paste opens the field with its first key and types the rest; keys after Enter go to the screen again', async (t) => {
	const log: string[] = [];
	const app = renderWatched(<InputProvider><FilterScreen log={log} /></InputProvider>);
	t.teardown(app.unmount);
	await app.press('/gold\rjp');
	t.regex(await app.waitFor('filter gold'), /^filter gold$/);
	t.deepEqual(log, ['field types gold', 'field keeps gold', 'screen down', 'screen publish']);
});

test.serial('a chunk is handled without timers', async (t) => {
	const log: string[] = [];
	const app = renderWatched(<InputProvider><FilterScreen log={log} /></InputProvider>);
	t.teardown(app.unmount);
	// The wait starts (and arms its own failure timer) before the spies go in; the keys are written straight to stdin.
	const kept = app.waitFor('filter gold');
	const calls: string[] = [];
	const saved = {setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval, setImmediate: globalThis.setImmediate};
	for (const name of ['setTimeout', 'setInterval', 'setImmediate'] as const) {
		const original = saved[name] as (...args: unknown[]) => unknown;
		(globalThis as Record<string, unknown>)[name] = (...args: unknown[]) => {
			calls.push(name);
			return original(...args);
		};
	}
	try {
		app.instance.stdin.write('/gold\rj');
		await kept;
	} finally {
		Object.assign(globalThis, saved);
	}
	t.deepEqual(calls, []);
	t.deepEqual(log, ['field types gold', 'field keeps gold', 'screen down']);
});

test('nothing in the console reaches into Ink internals, and the input layer sets no timers', (t) => {
	const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
	const source = new URL('../../source/', import.meta.url).pathname;
	for (const file of files(source)) t.false(readFileSync(file, 'utf8').includes('internal_'), file);
	const input = [...files(join(source, 'ui/input')), join(source, 'ui/hooks/use-keys.ts'), join(source, 'ui/hooks/use-text-input.ts')];
	for (const file of input) t.notRegex(readFileSync(file, 'utf8'), /set(Timeout|Interval|Immediate)\(/, file);
});

// --- the console ---

test.serial('the help overlay swallows every key until ?, Esc or q closes it', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30});
	t.teardown(app.unmount);
	await app.waitFor(/› staging\s+ok/);
	await app.press('?');
	await app.waitFor('Keys on this screen (environments)');
	const covered = await app.press('jc', keys.down, keys.enter);
	t.regex(covered, /Keys on this screen/, 'keys under the overlay change nothing');
	await app.press(keys.esc);
	const closed = await app.waitFor('4 environments');
	t.regex(closed, /› staging/, 'j and ↓ did not move the cursor');
	t.notRegex(closed, /Compare staging with|Items:/, 'c and Enter did nothing');
	await app.press('?', 'q');
	t.regex(await app.waitFor('4 environments'), /tyk-console › Environments$/m, 'q closed the overlay, it did not quit');
});

test.serial('a filter field gets letters before the screen bindings: a pasted "/pay" filters, it does not publish', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('/pay');
	const typing = await app.waitFor('/pay█');
	t.regex(typing, /1 of 6 shown/);
	t.notRegex(typing, /Plan:/);
	await app.press(`${keys.backspace}y\r`);
	await app.waitFor('Filter "pay" kept');
	t.false(services.calls.some((c) => c.startsWith('plan')), services.calls.join('\n'));
});

test.serial('tmux send-keys "jj\\r" and arrows in one chunk act one key after the other', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30});
	t.teardown(app.unmount);
	await app.waitFor(/staging\s+ok/);
	await app.press('jj\r');
	t.regex(await app.waitFor('Items: '), /Items: archive/);
	await app.press(keys.esc);
	await app.waitFor('4 environments');
	await app.press(`${keys.up}${keys.down}${keys.down}${keys.down}\r`);
	t.regex(await app.waitFor('Items: '), /Items: broken/);
});

test.serial('a chunk of more keys than React allows nested updates (50) reaches every key, in order', async (t) => {
	const log: string[] = [];
	const app = renderWatched(<InputProvider><Recorder log={log} /></InputProvider>);
	t.teardown(app.unmount);
	const chunk = Array.from({length: 120}, (_, i) => 'abcdefghij'[i % 10]).join('');
	await app.press(chunk);
	await app.waitFor(() => log.length === chunk.length);
	t.is(log.join(''), chunk);
});

test.serial('q in the middle of a chunk quits from the top screen', async (t) => {
	const stdout = new FakeTerminal(100, 30);
	const stdin = new FakeKeyboard();
	const done = runConsole(new FakeServices(), {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false,
	});
	await stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	stdin.type('jjq');
	await done;
	t.true(stdout.output.includes('› archive'), 'the keys before q were handled');
});
