import {render} from 'ink';
import type {ConsoleServices} from '../engine/services.js';
import {App} from './app.js';

/** Options of runConsole. */
export interface RunConsoleOptions {
	readonly initialEnvironment?: string;
	/** False for NO_COLOR / --no-color. Default: colour when stdout is a TTY and NO_COLOR is unset. */
	readonly color?: boolean;
	/** Streams, for embedding; default process.stdin / process.stdout. */
	readonly stdin?: NodeJS.ReadStream;
	readonly stdout?: NodeJS.WriteStream;
}

const enterAlternate = '\u001B[?1049h';
const leaveAlternate = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/**
 * Runs the console full-screen and returns when the user quits. The terminal is always given back (main screen,
 * cursor visible) — on quit, Ctrl-C, SIGTERM and crashes — and a crash is printed after leaving the alternate screen so
 * the message stays readable. It never calls process.exit: it resolves when the user quits (or on SIGTERM/SIGINT),
 * and after a crash it rejects with the error it has already printed, so the caller only sets the exit code.
 */
export async function runConsole(services: ConsoleServices, options: RunConsoleOptions = {}): Promise<void> {
	const stdout = options.stdout ?? process.stdout;
	const stdin = options.stdin ?? process.stdin;
	const color = options.color ?? (stdout.isTTY === true && process.env['NO_COLOR'] === undefined);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(leaveAlternate + showCursor);
	};
	stdout.write(enterAlternate);
	const instance = render(<App services={services} initialEnvironment={options.initialEnvironment} color={color} />, {
		stdout, stdin, exitOnCtrlC: true, patchConsole: true,
	});
	const onSignal = () => instance.unmount();
	const onCrash = (error: unknown) => {
		instance.unmount(error instanceof Error ? error : new Error(String(error)));
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGINT', onSignal);
	process.once('uncaughtException', onCrash);
	process.once('unhandledRejection', onCrash);
	process.once('exit', restore);
	try {
		await instance.waitUntilExit();
	} catch (error) {
		restore();
		stdout.write(`tyk-console crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
		throw error;
	} finally {
		instance.cleanup();
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGINT', onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('exit', restore);
	}
}
