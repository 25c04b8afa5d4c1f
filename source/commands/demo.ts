import type {Command} from 'commander';
import {errorMessage} from '../core/errors.js';
import type {DemoWorld} from '../demo/world.js';
import {demoEnvironments, demoOverlaySecret} from '../demo/config.js';
import {consoleExitCode, hasTerminal, loadConsoleUi} from './console.js';
import {useColor} from './output.js';
import {backgroundFor} from '../ui/theme.js';

function describe(world: DemoWorld): string {
	// From a clone the CLI runs from source through tsx; installed, it is the `tyk-console` command.
	const fromSource = (process.argv[1] ?? '').endsWith('.tsx');
	const self = fromSource ? 'npx tsx source/cli.tsx' : 'tyk-console';
	const exports = [...demoEnvironments.map((e) => `export ${e.keyEnv}=${e.key}`), `export ${demoOverlaySecret.variable}=${demoOverlaySecret.value}`].join('\n  ');
	return [
		`Demo ready in ${world.dir}${world.reused ? ' (reused)' : ''}:`,
		...demoEnvironments.map((e) => `  ${e.name.padEnd(8)} ${world.urls[e.name]}${e.protected ? '  (protected)' : ''}`),
		`  Git      ${world.dir}/repo (branch main, layout in tyk/)`,
		`  config   ${world.configFile}`,
		'',
		`With --keep-running, try it from another shell while the demo runs${fromSource ? ' (in this project\'s directory)' : ''}:`,
		`  ${exports}`,
		`  ${self} envs --config ${world.configFile}`,
		`  ${self} diff staging --config ${world.configFile}`,
		`  ${self} publish staging --dry-run --config ${world.configFile}`,
		`  ${self} publish prod --from-env staging --dry-run --config ${world.configFile}   (prod's overlay: its own hosts, rate, password)`,
	].join('\n');
}

/** Waits for Ctrl-C or SIGTERM, so a demo without a terminal can still be kept running with `--dir`. */
function untilSignal(): Promise<void> {
	return new Promise((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
}

/** `tyk-console demo [--dir DIR]`: the whole product on this machine, no Tyk needed (product.md §9). */
export function registerDemo(program: Command): void {
	program.command('demo')
		.description('start two seeded Dashboard emulators and a demo Git repository, write a config, and open the console')
		.option('--dir <dir>', 'keep everything in this directory (reused on the next run) instead of a temporary one')
		.option('--keep-running', 'without a terminal: keep the emulators running until Ctrl-C instead of exiting')
		.option('--no-color', 'no colour')
		.action(async (options: {dir?: string; keepRunning?: boolean; color?: boolean}) => {
			let world: DemoWorld | undefined;
			try {
				process.stderr.write('Starting the demo: two Dashboard emulators and a Git repository…\n');
				let runConsole: typeof import('../ui/run.js').runConsole | undefined;
				try {
					// Loaded only here, so the other commands start without the emulator, demo and Ink/React modules.
					const [{startDemo}, ui] = await Promise.all([import('../demo/world.js'), hasTerminal() ? loadConsoleUi() : undefined]);
					runConsole = ui?.runConsole;
					world = await startDemo({dir: options.dir});
				} catch (error) {
					process.stderr.write(`tyk-console: the demo could not start: ${errorMessage(error)}\n`);
					process.exitCode = 1;
					return;
				}
				if (!world) return;
				if (runConsole) {
					const engine = world.engine;
					const run = runConsole;
					// A crash is printed by runConsole itself, once, after the terminal is given back.
					process.exitCode = await consoleExitCode(() => run(engine, {
						color: useColor(process.stdout, options.color), stdin: process.stdin, stdout: process.stdout,
						background: backgroundFor('auto', process.env),
						pager: process.env.PAGER, editor: process.env.VISUAL || process.env.EDITOR,
					}));
				} else {
					process.stdout.write(`${describe(world)}\n`);
					if (options.keepRunning) await untilSignal();
					else process.stdout.write(`\nNo terminal: not opening the console. ${options.dir ? 'The demo directory is kept.' : 'Everything was removed; use --dir DIR --keep-running to keep it.'}\n`);
				}
			} finally {
				await world?.close();
			}
		});
}
