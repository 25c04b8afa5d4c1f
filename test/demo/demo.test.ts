import test from 'ava';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runCli} from '../helpers/cli.js';
import {gitEnv} from '../helpers/git-env.js';

test('without a terminal the demo sets everything up, says how to use it, exits 0 and leaves nothing behind', async (t) => {
	const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('tyk-console-demo-')));
	const result = await runCli(['demo'], {env: gitEnv()});
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /Demo ready in (\S+):/);
	t.regex(result.stdout, /staging +http:\/\/127\.0\.0\.1:\d+/);
	t.regex(result.stdout, /prod +http:\/\/127\.0\.0\.1:\d+ +\(protected\)/);
	t.regex(result.stdout, /No terminal: not opening the console/);
	const dir = /Demo ready in (\S+):/.exec(result.stdout)![1]!;
	t.false(existsSync(dir), 'the temporary demo directory is removed');
	const after = readdirSync(tmpdir()).filter((name) => name.startsWith('tyk-console-demo-') && !before.has(name));
	t.deepEqual(after, []);
});

test('with --dir the demo keeps a Git history, a config and both emulators\' data, and reuses them', async (t) => {
	const dir = mkdtempSync(join(tmpdir(), 'tc-demo-dir-test-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	const first = await runCli(['demo', '--dir', dir], {env: gitEnv()});
	t.is(first.code, 0, first.stderr);
	for (const name of ['tyk-console.yaml', 'staging.json', 'prod.json', 'repo/tyk/.tyk.json']) t.true(existsSync(join(dir, name)), name);
	// Prod has an overlay in Git (its own hosts, a stricter rate, a secret from a variable) and was deployed with it.
	const git = (args: string[]) => execFileSync('git', args, {cwd: join(dir, 'repo'), env: {...process.env, ...gitEnv()}, encoding: 'utf8'});
	t.regex(git(['show', 'main:tyk/.tyk-console/overlays/prod.yaml']), /from: "\.internal:", to: "\.prod\.internal:"[^]*rate: \d+[^]*password: \{env: TYK_DEMO_PAYMENTS_PROD_PASSWORD\}/);
	t.regex(readFileSync(join(dir, 'prod.json'), 'utf8'), /\.prod\.internal:/);
	t.false(git(['log', '-p', '--all']).includes('demo-prod-upstream-password'), 'the secret never reaches Git');
	t.regex(first.stdout, /export TYK_DEMO_PAYMENTS_PROD_PASSWORD=\S+[^]*publish prod --from-env staging --dry-run/);
	const second = await runCli(['demo', '--dir', dir], {env: gitEnv()});
	t.is(second.code, 0, second.stderr);
	t.regex(second.stdout, /\(reused\)/);
});
