import test from 'ava';
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliArgs, runCli, type CliResult} from './helpers/cli.js';
import {gitEnv} from './helpers/git-env.js';
import {demoOverlaySecret} from '../source/demo/config.js';

/** The exit code an example's comment names (`# exit 1: …`), else undefined (0 or 2 are fine). */
const exitCodes = new Map<string, number>();

/** The example lines of the readme, as argument lists (comments dropped, double quotes honoured). */
function exampleLines(): string[][] {
	const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
	const block = /<!-- examples:start -->\n```sh\n([\s\S]*?)```/.exec(readme)![1]!;
	return block.split('\n').filter((line) => line.startsWith('tyk-console ')).map((line) => {
		const words = [...line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
		const named = /\s#\s*exit (\d)\b/.exec(line);
		if (named) exitCodes.set(words.slice(1).join(' '), Number(named[1]));
		return words.slice(1);
	});
}

test('every example command in the readme runs against the demo as written', async (t) => {
	t.timeout(240_000);
	const dir = mkdtempSync(join(tmpdir(), 'tc-readme-examples-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const env = {...process.env, ...gitEnv(), NO_COLOR: '1'};
	const demo = spawn(process.execPath, [...cliArgs(), 'demo', '--dir', dir, '--keep-running'], {env, stdio: ['ignore', 'pipe', 'pipe']});
	t.teardown(() => demo.kill('SIGKILL'));
	await new Promise<void>((resolve, reject) => {
		let out = '';
		demo.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('publish staging --dry-run --config')) resolve();
		});
		demo.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
	});
	// As the demo prints them: the two Dashboard keys and the variable prod's overlay takes the payments password from.
	const keys = {TYK_DEMO_STAGING_KEY: 'demo-staging-key', TYK_DEMO_PROD_KEY: 'demo-prod-key', [demoOverlaySecret.variable]: demoOverlaySecret.value};
	const lines = exampleLines();
	t.true(lines.length >= 10);
	const check = (args: readonly string[], result: CliResult) => {
		const expected = exitCodes.get(args.join(' '));
		const ok = expected === undefined ? result.code === 0 || result.code === 2 : result.code === expected;
		t.true(ok, `tyk-console ${args.join(' ')} exited ${result.code}${expected === undefined ? '' : ` (the readme says ${expected})`}: ${result.stderr}`);
		t.false(result.stdout.includes('demo-staging-key') || result.stderr.includes('demo-staging-key'), 'the key never appears');
		t.false(result.stdout.includes(demoOverlaySecret.value) || result.stderr.includes(demoOverlaySecret.value), 'the overlay secret never appears');
	};
	const run = (args: readonly string[]) => runCli(args, {cwd: dir, env: {...gitEnv(), ...keys}});
	// The examples before the first one that writes only read: they run at once. From there on, one after the other,
	// as a reader types them (each write changes what the next one sees).
	const firstWrite = lines.findIndex((args) => ['publish', 'rollback', 'undo', 'dump'].includes(args[0]!) && !args.includes('--dry-run'));
	t.true(firstWrite > 0, 'the readme shows some reading examples first');
	const reads = lines.slice(0, firstWrite);
	for (const [index, result] of (await Promise.all(reads.map(run))).entries()) check(reads[index]!, result);
	for (const args of lines.slice(firstWrite)) check(args, await run(args));
	const finalDiff = await runCli(['diff', 'staging', '--json'], {cwd: dir, env: {...gitEnv(), ...keys}});
	const summary = (JSON.parse(finalDiff.stdout) as {summary: Record<string, number>}).summary;
	t.is(summary['changed'], 0, 'after the dump, every live item is in Git as it is live');
	t.is(summary['only-live'], 0);
	t.is(summary['only-in-git'], 0, 'dump --prune removed the API deleted live');
	t.is(finalDiff.code, 0);
	const stopped = new Promise((resolve) => demo.on('exit', resolve));
	demo.kill('SIGTERM');
	t.is(await stopped, 0);
});
