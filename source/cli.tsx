#!/usr/bin/env node
import {readFileSync} from 'node:fs';

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

// `--version` alone answers before anything else is loaded; every other path loads commander and the command modules
// here, and each command loads the engine (got) or the console (ink, react) only when it runs (bench `scale`).
if (process.argv.length === 3 && process.argv[2] === '--version') {
	// Exits once the line is written (a pipe may take it asynchronously), so nothing below ever runs.
	await new Promise<never>(() => process.stdout.write(`${packageVersion()}\n`, () => process.exit(0)));
}
const [
	{Command, CommanderError}, {registerConsole}, {registerDemo}, {registerDiff}, {registerDump}, {registerEmulator}, {registerEnvs},
	{registerHistory}, {registerPublish}, {registerRollback, registerUndo}, {errorMessage}, {safeText}, {registerApply},
] = await Promise.all([
	import('commander'), import('./commands/console.js'), import('./commands/demo.js'), import('./commands/diff.js'), import('./commands/dump.js'),
	import('./commands/emulator.js'), import('./commands/envs.js'), import('./commands/history.js'), import('./commands/publish.js'),
	import('./commands/rollback.js'), import('./core/errors.js'), import('./core/safe-text.js'), import('./commands/apply.js'),
]);

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
registerApply(program);
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
