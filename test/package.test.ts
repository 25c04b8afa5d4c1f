import test from 'ava';
import {execFile, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {cliArgs} from './helpers/cli.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** dist/cli.js bundles every library it uses, so installing the package should add (almost) nothing else. */
const maxInstalledPackages = 5;

/** Names of the packages installed under a node_modules folder, nested ones included (`a`, `@s/b`, `a/node_modules/c`). */
function installedPackages(modules: string, prefix = ''): string[] {
	if (!existsSync(modules)) return [];
	const found: string[] = [];
	for (const name of readdirSync(modules)) {
		if (name.startsWith('.')) continue;
		const names = name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name];
		for (const entry of names) {
			found.push(`${prefix}${entry}`);
			found.push(...installedPackages(join(modules, entry, 'node_modules'), `${prefix}${entry}/node_modules/`));
		}
	}
	return found;
}

test('npm pack makes a self-contained package: a global install into an empty prefix adds at most 5 packages and runs', async (t) => {
	t.timeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'tyk-console-pack-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	// The tests build dist/cli.js before they run (and other test files are running it now): pack that build instead of
	// letting prepack rewrite it under them. cliArgs() fails when it is missing or older than the source.
	cliArgs();
	await run(npm, ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], {cwd: root, maxBuffer: 10_000_000});
	const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
	if (!tarball) return t.fail(`npm pack wrote no tarball in ${dir}`);
	const {stdout: listing} = await run('tar', ['tzf', join(dir, tarball)]);
	t.true(listing.includes('package/dist/cli.js'));
	t.false(/package\/(source|test|bench)\//.test(listing), 'only the compiled output and the readme are published');

	// A global install into a fresh prefix, from a working directory with no node_modules above it.
	const prefix = join(dir, 'prefix');
	const away = join(dir, 'away');
	mkdirSync(away);
	await run(npm, ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(dir, tarball)], {cwd: away, maxBuffer: 10_000_000});
	const modules = process.platform === 'win32' ? join(prefix, 'node_modules') : join(prefix, 'lib', 'node_modules');
	const installed = installedPackages(modules);
	t.true(installed.includes('tyk-console'), installed.join(', '));
	t.true(installed.length <= maxInstalledPackages, `a global install added ${installed.length} packages: ${installed.join(', ')}`);

	const bin = join(prefix, 'bin', 'tyk-console');
	const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
		run(bin, args, {cwd: away, env: {...process.env, NO_COLOR: '1', ...env}}).then(
			({stdout, stderr}) => ({code: 0, stdout, stderr}),
			(error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr}),
		);

	const emulator = spawn(bin, ['emulator', '--port', '0', '--secret', 'pack-key', '--seed', '4'], {cwd: away});
	t.teardown(() => emulator.kill('SIGKILL'));
	const exited = new Promise((resolve) => emulator.on('exit', (code) => resolve(code)));
	const url = new Promise<string>((resolve, reject) => {
		let out = '';
		emulator.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
			if (match) resolve(match[0]);
		});
		void exited.then((code) => reject(new Error(`emulator exited (${String(code)}): ${out}`)));
	});
	const [version, help, demoHelp, emulatorHelp] = await Promise.all([cli(['--version']), cli(['--help']), cli(['demo', '--help']), cli(['emulator', '--help'])]);
	t.is(version.stdout.trim(), (await import('../package.json', {with: {type: 'json'}})).default.version);
	t.regex(help.stdout, /Commands:/);
	t.regex(demoHelp.stdout, /Usage: tyk-console demo/);
	t.regex(emulatorHelp.stdout, /Usage: tyk-console emulator[^]*--fail-rate/);

	const layout = join(dir, 'layout');
	mkdirSync(layout);
	writeFileSync(join(layout, '.tyk.json'), JSON.stringify({type: 'apidef', files: []}));
	const adhoc = ['--dashboard', await url, '--secret-env', 'PACK_KEY', '--repo', layout, '--json'];
	const envs = await cli(['envs', ...adhoc], {PACK_KEY: 'pack-key'});
	t.is(envs.code, 0, envs.stderr);
	const [environment] = (JSON.parse(envs.stdout) as {environments: Array<{reachability: string; drift: {total: number; 'only-live': number}}>}).environments;
	t.is(environment?.reachability, 'ok');
	t.true(environment!.drift.total > 0);
	t.is(environment!.drift['only-live'], environment!.drift.total, 'everything live is missing from the empty layout');
	emulator.kill('SIGTERM');
	t.is(await exited, 0, 'the emulator stops cleanly on SIGTERM');
});
