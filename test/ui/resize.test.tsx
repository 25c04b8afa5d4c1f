import test from 'ava';
import {render} from 'ink';
import {App} from '../../source/ui/app.js';
import {FakeServices} from './helpers/fake-services.js';
import {FakeKeyboard, FakeTerminal} from './helpers/streams.js';
import {keys, renderApp} from './helpers/render.js';

test.serial('resizing re-lays out: the diff goes from side by side to stacked and back', async (t) => {
	const app = renderApp(new FakeServices(), {width: 140, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	let frame = await app.waitFor('◀ git main');
	t.true(frame.split('\n').every((l) => l.length <= 140));
	app.rerender({width: 80, height: 24});
	frame = await app.waitFor('stacked: window under 100 columns');
	t.is(frame.split('\n').length, 24);
	app.rerender({width: 140, height: 30});
	frame = await app.waitFor('◀ git main');
	t.is(frame.split('\n').length, 30);
});

test.serial('without explicit sizes the app follows the terminal size and its resize events', async (t) => {
	const stdout = new FakeTerminal(120, 30);
	const stdin = new FakeKeyboard();
	const instance = render(<App services={new FakeServices()} color={false} />, {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, patchConsole: false,
	});
	t.teardown(() => instance.unmount());
	// Debug mode writes every frame whole, one after the other: the last frame starts at the last title.
	const lastFrame = () => stdout.output.slice(stdout.output.lastIndexOf('tyk-console › Environments'));
	await stdout.until((output) => output.includes('ECONNREFUSED'), 'every environment loaded');
	const wide = lastFrame();
	t.regex(wide, /archive \[read-only\]/);
	t.is(wide.split('\n').length, 29, 'one row less than the terminal, so Ink never clears the screen');
	const statusWidth = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
	t.true(statusWidth(wide) <= 120);
	stdout.output = '';
	stdout.resize(70, 20);
	await stdout.until((output) => output.includes('archive [read-on…'), 'the narrow frame');
	const narrow = lastFrame();
	t.regex(narrow, /archive \[read-on…/);
	t.true(statusWidth(narrow) <= 70, narrow);
	t.is(narrow.split('\n').length, 19);
});
