import chalk from 'chalk';
import type {ReactElement} from 'react';
import {render, type Instance} from 'ink';
import type {ConsoleServices} from '../engine/services.js';
import {externalPrograms} from '../sources/external-program.js';
import {App} from './app.js';
import {CrashBoundary} from './crash-boundary.js';
import {quitResult} from './shell.js';
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
 * Cursor home and clear, written before leaving the alternate screen: a terminal resized while it showed the console
 * (tmux among them) can otherwise carry the last frame's lines (the help overlay's box) onto the main screen.
 */
const clearScreen = '\u001B[H\u001B[2J';

/** How the console ended: the user quit, pressed Ctrl-C (or the process got SIGINT), or it got SIGTERM. */
export type ConsoleEnd = 'quit' | 'interrupted' | 'terminated';

/**
 * Marks an error runConsole has printed (after giving the terminal back), so the command does not print it again. A
 * registered symbol: the command module loads the UI lazily and cannot import it.
 */
export const printedMark = Symbol.for('tyk-console.crash-printed');

/**
 * Runs the console full-screen and resolves with how it ended. The terminal is always given back (main screen, cursor
 * visible, raw mode off) — on quit, Ctrl-C, SIGINT, SIGTERM and crashes, the first render included — and a crash is
 * printed after leaving the alternate screen so the message stays readable. It never calls process.exit: after a
 * crash it rejects with the error, already printed (marked with `printedMark`), so the caller only sets the exit code
 * (see consoleExitCode in commands/console.ts).
 */
export async function runConsole(services: ConsoleServices, options: RunConsoleOptions): Promise<ConsoleEnd> {
	const {stdout, stdin, color} = options;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			if (stdin.isTTY) stdin.setRawMode?.(false);
		} catch {
			// A stdin already closed has no mode to restore.
		}
		stdout.write(clearScreen + leaveAlternate + showCursor);
	};
	let instance: Instance | undefined;
	let crash: Error | undefined;
	let signal: ConsoleEnd | undefined;
	const onCrash = (error: unknown) => {
		if (crash) return;
		crash = error instanceof Error ? error : new Error(String(error));
		// A crash inside the first render comes before Ink has an exit promise to reject: unmount on the next turn.
		setImmediate(() => instance?.unmount(crash));
	};
	const onSignal = (end: ConsoleEnd) => () => {
		signal ??= end;
		instance?.unmount();
	};
	const onTerm = onSignal('terminated');
	const onInt = onSignal('interrupted');
	// Registered before anything is drawn: a crash at any point still finds the terminal handed back.
	process.on('SIGTERM', onTerm);
	process.on('SIGINT', onInt);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	process.on('exit', restore);
	const guarded = (tree: ReactElement): ReactElement => <CrashBoundary onCrash={onCrash}>{tree}</CrashBoundary>;
	try {
		stdout.write(enterAlternate);
		// The depth Ink will actually emit (chalk's level, the instance Ink colours with), so the tints are chosen for it.
		const palette = {depth: depthOf(chalk.level), background: options.background ?? 'dark'};
		instance = render(guarded(<App services={services} initialEnvironment={options.initialEnvironment} color={color} palette={palette} refreshSeconds={options.refreshSeconds}
			programs={externalPrograms({pager: options.pager, editor: options.editor})} />), {
			stdout, stdin, exitOnCtrlC: true, patchConsole: true,
		});
		const result = await instance.waitUntilExit();
		if (crash) throw crash;
		// Ink's own Ctrl-C exit passes no result; the shell's quit passes quitResult.
		return signal ?? (result === quitResult ? 'quit' : 'interrupted');
	} catch (error) {
		restore();
		stdout.write(`tyk-console crashed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
		if (error instanceof Error) Object.defineProperty(error, printedMark, {value: true});
		throw error;
	} finally {
		instance?.cleanup();
		restore();
		process.off('SIGTERM', onTerm);
		process.off('SIGINT', onInt);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('exit', restore);
	}
}
