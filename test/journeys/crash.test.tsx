import test from 'ava';
import {consoleExitCode} from '../../source/commands/console.js';
import {runConsole} from '../../source/ui/run.js';
import {FakeServices} from '../ui/helpers/fake-services.js';
import {capturingStderr, FakeKeyboard, FakeTerminal} from '../ui/helpers/streams.js';

// What the console and demo commands do with a crash: runConsole prints it once (after leaving the alternate screen)
// and rejects; the commands turn that into exit code 1 through consoleExitCode and print nothing more.

test.serial('a console crash is printed once, by runConsole, and becomes exit code 1 with nothing on stderr', async (t) => {
	const services = new FakeServices();
	services.environments = () => {
		throw new Error('config exploded');
	};
	const terminal = new FakeTerminal(100, 30);
	const {value: code, stderr} = await capturingStderr(() => consoleExitCode(() => runConsole(services, {
		stdout: terminal as unknown as NodeJS.WriteStream, stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream, color: false,
	})));
	t.is(code, 1);
	// What stays on the screen is what follows the switch back from the alternate screen (Ink's own error box is
	// drawn on the alternate screen and goes with it).
	const shown = terminal.output.slice(terminal.output.lastIndexOf('\u001B[?1049l'));
	t.is(shown.split('config exploded').length - 1, 1, 'the crash is shown exactly once');
	t.deepEqual(stderr, [], 'the command adds nothing');
});

test.serial('a console that ends normally gives exit code 0', async (t) => {
	const terminal = new FakeTerminal(100, 30);
	const keyboard = new FakeKeyboard();
	const code = consoleExitCode(() => runConsole(new FakeServices(), {
		stdout: terminal as unknown as NodeJS.WriteStream, stdin: keyboard as unknown as NodeJS.ReadStream, color: false,
	}));
	await terminal.until((output) => output.includes('4 environments'), 'the Environments screen');
	keyboard.type('q');
	t.is(await code, 0);
});
