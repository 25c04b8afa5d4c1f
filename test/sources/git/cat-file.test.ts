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
