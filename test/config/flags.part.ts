import test from 'ava';
import path from 'node:path';
import {ConfigError, findEnvironment, loadConfig} from '../../source/config/index.js';
import {makeWorld, minimalYaml} from './fixture.js';

test('--dashboard with --secret-env makes an "adhoc" environment without any file', (t) => {
	const world = makeWorld(t);
	const config = loadConfig({
		cwd: world.cwd, env: world.env,
		flags: {dashboard: 'http://127.0.0.1:3000/', secretEnv: 'TYK_SECRET', repo: '../repo', branch: 'v1.2', dir: './apis'},
	});
	t.is(config.file, undefined);
	t.deepEqual(config.environments, [{
		name: 'adhoc', dashboard: 'http://127.0.0.1:3000', secret: {type: 'env', variable: 'TYK_SECRET'},
		git: {repo: path.join(world.root, 'repo'), branch: 'v1.2', dir: 'apis'}, protected: false, readOnly: false,
		tls: {insecure: false}, concurrency: 8, timeoutMs: 15_000, adhoc: true,
	}]);
	t.deepEqual(config.ignore, {api: [], policy: [], template: []});
});

test('git flags override the file and per-environment git keys; --dashboard adds adhoc next to them', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', `git: {repo: ./r, branch: main, dir: tyk}
environments:
  - {name: staging, dashboard: "http://a", secretEnv: K}
  - {name: prod, dashboard: "http://b", secretEnv: K, git: {branch: release, dir: prod}}
`);
	const plain = loadConfig({cwd: world.cwd, env: world.env});
	t.deepEqual(plain.environments.map((e) => e.git), [
		{repo: path.join(world.cwd, 'r'), branch: 'main', dir: 'tyk'},
		{repo: path.join(world.cwd, 'r'), branch: 'release', dir: 'prod'},
	]);
	const overridden = loadConfig({cwd: world.cwd, env: world.env, flags: {branch: 'hotfix', dashboard: 'http://c', secretEnv: 'K2'}});
	t.deepEqual(overridden.environments.map((e) => [e.name, e.git.branch, e.git.dir]), [
		['staging', 'hotfix', 'tyk'], ['prod', 'hotfix', 'prod'], ['adhoc', 'hotfix', 'tyk'],
	]);
});

test('bad ad-hoc flags get clear messages, all at once', (t) => {
	const world = makeWorld(t);
	const error = t.throws(() => loadConfig({
		cwd: world.cwd, env: world.env, flags: {dashboard: 'localhost:3000', branch: '--upload-pack=x', dir: '/etc'},
	}), {instanceOf: ConfigError});
	t.deepEqual(error.problems, [
		'command line: --branch: must be a Git ref, not something starting with "-"',
		'command line: --dir: must be a path inside the repo, not an absolute path',
		'command line: --dashboard: must be an http(s) URL',
		'command line: --dashboard: needs --secret-env VAR, the environment variable that holds the Dashboard API key',
	]);
	const lone = t.throws(() => loadConfig({cwd: world.cwd, env: world.env, flags: {secretEnv: 'K'}}), {instanceOf: ConfigError});
	t.deepEqual(lone.problems, ['command line: --secret-env: needs --dashboard URL (it names the key variable of that Dashboard)']);
});

test('an ad-hoc environment cannot shadow a configured "adhoc"', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', minimalYaml.replace('staging', 'adhoc'));
	const error = t.throws(() => loadConfig({cwd: world.cwd, env: world.env, flags: {dashboard: 'http://x', secretEnv: 'K'}}), {instanceOf: ConfigError});
	t.is(error.message, 'command line: --dashboard: the configuration already has an environment named "adhoc"');
});

test('findEnvironment lists the known names on a typo', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', minimalYaml);
	const config = loadConfig({cwd: world.cwd, env: world.env});
	t.is(findEnvironment(config, 'staging').name, 'staging');
	const error = t.throws(() => findEnvironment(config, 'prod'), {instanceOf: ConfigError});
	t.is(error.message, 'unknown environment "prod" (configured: staging)');
});
