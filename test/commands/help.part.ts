import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import {Command} from 'commander';
import {registerConsole} from '../../source/commands/console.js';
import {registerDemo} from '../../source/commands/demo.js';
import {registerDiff} from '../../source/commands/diff.js';
import {registerDump} from '../../source/commands/dump.js';
import {registerEmulator} from '../../source/commands/emulator.js';
import {registerEnvs} from '../../source/commands/envs.js';
import {registerHistory} from '../../source/commands/history.js';
import {registerPublish} from '../../source/commands/publish.js';
import {registerRollback, registerUndo} from '../../source/commands/rollback.js';
import {runCli, sourceCliPath, tsxLoader} from '../helpers/cli.js';

/** The flags product.md §5 promises per command; `--help` must name each of them. */
const flags: Record<string, readonly string[]> = {
	envs: ['--json', '--config', '--verbose', '--no-color'],
	diff: ['--ref', '--against', '--json', '--full', '--status', '--id', '--kind', '--category'],
	dump: ['--message', '--no-commit', '--dry-run', '--id', '--kind', '--category', '--json'],
	publish: ['--ref', '--from-env', '--prune', '--dry-run', '--yes', '--id', '--kind', '--category', '--json'],
	history: ['--id', '--kind', '--json'],
	rollback: ['--id', '--to', '--snapshot', '--dry-run', '--yes', '--json'],
	undo: ['--operation', '--dry-run', '--yes', '--json'],
	emulator: ['--port', '--host', '--secret', '--admin-secret', '--data', '--seed', '--latency', '--fail-rate'],
	demo: ['--dir'],
};

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

/** The same command tree the binary builds, in this process: reading every command's help costs no process start. */
function program(): Command {
	const root = new Command().name('tyk-console').exitOverride();
	for (const register of [registerConsole, registerEnvs, registerDiff, registerDump, registerPublish, registerHistory, registerRollback, registerUndo, registerEmulator, registerDemo]) {
		register(root);
	}
	return root;
}

test.serial('every command\'s help names the flags product.md promises', (t) => {
	const commands = new Map(program().commands.map((command) => [command.name(), command]));
	t.deepEqual([...commands.keys()].sort(), Object.keys(flags).sort());
	for (const [name, expected] of Object.entries(flags)) {
		const help = commands.get(name)!.helpInformation();
		t.regex(help, new RegExp(`Usage: tyk-console ${name}`));
		for (const flag of expected) t.true(help.includes(flag), `${name} --help names ${flag}`);
	}
});

test.serial('the binary: --help and a command\'s --help exit 0, --version prints the package version', async (t) => {
	const [top, versionRun, publish, rollback] = await Promise.all([
		runCli(['--help']), runCli(['--version']), runCli(['publish', '--help']), runCli(['rollback', '--help']),
	]);
	t.is(top.code, 0, top.stderr);
	for (const command of Object.keys(flags)) t.regex(top.stdout, new RegExp(`^\\s+${command}\\b`, 'm'), `top-level help lists ${command}`);
	t.is(versionRun.code, 0);
	t.is(versionRun.stdout.trim(), version);
	for (const [name, help] of [['publish', publish], ['rollback', rollback]] as const) {
		t.is(help.code, 0, `${name}: ${help.stderr}`);
		for (const flag of flags[name]!) t.true(help.stdout.includes(flag), `${name} --help names ${flag}`);
	}
});

test.serial('an unknown command or option exits 1 with a pointer to --help', async (t) => {
	const [command, option, choice] = await Promise.all([
		runCli(['publsh', 'staging']), runCli(['diff', 'staging', '--bogus']), runCli(['publish', 'staging', '--kind', 'apis']),
	]);
	for (const run of [command, option, choice]) {
		t.is(run.code, 1);
		t.regex(run.stderr, /run with --help/);
	}
	t.regex(command.stderr, /publsh/);
	t.regex(option.stderr, /--bogus/);
	t.regex(choice.stderr, /'apis' is invalid.*api, policy, template/);
});

test.serial('the non-interactive commands start without loading Ink, React, got (the engine), the console screens, the emulator or the demo; --version loads no command at all', async (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'tyk-console-imports-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const log = join(dir, 'loaded.txt');
	writeFileSync(log, '');
	writeFileSync(join(dir, 'hooks.mjs'), [
		"import {appendFileSync} from 'node:fs';",
		'let log;',
		'export function initialize(data) { log = data.log; }',
		"export async function resolve(specifier, context, next) { const found = await next(specifier, context); appendFileSync(log, found.url + '\\n'); return found; }",
	].join('\n'));
	writeFileSync(join(dir, 'register.mjs'), [
		"import {register} from 'node:module';",
		`register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, {data: {log: ${JSON.stringify(log)}}});`,
	].join('\n'));
	const loadedBy = async (args: readonly string[]): Promise<string[]> => {
		writeFileSync(log, '');
		await promisify(execFile)(process.execPath, ['--import', tsxLoader, '--import', join(dir, 'register.mjs'), sourceCliPath, ...args]);
		return readFileSync(log, 'utf8').split('\n');
	};
	const help = await loadedBy(['diff', '--help']);
	t.true(help.some((url) => url.includes('/source/commands/diff.ts')), 'the hook saw the command modules');
	// ui/theme.ts is plain colour tokens (no imports): the console and demo commands read their background from it.
	t.deepEqual(help.filter((url) => /\/node_modules\/(ink|react|got)\/|\/source\/(ui\/(?!theme\.ts$)|emulator\/|demo\/world|engine\/|sources\/)/.test(url)), []);
	const version = await loadedBy(['--version']);
	t.true(version.some((url) => url.includes('/source/cli.tsx')), 'the hook saw the entry');
	t.deepEqual(version.filter((url) => /\/node_modules\/(?!tsx\/)|\/source\/(?!cli\.tsx)/.test(url)), []);
});
