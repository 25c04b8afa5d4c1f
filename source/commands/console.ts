import type {Command} from 'commander';
import {closestKey} from '../config/suggest.js';
import {exitCodes, runCommand} from './context.js';
import {useColor} from './output.js';
import {withConfigOptions, type CommonOptions} from './options.js';

/** The interactive console needs a terminal on both ends; without one it says what to run instead. */
export function hasTerminal(): boolean {
	return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/**
 * Runs the console and turns its outcome into an exit code. runConsole has already printed a crash (after giving the
 * terminal back) when it rejects, so the rejection only means exit 1: printing it again would show the error twice.
 */
export async function consoleExitCode(run: () => Promise<void>): Promise<number> {
	try {
		await run();
		return exitCodes.ok;
	} catch {
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
				// Loaded only here: Ink and React double the start-up time of every non-interactive command (CI runs).
				const {runConsole} = await import('../ui/run.js');
				return consoleExitCode(() => runConsole(engine, {
					initialEnvironment: options.env, color: useColor(process.stdout, options.color), stdin: process.stdin, stdout: process.stdout,
				}));
			});
		});
}
