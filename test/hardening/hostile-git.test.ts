import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {assertNoSecrets, makeWorld, writeFiles} from '../helpers/world.js';
import {assertRepoConsistent, filesUnder, parsed} from './helpers.js';

/**
 * IDs a hostile or careless Dashboard may hold: path tricks, NUL, control characters, 300+ characters, unicode. IDs
 * made only of dots (`.`, `..`) are not dumped but reported invalid, since no Dashboard URL can hold them: dot-ids.part.ts.
 */
const hostileIds = [
	'../../escape', 'a/b/c', '/etc/passwd', 'nul\u0000id', 'ctl\u0001\u001B[31mred\r\nid', 'x'.repeat(300),
	'ünïcødé-🚀-日本語', 'back\\slash\\..\\..\\win', 'CON', 'trailing-dot.',
];

test('hostile IDs (../, /, NUL, control characters, 300 chars, unicode, dots) dumped from live: every file stays inside the layout dir, and they read back unchanged', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}, git: {dir: 'tyk'}}]);
	const emulator = world.emulators['staging']!;
	const policy = emulator.store.listPolicies()[0]!;
	const api = emulator.store.listApis().find((wrapper) => !wrapper['oas'])!;
	emulator.store.importPolicies(hostileIds.map((id, index) => {
		const copy: any = structuredClone(policy);
		delete copy._id;
		return {...copy, id, name: `hostile policy ${index}`};
	}));
	emulator.store.importApis(hostileIds.map((id, index) => {
		const copy: any = structuredClone(api);
		delete copy.api_definition.id;
		Object.assign(copy.api_definition, {api_id: id, name: `hostile api ${index}`, slug: `hostile-${index}`});
		copy.api_definition.proxy.listen_path = `/hostile-${index}/`;
		return copy;
	}));
	const dump = await world.cli(['dump', 'staging']);
	t.is(dump.code, 0, dump.stdout + dump.stderr);
	const tracked = world.git(['ls-tree', '-r', '-z', '--name-only', 'main']).split('\0').filter(Boolean);
	t.true(tracked.length >= hostileIds.length * 2 + 1);
	for (const path of tracked) {
		t.true(path.startsWith('tyk/'), `committed inside the layout dir: ${JSON.stringify(path)}`);
		t.false(/[\u0000-\u001F\u007F\\]/.test(path), `no control character or backslash in ${JSON.stringify(path)}`);
		t.true(path.split('/').every((part) => Buffer.byteLength(part) <= 255), `name fits any file system: ${path}`);
	}
	t.deepEqual(filesUnder(world.repo).filter((file) => !file.startsWith('tyk/')), [], 'nothing written outside the layout dir');
	t.deepEqual(filesUnder(world.root).filter((file) => !file.startsWith('repo/tyk/') && /escape|passwd|win/.test(file)), [], 'nothing escaped the layout dir');
	// IDs are printed with their control characters made visible; only the tool's own newlines (and the progress
	// line's carriage returns on stderr) reach the terminal raw.
	t.false(/[\u0000-\u0008\u000B-\u001F\u007F]/.test(dump.stdout), 'no raw control character reaches the terminal (stdout)');
	t.false(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(dump.stderr), 'no raw control character reaches the terminal (stderr)');
	t.true(dump.stdout.includes('ctl\\u0001\\u001b[31mred\\u000d'), 'the hostile ID is shown, escaped');

	const diff = await world.json(['diff', 'staging']);
	t.is(diff.code, 0, diff.stdout + diff.stderr);
	t.is(diff.data.summary.unchanged, diff.data.summary.total, 'every hostile item reads back as it was dumped');
	t.true(diff.data.summary.total >= hostileIds.length * 2);
	assertRepoConsistent(t, world, [world.git(['rev-parse', 'main']).trim()]);
	assertNoSecrets(t, world, [dump.stdout, dump.stderr, diff.stdout, diff.stderr]);
});

test('hostile layout: .tyk.json entries with absolute paths and .., a 10,000-level nested file and a 50 MB definition are reported or read, never followed outside; dump writes only inside', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}, git: {dir: 'tyk'}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const layout = join(world.repo, 'tyk');
	const index = JSON.parse(readFileSync(join(layout, '.tyk.json'), 'utf8'));
	const apiFile = index.files[0].file;
	const body = JSON.parse(readFileSync(join(layout, apiFile), 'utf8'));
	// A valid definition outside the layout dir, which the escaping entries point at: it must never be read.
	const outsider = structuredClone(body);
	outsider.api_definition.api_id = 'outsider';
	outsider.api_definition.name = 'Outsider';
	const huge = structuredClone(body);
	huge.api_definition.api_id = 'huge-one';
	huge.api_definition.name = 'Huge';
	huge.api_definition.proxy.listen_path = '/huge/';
	huge.api_definition.config_data = {blob: 'y'.repeat(50 * 1024 * 1024)};
	writeFiles(world.repo, {'outside.json': outsider});
	writeFileSync(join(layout, 'huge.json'), JSON.stringify(huge));
	writeFileSync(join(layout, 'deep.json'), `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
	index.files.push(
		{file: '/etc/hostname'}, {file: '../outside.json'}, {file: 'sub/../../outside.json'}, {file: `${world.repo}/outside.json`},
		{file: 'deep.json'}, {file: 'huge.json'},
	);
	writeFileSync(join(layout, '.tyk.json'), JSON.stringify(index, null, 2));
	world.git(['add', '-A']);
	world.git(['commit', '-q', '-m', 'hostile layout']);
	const head = world.git(['rev-parse', 'main']).trim();

	const diff = await world.json(['diff', 'staging', '--status', 'invalid', '--status', 'only-in-git']);
	t.true(diff.code === 1 || diff.code === 2, diff.stdout + diff.stderr);
	const items: any[] = diff.data.items;
	const invalid = items.filter((item) => item.status === 'invalid');
	t.is(invalid.length, 5, JSON.stringify(items, null, 1).slice(0, 3000));
	for (const item of invalid.filter((entry) => entry.file !== 'deep.json' && !/deep\.json/.test(entry.error))) t.regex(item.error, /outside the layout|absolute|not allowed|escapes/i);
	t.true(invalid.some((item) => /nested deeper than \d+ levels/.test(item.error)), 'the deep file is named with its reason');
	t.false(items.some((item) => item.id === 'outsider'), 'no file outside the layout dir was read');
	t.true(items.some((item) => item.id === 'huge-one' && item.status === 'only-in-git'), 'the 50 MB definition is read and compared');
	t.false(diff.stdout.includes('y'.repeat(1000)), 'the 50 MB value is not printed');

	// Dumping over this index keeps its foreign entries, but writes only inside the layout dir.
	const before = readFileSync(join(world.repo, 'outside.json'), 'utf8');
	const dump = await world.cli(['dump', 'staging']);
	t.true(dump.code === 0 || dump.code === 1, dump.stdout + dump.stderr);
	t.is(readFileSync(join(world.repo, 'outside.json'), 'utf8'), before);
	const changed = world.git(['diff', '--name-only', head, 'main']).split('\n').filter(Boolean);
	t.true(changed.every((path) => path.startsWith('tyk/')), changed.join(', '));
	assertRepoConsistent(t, world, [head, world.git(['rev-parse', 'main']).trim()]);
	assertNoSecrets(t, world, [diff.stdout, diff.stderr, dump.stdout, dump.stderr]);
});

test('hostile config: wrong types in YAML, a YAML alias bomb, and a config that is not a mapping each get a clear message naming the file, exit 1', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: false}]);
	const dir = join(world.root, 'configs');
	mkdirSync(dir);
	const configs = {
		'types.yaml': 'stateDir: 42\nenvironments:\n  name: staging\n',
		'fields.yaml': `environments:\n  - name: staging\n    dashboard: [1, 2]\n    secretEnv: 7\n    timeoutMs: "300"\n    concurrency: -1\n    tls: {insecure: "yes", ca: 3}\n    protected: 1\n`,
		'bomb.yaml': `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nenvironments: [*g]\n`,
		'list.yaml': '- just\n- a list\n',
	};
	for (const [name, text] of Object.entries(configs)) writeFileSync(join(dir, name), text);
	const runs = await Promise.all(Object.keys(configs).map((name) => runCli(['envs', '--config', join(dir, name)], {cwd: world.root, env: world.env})));
	const [types, fields, bomb, list] = runs;
	for (const [index, run] of runs.entries()) {
		t.is(run!.code, 1, `${Object.keys(configs)[index]}: ${run!.stdout}${run!.stderr}`);
		t.regex(run!.stderr, /^tyk-console: /);
		t.true(run!.stderr.includes(`configs/${Object.keys(configs)[index]}`), `${Object.keys(configs)[index]} names the file: ${run!.stderr}`);
		t.false(/\n\s+at .+:\d+:\d+/.test(run!.stderr), 'no stack trace');
	}
	t.regex(types!.stderr, /stateDir/);
	t.regex(types!.stderr, /environments/);
	for (const key of ['dashboard', 'secretEnv', 'timeoutMs', 'concurrency', 'tls.insecure', 'tls.ca', 'protected']) {
		t.true(fields!.stderr.includes(`environments[0].${key}`), `names environments[0].${key}: ${fields!.stderr}`);
	}
	t.regex(bomb!.stderr, /alias|too (large|many)|excessive/i);
	t.regex(list!.stderr, /mapping|object/i);
});
