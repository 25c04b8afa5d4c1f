import type {Command} from 'commander';
import {closestKey} from '../config/suggest.js';
import {errorMessage} from '../core/errors.js';
import {safeText} from '../core/safe-text.js';
import {backgroundFor} from '../ui/theme.js';
import {exitCodes, runCommand} from './context.js';
import {useColor} from './output.js';
import {withConfigOptions, type CommonOptions} from './options.js';

/**
 * Loads the console UI for an interactive terminal. Ink renders nothing until exit when it believes it runs in CI
 * (is-in-ci reads CI / CONTINUOUS_INTEGRATION when Ink loads), and a terminal someone is typing into is never a CI
 * log, so those flags are removed for this process first (chalk also turns colour off when `CI` merely exists). Loaded lazily: Ink and React double the start-up time of
 * every non-interactive command.
 */
export function loadConsoleUi(): Promise<typeof import('../ui/run.js')> {
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[key];
	return import('../ui/run.js');
}

/** The interactive console needs a terminal on both ends; without one it says what to run instead. */
export function hasTerminal(): boolean {
	return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** Exit codes of a console that was stopped: 128 + the signal's number, as shells report it (Ctrl-C is SIGINT). */
const stopped = {interrupted: 130, terminated: 143} as const;

/**
 * Runs the console and turns how it ended into an exit code: 0 after a quit, 130 after Ctrl-C (SIGINT), 143 after
 * SIGTERM, 1 after a crash. runConsole prints a crash itself (after giving the terminal back) and marks the error, so
 * only an error it could not print (one before it took the terminal) is printed here.
 */
export async function consoleExitCode(run: () => Promise<'quit' | 'interrupted' | 'terminated' | void>): Promise<number> {
	try {
		const end = await run();
		return end === 'interrupted' || end === 'terminated' ? stopped[end] : exitCodes.ok;
	} catch (error) {
		if (!(error instanceof Error && (error as unknown as Record<symbol, unknown>)[Symbol.for('tyk-console.crash-printed')])) {
			process.stderr.write(`tyk-console: ${safeText(errorMessage(error))}\n`);
		}
		return exitCodes.error;
	}
}

interface ConsoleOptions extends CommonOptions {
	readonly env?: string;
}

/** `tyk-console` with no sub-command: the full-screen console over the configured environments. */
export function registerConsole(program: Command): void {
	withConfigOptions(program)
		.option('--env <name>', 'open this environment directly')
		.option('--no-color', 'no colour')
		// A mistyped sub-command lands here as an operand: name it (with a guess) instead of "too many arguments".
		.allowExcessArguments(true)
		.action(async (options: ConsoleOptions, command: Command) => {
			const [word] = command.args;
			if (word !== undefined) {
				const guess = closestKey(word, command.commands.map((sub) => sub.name()));
				command.error(`error: unknown command '${word}'${guess ? ` (did you mean ${guess}?)` : ''}`, {code: 'commander.unknownCommand'});
			}
			if (!hasTerminal()) {
				process.stderr.write('tyk-console: the console needs an interactive terminal; for scripts and CI use the commands (tyk-console --help)\n');
				process.exitCode = exitCodes.error;
				return;
			}
			await runCommand(options, async (engine) => {
				const {runConsole} = await loadConsoleUi();
				const settings = engine.context.config.console;
				return consoleExitCode(() => runConsole(engine, {
					initialEnvironment: options.env, color: useColor(process.stdout, options.color), stdin: process.stdin, stdout: process.stdout,
					background: backgroundFor(settings?.theme ?? 'auto', process.env), refreshSeconds: settings?.refreshSeconds,
					pager: process.env.PAGER, editor: process.env.VISUAL || process.env.EDITOR,
				}));
			});
		});
}
