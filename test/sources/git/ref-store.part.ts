import test from 'ava';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {GitRefStore, withGitStore} from '../../../source/sources/git/ref-store.js';
import {GitRefError} from '../../../source/sources/git/repo.js';
import {readLayout} from '../../../source/sources/layout/reader.js';
import {commitFiles, copyFixture, initRepo, sh, tempDir} from './_helpers.js';

test('reads the ref, not the work tree: uncommitted edits and untracked files are not seen', async (t) => {
	const repo = initRepo(t);
	copyFixture('tyk-sync-1.5', repo, 'tyk');
	const commit = commitFiles(repo, {}, 'dump');
	writeFileSync(join(repo, 'tyk', '.tyk.json'), '{"type": "apidef"}');
	writeFileSync(join(repo, 'tyk', 'untracked.json'), '{}');
	await withGitStore({repo, ref: 'main'}, async (store) => {
		t.is(store.commit, commit);
		t.is(store.describe(), `${repo} @ main (${commit.slice(0, 7)})`);
		t.false((await store.list()).includes('tyk/untracked.json'));
		const set = await readLayout(store, 'tyk');
		t.is(set.items.length, 6);
		t.deepEqual(set.invalid, []);
	});
});

test('any ref works: branch, tag, commit hash, relative revision; the tree is fixed at open', async (t) => {
	const repo = initRepo(t);
	const first = commitFiles(repo, {'a.json': 'one'}, 'first');
	sh(repo, ['tag', 'v1']);
	sh(repo, ['tag', '-a', 'v1-annotated', '-m', 'annotated']);
	const second = commitFiles(repo, {'a.json': 'two', 'dir/b.json': 'bee'}, 'second');
	for (const [ref, expected, content] of [['main', second, 'two'], ['v1', first, 'one'], ['v1-annotated', first, 'one'], [first, first, 'one'], ['main~1', first, 'one'], ['refs/heads/main', second, 'two']] as const) {
		const store = await GitRefStore.open({repo, ref});
		t.is(store.commit, expected, ref);
		t.is((await store.read('a.json'))!.toString(), content, ref);
		await store.close();
	}
	const store = await GitRefStore.open({repo, ref: 'main', under: 'dir'});
	t.deepEqual(await store.list(), ['dir/b.json']);
	commitFiles(repo, {'dir/b.json': 'changed later'}, 'third');
	t.is((await store.read('dir/b.json'))!.toString(), 'bee');
	t.is(await store.read('missing.json'), undefined);
	t.is(await store.read('dir'), undefined);
	await store.close();
	await store.close();
	t.is((await store.read('dir/b.json'))!.toString(), 'bee', 'reading after close starts a new process');
	await store.close();
});

test('one cat-file process serves many pipelined reads, binary and empty files included', async (t) => {
	const repo = initRepo(t);
	const files: Record<string, string> = {'empty.json': ''};
	for (let i = 0; i < 300; i++) files[`f/${i}.json`] = JSON.stringify({i, pad: 'y'.repeat(i * 37)});
	files['big.json'] = 'z'.repeat(3_000_000);
	const binary = Buffer.from(Array.from({length: 512}, (_, i) => i % 256));
	writeFileSync(join(repo, 'binary.bin'), binary);
	commitFiles(repo, files, 'many');
	await withGitStore({repo, ref: 'HEAD'}, async (store) => {
		const paths = Object.keys(files);
		const [contents, bytes] = await Promise.all([Promise.all(paths.map((path) => store.read(path))), store.read('binary.bin')]);
		t.deepEqual(contents.map((buffer) => buffer!.toString()), Object.values(files));
		t.true(bytes!.equals(binary));
	});
});

test('unknown refs, non-repositories and missing paths give clear errors naming them', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'a.json': '{}'}, 'first');
	const unknown = await t.throwsAsync(GitRefStore.open({repo, ref: 'nope'}), {instanceOf: GitRefError});
	t.is(unknown.message, `unknown ref "nope" in ${repo}`);
	await t.throwsAsync(GitRefStore.open({repo, ref: '--output=/tmp/x'}), {message: /invalid ref/});
	const plain = tempDir(t);
	await t.throwsAsync(GitRefStore.open({repo: plain, ref: 'main'}), {message: `not a Git repository: ${plain}`});
	await t.throwsAsync(GitRefStore.open({repo: join(plain, 'absent'), ref: 'main'}), {message: /does not exist/});
	const empty = initRepo(t);
	await t.throwsAsync(GitRefStore.open({repo: empty, ref: 'main'}), {message: `unknown ref "main" in ${empty}`});
});

test('a branch without .tyk.json reads as LayoutMissingError, distinguishable from a broken one', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'first');
	await withGitStore({repo, ref: 'main'}, async (store) => {
		const error = await t.throwsAsync(readLayout(store, 'tyk'));
		t.is(error.name, 'LayoutMissingError');
		t.regex(error.message, /tyk\/\.tyk\.json in .* @ main/);
	});
});

test('paths with spaces, quotes and non-ASCII characters are listed and read exactly', async (t) => {
	const repo = initRepo(t);
	const files = {'tyk/.tyk.json': JSON.stringify({type: 'apidef', files: [{file: 'apis/zahlungen ü "v2".json'}]}), 'tyk/apis/zahlungen ü "v2".json': JSON.stringify({api_definition: {api_id: 'ü-1', name: 'Zahlungen'}})};
	commitFiles(repo, files, 'unicode');
	await withGitStore({repo, ref: 'main', under: 'tyk'}, async (store) => {
		t.deepEqual((await store.list()).sort(), Object.keys(files).sort());
		const set = await readLayout(store, 'tyk');
		t.deepEqual(set.invalid, []);
		t.deepEqual(set.items.map((item) => [item.id, item.file]), [['ü-1', 'apis/zahlungen ü "v2".json']]);
	});
});
