import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {githubTable} from '../helpers/markdown-table.js';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

test.serial('origins: after a dump, a live edit, a Git commit and both give live, git, both, also from a fresh clone with an empty state directory', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 8}}]);
	const remote = join(world.root, 'remote.git');
	world.git(['init', '-q', '--bare', '-b', 'main', remote], world.root);
	world.git(['remote', 'add', 'origin', remote]);
	const dumped = await world.cli(['dump', 'staging', '--push']);
	t.is(dumped.code, 0, dumped.stdout + dumped.stderr);
	t.regex(world.git(['ls-remote', remote]), /refs\/notes\/tyk-console/, 'dump --push pushes the notes ref');

	const apis = ((await world.request('staging', 'GET', '/api/apis?p=-1')).apis as any[]).filter((w) => w.api_definition.is_oas !== true);
	const [a, b, c] = apis.map((wrapper) => wrapper.api_definition);
	const editLive = async (definition: any, target: string) => {
		const wrapper = await world.request('staging', 'GET', `/api/apis/${definition.id}`);
		wrapper.api_definition.proxy.target_url = target;
		await world.request('staging', 'PUT', `/api/apis/${definition.id}`, wrapper);
	};
	const editGit = (definition: any, target: string) => {
		const file = join(world.repo, `api-${definition.api_id}.json`);
		const body = JSON.parse(readFileSync(file, 'utf8'));
		body.api_definition.proxy.target_url = target;
		writeFileSync(file, JSON.stringify(body, null, 2));
	};
	await editLive(a, 'http://hotfix-a.internal/');
	editGit(b, 'http://git-b.internal/');
	await editLive(c, 'http://hotfix-c.internal/');
	editGit(c, 'http://git-c.internal/');
	world.git(['commit', '-qam', 'move B and C in Git']);
	world.git(['push', '-q', 'origin', 'main']);

	const expectOrigins = async (label: string) => {
		const diff = await world.json(['diff', 'staging']);
		t.is(diff.code, 2, `${label}: ${diff.stderr}`);
		const byId = Object.fromEntries(diff.data.items.map((item: any) => [item.id, item]));
		t.is(byId[a.api_id]?.origin, 'live', label);
		t.is(byId[b.api_id]?.origin, 'git', label);
		t.is(byId[c.api_id]?.origin, 'both', label);
		t.deepEqual(diff.data.summary.origins, {git: 1, live: 1, both: 1, unknown: 0}, label);
		return diff;
	};
	const outputs: string[] = [];
	const first = await expectOrigins('the dumping clone');
	const diffText = await world.cli(['diff', 'staging', '--no-color']);
	t.regex(diffText.stdout, /origins: 1 git, 1 live, 1 both, 0 unknown/);
	t.regex(diffText.stdout, new RegExp(`\\(${c.api_id}\\)  1 field\\(s\\) changed  origin both`));
	outputs.push(first.stdout, first.stderr, diffText.stdout, diffText.stderr);
	// The same diff as a pull-request comment: a table GitHub renders, with each item's origin.
	const comment = await world.cli(['diff', 'staging', '--format', 'markdown']);
	const table = githubTable(comment.stdout)!;
	t.like(table, {separator: true, blankBefore: true});
	t.deepEqual(table.header.slice(0, 2), ['Status', 'Origin']);
	t.true(table.rows.every((cells) => cells.length === table.header.length));
	t.deepEqual([a, b, c].map((d) => table.rows.find((cells) => cells.some((cell) => cell.includes(d.api_id)))?.[1]), ['live', 'git', 'both']);
	outputs.push(comment.stdout, comment.stderr);

	// A fresh clone (no notes fetched by git clone) with an empty state directory: the engine fetches the notes.
	const clone = join(world.root, 'clone');
	world.git(['clone', '-q', remote, clone], world.root);
	t.notRegex(world.git(['for-each-ref'], clone), /notes/, 'git clone does not fetch notes by itself');
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	const emptyState = join(world.root, 'fresh-state');
	// A damaged base file (a partial write) is named in the notes; the Git notes still give every origin.
	mkdirSync(join(emptyState, 'base'), {recursive: true});
	writeFileSync(join(emptyState, 'base', 'staging.json'), '{"version":1,"items":{"api:');
	world.writeConfig({...config, git: {repo: clone, branch: 'main'}, stateDir: emptyState});
	const fresh = await expectOrigins('a fresh clone');
	t.true(fresh.data.notes.some((note: string) => note.includes(join(emptyState, 'base', 'staging.json')) && note.includes('cannot be read')), fresh.data.notes.join('\n'));
	outputs.push(fresh.stdout, fresh.stderr);

	// The Diff screen's base: B as the dump left it, at the dump's commit.
	const engine = await world.engine();
	const row = (await engine.load('staging')).comparisons.find((candidate) => candidate.id === b.api_id)!;
	const base = await engine.baseVersion('staging', row);
	t.regex(base.label, /^base \d{4}-\d\d-\d\d \d\d:\d\d UTC · git [0-9a-f]{7}$/);
	t.is((base.item!.body as any).api_definition.proxy.target_url, b.proxy.target_url);

	// Plans flag the steps that erase someone's change: a publish the live ones, a dump the Git ones.
	const steps = (data: any) => Object.fromEntries(data.steps.map((step: any) => [step.id, step]));
	const publish = await world.json(['publish', 'staging', '--dry-run']);
	const published = steps(publish.data);
	t.like(published[a.api_id], {overwrites: 'live'});
	t.regex(published[a.api_id].overwriteNote, /^overwrites a live change made since \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
	t.like(published[c.api_id], {overwrites: 'both'});
	t.is(published[b.api_id].overwrites, undefined);
	const dump = await world.json(['dump', 'staging', '--dry-run']);
	const dumpedSteps = steps(dump.data);
	t.like(dumpedSteps[b.api_id], {overwrites: 'git'});
	t.regex(dumpedSteps[b.api_id].overwriteNote, /^overwrites a Git change: commit [0-9a-f]{7} move B and C in Git$/);
	t.like(dumpedSteps[c.api_id], {overwrites: 'both'});
	t.is(dumpedSteps[a.api_id].overwrites, undefined);
	const text = await world.cli(['publish', 'staging', '--dry-run', '--no-color']);
	t.regex(text.stdout, new RegExp(`\\(${a.api_id}\\).*\\n\\s+! overwrites a live change made since`));
	outputs.push(publish.stdout, publish.stderr, dump.stdout, dump.stderr, text.stdout);
	assertNoSecrets(t, world, outputs);
});
