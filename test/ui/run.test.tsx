import test, {type ExecutionContext} from 'ava';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {consoleExitCode} from '../../source/commands/console.js';
import {runConsole} from '../../source/ui/run.js';
import {externalPrograms, safeFileName} from '../../source/sources/external-program.js';
import {FakeServices} from './helpers/fake-services.js';
import {capturingStderr, FakeKeyboard, FakeTerminal} from './helpers/streams.js';

const enter = '\u001B[?1049h';
const leave = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

function start(services = new FakeServices()) {
	const stdout = new FakeTerminal(100, 30);
	const stdin = new FakeKeyboard();
	const done = runConsole(services, {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false,
	});
	return {stdout, stdin, done};
}

test.serial('q on the top screen quits: alternate screen entered first, left last, cursor shown', async (t) => {
	const {stdout, stdin, done} = start();
	await stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	t.true(stdout.output.startsWith(enter));
	t.false(stdout.output.includes(leave));
	stdin.type('q');
	await done;
	t.true(stdout.output.endsWith(leave + showCursor));
	// Cleared first: a terminal resized while the alternate screen was shown can otherwise copy its last frame (the
	// help overlay's box) onto the main screen.
	t.true(stdout.output.endsWith(`\u001B[H\u001B[2J${leave}${showCursor}`));
});

test.serial('SIGTERM restores the terminal and returns', async (t) => {
	const before = process.listenerCount('SIGTERM');
	const {stdout, done} = start();
	await stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	process.emit('SIGTERM');
	await done;
	t.true(stdout.output.endsWith(leave + showCursor));
	t.is(process.listenerCount('SIGTERM'), before, 'its signal handler is removed again');
});

test.serial('a crash leaves the alternate screen before printing the error, and rejects', async (t) => {
	const services = new FakeServices();
	services.environments = () => {
		throw new Error('config exploded');
	};
	const before = process.listenerCount('uncaughtException');
	const {stdout, done} = start(services);
	const error = await t.throwsAsync(done);
	t.is(error?.message, 'config exploded');
	const restoredAt = stdout.output.indexOf(leave);
	t.true(restoredAt > 0);
	t.true(stdout.output.indexOf('tyk-console crashed: Error: config exploded') > restoredAt);
	t.is(process.listenerCount('uncaughtException'), before);
});

// --- pager and editor: real programs, the console suspended and restored (issue 14) ---

/** A stand-in pager/editor: records what it was given (stdin, or the file with its modes) in `out`, then exits. */
const fakeProgram = `
const fs = require('node:fs');
const path = require('node:path');
const [how, out, file] = process.argv.slice(2);
if (how === 'interrupt') process.kill(Number(process.env.TC_CONSOLE_PID), 'SIGINT');
if (how === 'page' || how === 'interrupt') fs.writeFileSync(out, fs.readFileSync(0, 'utf8'));
else fs.writeFileSync(out, JSON.stringify({
	text: fs.readFileSync(file, 'utf8'), file, mode: fs.statSync(file).mode & 0o777, dirMode: fs.statSync(path.dirname(file)).mode & 0o777,
}));
`;

function fakePrograms(t: ExecutionContext) {
	const dir = mkdtempSync(join(tmpdir(), 'tc-fake-program-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const script = join(dir, 'fake.cjs');
	writeFileSync(script, fakeProgram);
	const command = (how: string, out: string) => `'${process.execPath}' '${script}' ${how} '${out}'`;
	return {dir, command};
}

test.serial('o pipes the shown side into $PAGER and e opens a 0400 copy in a private dir with $EDITOR; the console comes back', async (t) => {
	const {dir, command} = fakePrograms(t);
	const paged = join(dir, 'paged.txt');
	const edited = join(dir, 'edited.json');
	const stdout = new FakeTerminal(120, 30);
	const stdin = new FakeKeyboard();
	const done = runConsole(new FakeServices(), {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false,
		pager: command('page', paged), editor: command('edit', edited),
	});
	await stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	stdin.type('\r');
	await stdout.until((output) => output.includes('4 of 6 shown'), 'the Items screen');
	stdin.type('j\r');
	await stdout.until((output) => output.includes('Diff: Payments'), 'the Diff screen');
	let mark = stdout.output.length;
	stdin.type('o');
	await stdout.until((output) => output.slice(mark).includes('Pager closed (git main@3f2a1c9, normalised)'), 'the pager result');
	const afterPager = stdout.output.slice(mark);
	// Left the alternate screen for the program, came back to a cleared one, and drew the whole Diff screen again.
	t.true(afterPager.indexOf(leave) >= 0 && afterPager.indexOf(leave) < afterPager.indexOf(enter));
	t.regex(afterPager.slice(afterPager.indexOf(enter)), /◀ git main@3f2a1c9/);
	t.regex(readFileSync(paged, 'utf8'), /"target_url": "http:\/\/payments\.internal:8080"/);
	mark = stdout.output.length;
	stdin.type('se');
	await stdout.until((output) => output.slice(mark).includes('Editor closed (live staging, normalised)'), 'the editor result');
	const copy = JSON.parse(readFileSync(edited, 'utf8')) as {text: string; file: string; mode: number; dirMode: number};
	t.regex(copy.text, /payments-v2\.internal/);
	t.is(copy.mode, 0o400);
	t.is(copy.dirMode, 0o700);
	t.regex(copy.file, /api-payments-1-right\.json$/);
	t.false(existsSync(copy.file), 'the temp copy is removed');
	t.false(existsSync(dirname(copy.file)), 'and its dir');
	stdin.type('q');
	stdin.type('q');
	stdin.type('q');
	stdin.type('q');
	await done;
	t.true(stdout.output.endsWith(leave + showCursor));
	// Cleared first: a terminal resized while the alternate screen was shown can otherwise copy its last frame (the
	// help overlay's box) onto the main screen.
	t.true(stdout.output.endsWith(`\u001B[H\u001B[2J${leave}${showCursor}`));
});

test.serial('Ctrl-C inside the pager (SIGINT to the whole foreground group) does not quit the console', async (t) => {
	const {dir, command} = fakePrograms(t);
	process.env.TC_CONSOLE_PID = String(process.pid);
	t.teardown(() => delete process.env.TC_CONSOLE_PID);
	const stdout = new FakeTerminal(120, 30);
	const stdin = new FakeKeyboard();
	let ended = false;
	const done = runConsole(new FakeServices(), {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false,
		pager: command('interrupt', join(dir, 'paged.txt')),
	}).finally(() => {
		ended = true;
	});
	await stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	stdin.type('\r');
	await stdout.until((output) => output.includes('4 of 6 shown'), 'the Items screen');
	stdin.type('j\r');
	await stdout.until((output) => output.includes('Diff: Payments'), 'the Diff screen');
	stdin.type('o');
	await stdout.until((output) => output.includes('Pager closed'), 'the pager result');
	// Two more keys, each a frame later: by then the signal the pager sent has long been delivered.
	stdin.type('w');
	await stdout.until((output) => output.includes('wrap on'), 'a key handled after the pager');
	stdin.type('w');
	await stdout.until((output) => output.lastIndexOf('wrap off') > output.lastIndexOf('wrap on'), 'another key');
	t.false(ended, 'the console is still running');
	for (const key of 'qqq') stdin.type(key);
	await done;
	t.true(stdout.output.endsWith(leave + showCursor));
});

test('a pager that fails is reported with its exit status', (t) => {
	const programs = externalPrograms({pager: 'exit 3', editor: 'definitely-not-an-editor-xyz'});
	t.deepEqual(programs.page('x'), {ok: false, message: 'The pager (exit 3) exited with 3'});
	t.regex(programs.edit('x', '../../etc/passwd').message, /exited with 127 \(command not found/);
	t.is(safeFileName('../../etc/passwd'), '_.._etc_passwd', 'no separator, no leading dot');
	t.is(externalPrograms({}).pager, 'less -R');
});

test.serial('the editor gets the temp copy as one shell word, even under a temp dir whose name holds a quote and a space', (t) => {
	const odd = mkdtempSync(join(tmpdir(), "tc it's-"));
	const saved = process.env.TMPDIR;
	process.env.TMPDIR = odd;
	t.teardown(() => {
		if (saved === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = saved;
		rmSync(odd, {recursive: true, force: true});
	});
	const seen = join(odd, 'seen.txt');
	const result = externalPrograms({editor: `'${process.execPath}' -e 'require("node:fs").writeFileSync(process.argv[1], require("node:fs").readFileSync(process.argv[2], "utf8"))' '${seen.replace(/'/g, `'\\''`)}'`}).edit('{"a": 1}\n', 'x.json');
	t.true(result.ok, result.message);
	t.is(readFileSync(seen, 'utf8'), '{"a": 1}\n');
});

/** A keyboard that remembers its raw mode, as a terminal would. */
class RawKeyboard extends FakeKeyboard {
	raw = false;
	override setRawMode(mode?: boolean): this {
		this.raw = Boolean(mode);
		return this;
	}
}

// Each key is typed once the screen it is meant for is drawn (the text after it), never after a fixed pause.
for (const [where, keysTyped, shown] of [
	['the Environments screen', [], '4 environments'],
	['the help overlay', [['?', 'Keys on this screen']], 'Keys on this screen'],
	['the Items filter field', [['\r', ' shown'], ['/pay', 'pay█']], 'pay█'],
] as const) {
	test.serial(`Ctrl-C on ${where} ends the console as interrupted (exit code 130), terminal restored`, async (t) => {
		const stdout = new FakeTerminal(100, 30);
		const stdin = new RawKeyboard();
		const code = consoleExitCode(() => runConsole(new FakeServices(), {
			stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false,
		}));
		await stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
		for (const [chunk, drawn] of keysTyped) {
			stdin.type(chunk);
			await stdout.until((output) => output.includes(drawn), `${where} after ${JSON.stringify(chunk)}`);
		}
		await stdout.until((output) => output.includes(shown), where);
		t.true(stdin.raw, 'raw mode is on while the console runs');
		stdin.type('\u0003');
		t.is(await code, 130);
		t.true(stdout.output.endsWith(leave + showCursor));
		t.false(stdin.raw, 'raw mode is off again');
	});
}

test.serial('q still quits with exit code 0; SIGTERM gives 143', async (t) => {
	const first = start();
	await first.stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	first.stdin.type('q');
	t.is(await first.done, 'quit');
	const second = start();
	await second.stdout.until((output) => output.includes('4 environments'), 'the Environments screen');
	process.emit('SIGTERM');
	t.is(await consoleExitCode(() => second.done), 143);
});

test.serial('a crash inside Ink\'s first render (before any frame) restores the terminal and prints the error once', async (t) => {
	const stdout = new FakeTerminal(100, 30);
	const stdin = new RawKeyboard();
	let reads = 0;
	Object.defineProperty(stdout, 'columns', {get: () => {
		// Ink reads the width while it renders the first frame.
		if (++reads >= 1) throw new Error('no terminal size');
		return 100;
	}});
	const before = process.listenerCount('exit');
	const code = await consoleExitCode(() => runConsole(new FakeServices(), {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false,
	}));
	t.is(code, 1);
	const restoredAt = stdout.output.indexOf(leave + showCursor);
	t.true(restoredAt >= 0, stdout.output);
	const shown = stdout.output.slice(restoredAt);
	t.is(shown.split('no terminal size').length - 1, 1, 'printed once, after the terminal is back');
	t.regex(shown, /tyk-console crashed: Error: no terminal size/);
	t.false(stdin.raw);
	t.is(process.listenerCount('exit'), before);
});

test.serial('an error the console could not print itself is printed by the command, on stderr', async (t) => {
	const {value: code, stderr} = await capturingStderr(() => consoleExitCode(async () => {
		throw new Error('could not load the console');
	}));
	t.is(code, 1);
	t.deepEqual(stderr, ['tyk-console: could not load the console\n']);
});
