import test from 'ava';
import {itemHistory, readAtRevision, readLayoutAtRevision} from '../../../source/sources/git/history.js';
import {commitFiles, copyFixture, initRepo, sh} from './_helpers.js';

test('itemHistory lists only commits touching the file, newest first, with date, author and subject', async (t) => {
	const repo = initRepo(t);
	const first = commitFiles(repo, {'tyk/policy-a.json': '{"rate": 1}', 'tyk/other.json': '1'}, 'Add policy a');
	commitFiles(repo, {'tyk/other.json': '2'}, 'Unrelated change');
	sh(repo, ['config', 'user.name', 'Second Person']);
	const third = commitFiles(repo, {'tyk/policy-a.json': '{"rate": 2}'}, 'Raise rate | with "quotes"');
	const history = await itemHistory({repo, ref: 'main', path: 'tyk/policy-a.json'});
	t.deepEqual(history.map((entry) => entry.commit), [third, first]);
	t.deepEqual(history.map((entry) => entry.subject), ['Raise rate | with "quotes"', 'Add policy a']);
	t.deepEqual(history.map((entry) => entry.author), ['Second Person <test@example.com>', 'Test User <test@example.com>']);
	for (const entry of history) t.regex(entry.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
	t.deepEqual(await itemHistory({repo, ref: 'main', path: 'tyk/never.json'}), []);
	t.is((await itemHistory({repo, ref: 'main', path: 'tyk/policy-a.json', limit: 1})).length, 1);
	t.deepEqual((await itemHistory({repo, ref: first, path: 'tyk/policy-a.json'})).map((entry) => entry.commit), [first]);
	await t.throwsAsync(itemHistory({repo, ref: 'gone', path: 'x'}), {message: `unknown ref "gone" in ${repo}`});
});

test('readAtRevision returns the file as it was, undefined where it did not exist', async (t) => {
	const repo = initRepo(t);
	const first = commitFiles(repo, {'a.json': 'one', 'dir/x': 'x'}, 'first');
	commitFiles(repo, {'a.json': 'two', 'b.json': 'bee'}, 'second');
	t.is((await readAtRevision(repo, first, 'a.json'))!.toString(), 'one');
	t.is((await readAtRevision(repo, 'main', 'a.json'))!.toString(), 'two');
	t.is(await readAtRevision(repo, first, 'b.json'), undefined);
	t.is(await readAtRevision(repo, first, 'dir'), undefined, 'a directory is not a file');
	await t.throwsAsync(readAtRevision(repo, 'nope', 'a.json'), {message: /unknown ref "nope"/});
});

test('readLayoutAtRevision reads a whole layout at an older commit', async (t) => {
	const repo = initRepo(t);
	copyFixture('legacy-1.4', repo, 'tyk');
	const old = commitFiles(repo, {}, 'legacy layout');
	sh(repo, ['rm', '-q', '-r', 'tyk']);
	copyFixture('bare-1.0', repo, 'tyk');
	commitFiles(repo, {}, 'bare layout');
	const then = await readLayoutAtRevision(repo, old, 'tyk');
	t.is(then.commit, old);
	t.deepEqual(then.items.map((item) => item.name), ['Inventory', 'Classic Next Door', 'Inventory readers']);
	const now = await readLayoutAtRevision(repo, 'HEAD', 'tyk');
	t.deepEqual(now.items.map((item) => item.name), ['Bare Keyless', 'Bare policy']);
});
