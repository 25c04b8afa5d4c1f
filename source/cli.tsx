#!/usr/bin/env node
import {Command, CommanderError} from 'commander';
import {readFileSync} from 'node:fs';
import {registerConsole} from './commands/console.js';
import {registerDemo} from './commands/demo.js';
import {registerDiff} from './commands/diff.js';
import {registerDump} from './commands/dump.js';
import {registerEmulator} from './commands/emulator.js';
import {registerEnvs} from './commands/envs.js';
import {registerHistory} from './commands/history.js';
import {registerPublish} from './commands/publish.js';
import {registerRollback, registerUndo} from './commands/rollback.js';
import {errorMessage} from './core/errors.js';
import {safeText} from './core/safe-text.js';

/** Version from package.json, read relative to this file so it works from source (tsx) and from dist. */
function packageVersion(): string {
	const raw = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
	return (JSON.parse(raw) as {version: string}).version;
}

/**
 * `tyk-console publish … | head`: the reader closing the pipe must not turn a finished operation into a stack trace
 * and exit 1. On EPIPE the stream is silenced (later writes are dropped) and the run goes on to its own exit code.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') throw error;
		stream.write = (() => true) as typeof stream.write;
	});
}
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

const program = new Command();
program
	.name('tyk-console')
	.description('Interactive console for Tyk Dashboards: diff Git against live, dump, publish and roll back.')
	.version(packageVersion(), '--version', 'print the version')
	.showHelpAfterError('(run with --help for usage)')
	.enablePositionalOptions()
	.exitOverride();

registerConsole(program);
registerEnvs(program);
registerDiff(program);
registerDump(program);
registerPublish(program);
registerHistory(program);
registerRollback(program);
registerUndo(program);
registerEmulator(program);
registerDemo(program);

try {
	await program.parseAsync(process.argv);
} catch (error) {
	if (error instanceof CommanderError) {
		process.exitCode = error.exitCode === 0 ? 0 : 1;
	} else {
		process.stderr.write(`tyk-console: ${safeText(errorMessage(error))}\n`);
		process.exitCode = 1;
	}
}
