import test from 'ava';
import {CatFileBatch} from '../../../source/sources/git/cat-file.js';
import {commitFiles, initRepo, isolateGit, tempDir} from './_helpers.js';

test('answers blobs in request order, missing objects and non-blobs as undefined', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'a.txt': 'alpha', 'd/b.txt': 'beta\nwith newline\n'}, 'first');
	const batch = new CatFileBatch(repo);
	t.teardown(() => batch.close());
	const [a, missing, b, tree, again] = await Promise.all([
		batch.read('HEAD:a.txt'),
		batch.read('HEAD:nope.txt'),
		batch.read('HEAD:d/b.txt'),
		batch.read('HEAD:d'),
		batch.read('HEAD:a.txt'),
	]);
	t.is(a!.toString(), 'alpha');
	t.is(missing, undefined);
	t.is(b!.toString(), 'beta\nwith newline\n');
	t.is(tree, undefined);
	t.is(again!.toString(), 'alpha');
	await t.throwsAsync(batch.read('HEAD:a\nb'), {message: /invalid object name/});
	await batch.close();
	await t.throwsAsync(batch.read('HEAD:a.txt'), {message: /already closed/});
});

test('a git process that dies rejects pending and later reads with git\'s reason', async (t) => {
	const notRepo = tempDir(t);
	isolateGit();
	const batch = new CatFileBatch(notRepo);
	const error = await t.throwsAsync(batch.read('HEAD:a.txt'));
	t.regex(error.message, /git cat-file stopped in .*not a git repository/i);
	await t.throwsAsync(batch.read('HEAD:a.txt'), {message: /not a git repository/i});
	await batch.close();
});

test('resolve gives the hash of an expression of the wanted type only', async (t) => {
	const repo = initRepo(t);
	const commit = commitFiles(repo, {'a.txt': 'alpha'}, 'first');
	const batch = new CatFileBatch(repo);
	t.teardown(() => batch.close());
	t.is(await batch.resolve('main^{commit}', 'commit'), commit);
	t.is(await batch.resolve('main', 'tree'), undefined, 'a commit is not a tree');
	t.regex((await batch.resolve('main^{tree}', 'tree'))!, /^[0-9a-f]{40}$/);
	t.is(await batch.resolve('nope^{commit}', 'commit'), undefined);
	t.is((await batch.read('main:a.txt'))!.toString(), 'alpha', 'reads still line up after resolves');
});

test('readEach hands every body to the visitor as it arrives, in request order, between single reads', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'a.txt': 'alpha', 'd/b.txt': 'beta\nwith newline\n'}, 'first');
	const batch = new CatFileBatch(repo);
	t.teardown(() => batch.close());
	const seen: Array<[number, string | undefined]> = [];
	const before = batch.read('HEAD:a.txt');
	const each = batch.readEach(['HEAD:d/b.txt', 'HEAD:nope.txt', 'HEAD:d', 'HEAD:a.txt'], (index, body) => seen.push([index, body?.toString()]));
	const after = batch.read('HEAD:d/b.txt');
	await each;
	t.deepEqual(seen, [[0, 'beta\nwith newline\n'], [1, undefined], [2, undefined], [3, 'alpha']]);
	t.is((await before)!.toString(), 'alpha');
	t.is((await after)!.toString(), 'beta\nwith newline\n');
	await batch.readEach([], () => t.fail('nothing to visit'));
	await t.throwsAsync(batch.readEach(['HEAD:a.txt', 'HEAD:a\nb'], () => undefined), {message: /invalid object name/});
	await t.throwsAsync(batch.readEach(['HEAD:a.txt', 'HEAD:d/b.txt'], () => {
		throw new Error('visitor broke');
	}), {message: 'visitor broke'});
	t.is((await batch.read('HEAD:a.txt'))!.toString(), 'alpha', 'reads still line up after a visitor failed');
});

test('thousands of pipelined reads and a readEach among them are answered in order', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'a.txt': 'alpha', 'b.txt': 'beta'}, 'first');
	const batch = new CatFileBatch(repo);
	t.teardown(() => batch.close());
	const names = Array.from({length: 4500}, (_, index) => (index % 3 === 0 ? 'HEAD:a.txt' : index % 3 === 1 ? 'HEAD:b.txt' : 'HEAD:none.txt'));
	const visited: Array<string | undefined> = [];
	const [reads] = await Promise.all([
		Promise.all(names.map((name) => batch.read(name))),
		batch.readEach(names, (index, body) => (visited[index] = body?.toString())),
	]);
	const expected = names.map((name) => (name === 'HEAD:a.txt' ? 'alpha' : name === 'HEAD:b.txt' ? 'beta' : undefined));
	t.deepEqual(reads.map((body) => body?.toString()), expected);
	t.deepEqual(visited, expected);
});
