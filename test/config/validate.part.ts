import test from 'ava';
import path from 'node:path';
import {ConfigError, loadConfig, type ResolvedConfig} from '../../source/config/index.js';
import {makeWorld, type World} from './fixture.js';

function load(world: World, yaml: string, file = 'tyk-console.yaml'): ResolvedConfig {
	world.write(file, yaml);
	return loadConfig({cwd: world.cwd, env: world.env});
}

function problems(world: World, yaml: string, file = 'tyk-console.yaml'): readonly string[] {
	world.write(file, yaml);
	const error = (() => {
		try {
			loadConfig({cwd: world.cwd, env: world.env});
		} catch (caught) {
			return caught;
		}
		return undefined;
	})();
	if (!(error instanceof ConfigError)) throw new Error('expected a ConfigError');
	return error.problems;
}

const full = `git:
  repo: ./repo
  branch: main
  dir: tyk/
stateDir: ./state
ignore:
  api: [api_definition.tags]
  policy: [meta_data.owner]
environments:
  - name: staging
    dashboard: https://dashboard.staging.example.com/
    secretEnv: TYK_STAGING_SECRET
  - name: prod
    dashboard: https://dashboard.example.com/base
    secretCommand: pass show tyk/prod
    git: { branch: release, repo: ~/prod-repo }
    protected: true
    readOnly: false
    orgId: 5e9d9544a1dcd60001d0ed20
    tls: { insecure: true, ca: ./ca.pem }
    concurrency: 4
    timeoutMs: 20000
`;

test('every key of the example is read, with paths resolved against the config file', (t) => {
	const world = makeWorld(t);
	world.write('conf/ca.pem', 'pem');
	world.write('conf/tyk-console.yaml', full);
	const config = loadConfig({configPath: 'conf/tyk-console.yaml', cwd: world.cwd, env: world.env});
	const conf = path.join(world.cwd, 'conf');
	t.is(config.stateDir, path.join(conf, 'state'));
	t.deepEqual(config.ignore, {api: ['api_definition.tags'], policy: ['meta_data.owner'], template: []});
	const [staging, prod] = config.environments;
	t.deepEqual(staging, {
		name: 'staging', dashboard: 'https://dashboard.staging.example.com', secret: {type: 'env', variable: 'TYK_STAGING_SECRET'},
		git: {repo: path.join(conf, 'repo'), branch: 'main', dir: 'tyk'}, protected: false, readOnly: false, orgId: undefined,
		tls: {insecure: false}, concurrency: 8, timeoutMs: 15_000, adhoc: false,
	});
	t.deepEqual(prod, {
		name: 'prod', dashboard: 'https://dashboard.example.com/base', secret: {type: 'command', command: 'pass show tyk/prod', cwd: conf},
		git: {repo: path.join(world.home, 'prod-repo'), branch: 'release', dir: 'tyk'}, protected: true, readOnly: false,
		orgId: '5e9d9544a1dcd60001d0ed20', tls: {insecure: true, ca: path.join(conf, 'ca.pem')}, concurrency: 4, timeoutMs: 20_000,
		adhoc: false,
	});
});

test('defaults: repo is the cwd, branch HEAD, dir the root, state under ~/.local/state', (t) => {
	const world = makeWorld(t);
	const config = load(world, 'environments: [{name: dev, dashboard: "http://localhost:3000", secretEnv: K}]\n');
	t.deepEqual(config.environments[0]!.git, {repo: world.cwd, branch: 'HEAD', dir: ''});
	t.is(config.stateDir, path.join(world.home, '.local', 'state', 'tyk-console'));
});

test('the state directory: XDG_STATE_HOME, then the file, then TYK_CONSOLE_STATE_DIR override', (t) => {
	const world = makeWorld(t);
	const env = {...world.env, XDG_STATE_HOME: path.join(world.root, 'xdg-state')};
	world.write('tyk-console.yaml', 'environments: [{name: dev, dashboard: "http://localhost:3000", secretEnv: K}]\n');
	t.is(loadConfig({cwd: world.cwd, env}).stateDir, path.join(world.root, 'xdg-state', 'tyk-console'));
	world.write('tyk-console.yaml', 'stateDir: ~/st\nenvironments: [{name: dev, dashboard: "http://localhost:3000", secretEnv: K}]\n');
	t.is(loadConfig({cwd: world.cwd, env}).stateDir, path.join(world.home, 'st'));
	t.is(loadConfig({cwd: world.cwd, env: {...env, TYK_CONSOLE_STATE_DIR: 'ci-state'}}).stateDir, path.join(world.cwd, 'ci-state'));
});

test('JSON files are read too', (t) => {
	const world = makeWorld(t);
	const config = load(world, JSON.stringify({environments: [{name: 'dev', dashboard: 'http://localhost:3000', secretEnv: 'K', protected: true}]}), 'tyk-console.json');
	t.true(config.environments[0]!.protected);
});

test('the example message: file, key path and problem', (t) => {
	const world = makeWorld(t);
	const list = problems(world, 'environments:\n  - {name: a, dashboard: "http://a", secretEnv: K}\n  - {name: b, dashboard: "ftp://b", secretEnv: K}\n');
	t.deepEqual(list, ['tyk-console.yaml: environments[1].dashboard: must be an http(s) URL']);
});

test('every problem is collected, not just the first', (t) => {
	const world = makeWorld(t);
	const list = problems(world, `git: {repo: 3, branch: "-x", dir: ../out, remote: origin}
stateDir: []
ignore: {api: [ok, 7], polcy: [x]}
environments:
  - name: "bad name"
    dashboard: not a url
    secretEnv: TYK_A
    secretCommand: echo a
    protected: "yes"
    readOnly: 1
    concurrency: 0
    timeoutMs: 1.5
    maxResponseMB: 0
    enableDuplicateSlugs: sometimes
    tls: {insecure: maybe, ca: ./missing.pem, cert: x}
    orgId: 12
  - dashboard: http://b
  - name: dup
    dashboard: http://user:pw@c
    secretEnv: "1BAD"
  - name: DUP
    dashboard: http://d?x=1
    secretEnv: K
    secretenv: K
  - just a string
`);
	const expected = [
		'tyk-console.yaml: git.remote: unknown key (known keys: repo, branch, dir)',
		'tyk-console.yaml: git.repo: must be a string, not number 3',
		'tyk-console.yaml: git.branch: must be a Git ref, not something starting with "-"',
		'tyk-console.yaml: git.dir: must be a path inside the repo',
		'tyk-console.yaml: stateDir: must be a string, not a list',
		'tyk-console.yaml: ignore.polcy: unknown key (did you mean "policy"?)',
		'tyk-console.yaml: ignore.api[1]: must be a non-empty string, not number 7',
		"tyk-console.yaml: environments[0].name: must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit",
		'tyk-console.yaml: environments[0].dashboard: must be an http(s) URL',
		'tyk-console.yaml: environments[0]: set either secretEnv or secretCommand, not both',
		'tyk-console.yaml: environments[0].protected: must be true or false, not a string',
		'tyk-console.yaml: environments[0].readOnly: must be true or false, not number 1',
		'tyk-console.yaml: environments[0].orgId: must be a string, not number 12',
		'tyk-console.yaml: environments[0].tls.cert: unknown key (known keys: insecure, ca)',
		'tyk-console.yaml: environments[0].tls.insecure: must be true or false, not a string',
		`tyk-console.yaml: environments[0].tls.ca: file not found: ${path.join(world.cwd, 'missing.pem')}`,
		'tyk-console.yaml: environments[0].concurrency: must be a whole number from 1 to 64, not number 0',
		'tyk-console.yaml: environments[0].timeoutMs: must be a whole number from 100 to 600000, not number 1.5',
		'tyk-console.yaml: environments[0].maxResponseMB: must be a whole number from 1 to 4096, not number 0',
		'tyk-console.yaml: environments[0].enableDuplicateSlugs: must be true or false, not a string',
		'tyk-console.yaml: environments[1].name: is required',
		'tyk-console.yaml: environments[1]: missing secretEnv or secretCommand (where the Dashboard API key comes from)',
		'tyk-console.yaml: environments[2].dashboard: must not contain credentials (use secretEnv or secretCommand)',
		'tyk-console.yaml: environments[2].secretEnv: must be an environment variable name (letters, digits, _)',
		'tyk-console.yaml: environments[3].secretenv: unknown key (did you mean "secretEnv"?)',
		'tyk-console.yaml: environments[3].dashboard: must not have a query or fragment',
		'tyk-console.yaml: environments[4]: must be a mapping with name, dashboard and secretEnv or secretCommand, not a string',
		'tyk-console.yaml: environments[3].name: "DUP" is already used by environments[2]',
	];
	t.deepEqual([...list].sort(), [...expected].sort());
});

test('unknown top-level keys get a "did you mean"', (t) => {
	const world = makeWorld(t);
	const list = problems(world, 'enviroments: []\nstatedir: /tmp/x\n');
	t.deepEqual(list, [
		'tyk-console.yaml: enviroments: unknown key (did you mean "environments"?)',
		'tyk-console.yaml: statedir: unknown key (did you mean "stateDir"?)',
		'tyk-console.yaml: environments: is required: list at least one Dashboard (name, dashboard, secretEnv or secretCommand)',
	]);
});

test('wrong shapes at the top: not a mapping, environments not a list, empty list, empty file', (t) => {
	const world = makeWorld(t);
	t.deepEqual(problems(world, '- a\n- b\n'), ['tyk-console.yaml: the top level must be a mapping with git, stateDir, ignore, theme, refreshSeconds, secretsInGit, environments, not a list']);
	t.deepEqual(problems(world, 'environments: {name: a}\n'), ['tyk-console.yaml: environments: must be a list of environments, not a mapping']);
	t.deepEqual(problems(world, 'environments: []\n'), ['tyk-console.yaml: environments: must list at least one environment']);
	t.deepEqual(problems(world, '\n  \n'), ['tyk-console.yaml: the configuration file is empty']);
});

test('YAML syntax errors give file, line and column', (t) => {
	const world = makeWorld(t);
	const list = problems(world, 'environments:\n  - name: a\n    dashboard: [http://a\n');
	t.true(list.length >= 1);
	t.regex(list[0]!, /^tyk-console\.yaml:\d+:\d+: invalid YAML: /);
	const duplicate = problems(world, 'stateDir: a\nstateDir: b\n');
	t.deepEqual(duplicate, ['tyk-console.yaml:2:1: invalid YAML: Map keys must be unique']);
});

test('JSON syntax errors give file, line and column', (t) => {
	const world = makeWorld(t);
	const list = problems(world, '{\n  "environments": [\n    {"name": "a",}\n  ]\n}\n', 'tyk-console.json');
	t.is(list.length, 1);
	t.regex(list[0]!, /^tyk-console\.json:3:18: invalid JSON: /);
	const truncated = problems(world, '{\n  "environments": [\n', 'tyk-console.json');
	t.deepEqual(truncated, ['tyk-console.json:3:1: invalid JSON: unexpected end of input, expected a value']);
	const token = problems(world, '{"stateDir": "x",\n "environments": [1,]}', 'tyk-console.json');
	t.deepEqual(token, ["tyk-console.json:2:21: invalid JSON: unexpected ']', expected a value"]);
});

test('ConfigError reads as one sentence for one problem, and as a list for several', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', 'environments: [{name: a, dashboard: "x", secretEnv: K}, {name: b, dashboard: "y", secretEnv: K}]\n');
	const error = t.throws(() => loadConfig({cwd: world.cwd, env: world.env}), {instanceOf: ConfigError});
	t.is(error.message, '2 problems in the configuration:\n'
		+ '  tyk-console.yaml: environments[0].dashboard: must be an http(s) URL\n'
		+ '  tyk-console.yaml: environments[1].dashboard: must be an http(s) URL');
});

test('console settings: theme dark | light | auto (default auto), refreshSeconds a whole number of seconds (default off)', (t) => {
	const world = makeWorld(t);
	const env = 'environments: [{name: dev, dashboard: "http://localhost:3000", secretEnv: K}]\n';
	t.deepEqual(load(world, env).console, {theme: 'auto'});
	t.deepEqual(load(world, `theme: light\nrefreshSeconds: 30\n${env}`).console, {theme: 'light', refreshSeconds: 30});
	t.deepEqual(load(world, `refreshSeconds: 0\n${env}`).console, {theme: 'auto'}, '0 means off');
	t.deepEqual(problems(world, `theme: solarized\nrefreshSeconds: 1.5\n${env}`), [
		'tyk-console.yaml: theme: must be one of dark, light, auto, not "solarized"',
		'tyk-console.yaml: refreshSeconds: must be a whole number from 0 to 86400, not number 1.5',
	]);
	t.deepEqual(problems(world, `refreshSecs: 5\n${env}`), ['tyk-console.yaml: refreshSecs: unknown key (did you mean "refreshSeconds"?)']);
});

test('secretsInGit: allow | warn | refuse (absent: the dump warns); anything else is named', (t) => {
	const world = makeWorld(t);
	const env = 'environments: [{name: dev, dashboard: "http://localhost:3000", secretEnv: K}]\n';
	t.is(load(world, env).secretsInGit, undefined);
	t.is(load(world, `secretsInGit: refuse\n${env}`).secretsInGit, 'refuse');
	t.deepEqual(problems(world, `secretsInGit: never\n${env}`), ['tyk-console.yaml: secretsInGit: must be one of allow, warn, refuse, not "never"']);
});
