import chalk from 'chalk';
import {render} from 'ink';
import type {ConsoleServices} from '../engine/services.js';
import {externalPrograms} from '../sources/external-program.js';
import {App} from './app.js';
import {depthOf, type Background} from './theme.js';

/**
 * Options of runConsole. Streams and colour are required: the command decides them (it already knows about --no-color,
 * NO_COLOR and FORCE_COLOR), so the UI never reads the global stdout or environment and one policy applies everywhere.
 */
export interface RunConsoleOptions {
	readonly initialEnvironment?: string;
	/** False for NO_COLOR / --no-color / a stdout that is not a terminal. */
	readonly color: boolean;
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	/** The terminal's background (the config's `theme`, resolved by the command); default dark. */
	readonly background?: Background;
	/** The config's `refreshSeconds`. */
	readonly refreshSeconds?: number;
	/** `$PAGER` and `$VISUAL`/`$EDITOR` as the command found them (defaults: `less -R`, `vi`). */
	readonly pager?: string;
	readonly editor?: string;
}

const enterAlternate = '\u001B[?1049h';
const leaveAlternate = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/**
 * Runs the console full-screen and returns when the user quits. The terminal is always given back (main screen,
 * cursor visible) — on quit, Ctrl-C, SIGTERM and crashes — and a crash is printed after leaving the alternate screen so
 * the message stays readable. It never calls process.exit: it resolves when the user quits (or on SIGTERM/SIGINT),
 * and after a crash it rejects with the error it has already printed, so the caller only sets the exit code (see
 * consoleExitCode in commands/console.ts) and must not print it again.
 */
export async function runConsole(services: ConsoleServices, options: RunConsoleOptions): Promise<void> {
	const {stdout, stdin, color} = options;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(leaveAlternate + showCursor);
	};
	stdout.write(enterAlternate);
	// The depth Ink will actually emit (chalk's level, the instance Ink colours with), so the tints are chosen for it.
	const palette = {depth: depthOf(chalk.level), background: options.background ?? 'dark'};
	const instance = render(<App services={services} initialEnvironment={options.initialEnvironment} color={color} palette={palette} refreshSeconds={options.refreshSeconds}
		programs={externalPrograms({pager: options.pager, editor: options.editor})} />, {
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
