import test from 'ava';
import {execFile, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack makes a package that installs into an empty directory and runs', async (t) => {
	t.timeout(300_000);
	const dir = mkdtempSync(join(tmpdir(), 'tyk-console-pack-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	await run(npm, ['pack', '--pack-destination', dir, '--silent'], {cwd: root, maxBuffer: 10_000_000});
	const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
	t.truthy(tarball);
	const {stdout: listing} = await run('tar', ['tzf', join(dir, tarball!)]);
	t.true(listing.includes('package/dist/cli.js'));
	t.false(/package\/(source|test|bench)\//.test(listing), 'only the compiled output and the readme are published');

	const app = join(dir, 'app');
	mkdirSync(app);
	writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'pack-check', version: '1.0.0', private: true}));
	await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', join(dir, tarball!)], {cwd: app, maxBuffer: 10_000_000});
	const npx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
		run('npx', ['--no-install', 'tyk-console', ...args], {cwd: app, env: {...process.env, NO_COLOR: '1', ...env}}).catch((error: {code: number; stdout: string; stderr: string}) => error);

	const version = await npx(['--version']);
	t.regex(version.stdout, /^\d+\.\d+\.\d+/);
	const help = await npx(['--help']);
	t.regex(help.stdout, /Commands:/);

	const emulator = spawn(join(app, 'node_modules', '.bin', 'tyk-console'), ['emulator', '--port', '0', '--secret', 'pack-key', '--seed', '4'], {cwd: app});
	t.teardown(() => emulator.kill('SIGKILL'));
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		emulator.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
			if (match) resolve(match[0]);
		});
		emulator.on('exit', () => reject(new Error(`emulator exited: ${out}`)));
	});
	const layout = join(dir, 'layout');
	mkdirSync(layout);
	writeFileSync(join(layout, '.tyk.json'), JSON.stringify({type: 'apidef', files: []}));
	const diff = await npx(['diff', 'adhoc', '--dashboard', url, '--secret-env', 'PACK_KEY', '--repo', layout, '--json'], {PACK_KEY: 'pack-key'}) as {stdout: string; code?: number};
	t.is(diff.code, 2, 'everything live is missing from the empty layout: drift');
	const parsed = JSON.parse(diff.stdout) as {summary: {total: number; 'only-live': number}};
	t.true(parsed.summary.total > 0);
	t.is(parsed.summary.total, parsed.summary['only-live']);
	const exited = new Promise((resolve) => emulator.on('exit', (code) => resolve(code)));
	emulator.kill('SIGTERM');
	t.is(await exited, 0, 'the emulator stops cleanly on SIGTERM');
});
