import test from 'ava';
import {runConsole} from '../../source/ui/run.js';
import {FakeServices} from './helpers/fake-services.js';
import {FakeKeyboard, FakeTerminal} from './helpers/streams.js';

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
