#!/usr/bin/env node
import {Command, CommanderError} from 'commander';
import {readFileSync} from 'node:fs';
import {registerEmulator} from './commands/emulator.js';

/** Version from package.json, read relative to this file so it works from source (tsx) and from dist. */
function packageVersion(): string {
	const raw = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
	return (JSON.parse(raw) as {version: string}).version;
}

const program = new Command();
program
	.name('tyk-console')
	.description('Interactive console for Tyk Dashboards: diff Git against live, dump, publish and roll back.')
	.version(packageVersion(), '--version', 'print the version')
	.showHelpAfterError('(run with --help for usage)')
	.exitOverride();

registerEmulator(program);

try {
	await program.parseAsync(process.argv);
} catch (error) {
	if (error instanceof CommanderError) {
		process.exitCode = error.exitCode === 0 ? 0 : 1;
	} else {
		process.stderr.write(`tyk-console: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	}
}
