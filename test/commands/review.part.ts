import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {githubTable} from '../helpers/markdown-table.js';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';

const alice = {name: 'alice@example.com', secret: 'alice-e2e-key-3c9d'};

test.serial('review artefacts and blame: a live edit by another user is blamed on them, a publish on tyk-console; markdown and html hold no secret', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3, users: [alice]}}, {name: 'old', emulator: {seed: 2, auditLog: false}}]);
	t.is((await world.cli(['dump', 'staging'])).code, 0);
	const apis = (await world.request('staging', 'GET', '/api/apis?p=-1')).apis as any[];
	const api = apis.find((wrapper) => wrapper.api_definition.is_oas !== true);
	const id: string = api.api_definition.api_id;
	const secret = 'alice-upstream-password-77e1';
	api.api_definition.config_data = {upstream_password: secret};
	api.api_definition.name = 'Pay|ments <img src=x>';
	// Alice edits the API in the Dashboard with her own key.
	const edit = await fetch(`${world.emulators['staging']!.url}/api/apis/${api.api_definition.id}`, {
		method: 'PUT', headers: {Authorization: alice.secret, 'Content-Type': 'application/json'}, body: JSON.stringify(api),
	});
	t.is(edit.status, 200);

	const [json, markdown, badHtml, noAuditLog, planMarkdown] = await Promise.all([
		world.json(['diff', 'staging']),
		world.cli(['diff', 'staging', '--format', 'markdown']),
		world.cli(['diff', 'staging', '--format', 'html']),
		world.json(['diff', 'old']),
		world.cli(['publish', 'staging', '--dry-run', '--format', 'markdown']),
	]);
	// The plan for review flags the step that would erase Alice's live change (its origin).
	t.is(planMarkdown.code, 0, planMarkdown.stderr);
	t.regex(planMarkdown.stdout, /\| Action \| Origin \| Kind \| Name \| Changed paths \|/);
	t.regex(planMarkdown.stdout, /\| update \| live \| api classic \|/);
	t.regex(planMarkdown.stdout, /overwrites a live change/);
	t.false(planMarkdown.stdout.includes(secret));
	// A Dashboard without an audit log (404) only means no Dashboard blame: the diff works as ever.
	t.is(noAuditLog.code, 2, noAuditLog.stderr);
	t.true(noAuditLog.data.items.length > 0 && noAuditLog.data.items.every((entry: any) => entry.blame === undefined));
	t.is(json.code, 2, json.stderr);
	const item = json.data.items.find((entry: any) => entry.id === id);
	t.like(item.blame, {by: alice.name, via: 'dashboard'});
	t.regex(item.blame.at, /^\d{4}-\d\d-\d\dT/);

	t.is(markdown.code, 2, markdown.stderr);
	const table = githubTable(markdown.stdout)!;
	t.like(table, {separator: true, blankBefore: true});
	t.deepEqual(table.header.slice(0, 1), ['Status']);
	t.true(table.header.includes('Changed paths') && table.header.includes('Last live change'));
	t.true(table.rows.length > 0 && table.rows.every((row) => row.length === table.header.length), `every row has ${table.header.length} cells`);
	t.false(markdown.stdout.includes(secret));
	// Outside the fenced diffs (where it is literal text) the hostile name is escaped.
	t.false(markdown.stdout.replace(/```diff\n[\s\S]*?\n```/g, '').includes('<img'));
	t.regex(markdown.stdout, /<details>\n<summary>changed api classic/);
	t.regex(markdown.stdout, /```diff\n--- git main@[0-9a-f]{7}\n\+\+\+ live staging/);
	t.true(markdown.stdout.includes('alice@example.com'));

	// A bad combination of flags is a usage error, before anything is read (the others: test/core/review.part.ts).
	t.is(badHtml.code, 1, badHtml.stdout);
	t.regex(badHtml.stderr, /--format html writes a page: name its file with --out FILE/);
	t.is(badHtml.stdout, '');

	// Git takes the API back, then moves on: live is now what tyk-console published.
	const published = await world.cli(['publish', 'staging', '--id', id, '--yes']);
	t.is(published.code, 0, published.stderr);
	const file = join(world.repo, `api-${id}.json`);
	const body = JSON.parse(readFileSync(file, 'utf8'));
	body.api_definition.proxy.target_url = 'http://git-moved.example';
	writeFileSync(file, JSON.stringify(body, null, 2));
	world.git(['commit', '-qam', 'Move the upstream']);

	const page = join(world.root, 'review.html');
	const [after, html] = await Promise.all([
		world.json(['diff', 'staging']),
		world.cli(['diff', 'staging', '--format', 'html', '--out', page]),
	]);
	const moved = after.data.items.find((entry: any) => entry.id === id);
	t.like(moved.blame, {via: 'tyk-console publish'});
	t.is(html.code, 2, html.stderr);
	t.true(existsSync(page));
	const text = readFileSync(page, 'utf8');
	t.false(/<script/i.test(text));
	t.false(/\b(src|href)\s*=\s*["']?https?:/i.test(text));
	t.regex(text, /<table class="diff">/);
	t.regex(text, /git.{0,40}moved/);
	assertNoSecrets(t, world, [json.stdout, markdown.stdout, markdown.stderr, text, planMarkdown.stdout, after.stdout]);
});
