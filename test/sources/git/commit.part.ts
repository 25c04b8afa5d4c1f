import test from 'ava';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {commitToBranch, ConcurrentUpdateError, DirtyWorktreeError} from '../../../source/sources/git/commit.js';
import {withGitStore} from '../../../source/sources/git/ref-store.js';
import {readLayout} from '../../../source/sources/layout/reader.js';
import {layoutFileChanges, planLayoutWrite} from '../../../source/sources/layout/writer.js';
import {makeItem} from '../../../source/core/item.js';
import {commitFiles, initRepo, sh, tempDir} from './_helpers.js';

const org = '5e9d9544a1dcd60001d0ed20';
const policy = (id: string, rate = 10) => makeItem('policy', {_id: '', id, name: `Policy ${id}`, org_id: org, rate});

function dumpFiles(items: ReturnType<typeof policy>[], indexText?: string): Map<string, string> {
	return layoutFileChanges(planLayoutWrite(indexText, items));
}

function show(repo: string, rev: string, path: string): string {
	return sh(repo, ['show', `${rev}:${path}`]);
}

test('checked-out clean branch: files written in the work tree, only those paths committed', async (t) => {
	const repo = initRepo(t);
	const base = commitFiles(repo, {'readme.md': 'hi', 'other.txt': 'x'}, 'init');
	writeFileSync(join(repo, 'other.txt'), 'local edit elsewhere');
	writeFileSync(join(repo, 'staged.txt'), 'staged');
	sh(repo, ['add', 'staged.txt']);
	const result = await commitToBranch({repo, branch: 'main', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'Dump gold from prod\n\n#finance stays in the body'});
	t.is(result.mode, 'worktree');
	t.is(result.previous, base);
	t.true(result.changed);
	t.is(result.branch, 'refs/heads/main');
	t.is(result.commit, sh(repo, ['rev-parse', 'HEAD']).trim());
	t.deepEqual(sh(repo, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort(), ['tyk/.tyk.json', 'tyk/policy-gold.json']);
	t.is(sh(repo, ['log', '-1', '--format=%s|%b|%an <%ae>']).trim(), 'Dump gold from prod|#finance stays in the body\n|Test User <test@example.com>');
	t.is(readFileSync(join(repo, 'tyk', 'policy-gold.json'), 'utf8'), show(repo, 'HEAD', 'tyk/policy-gold.json'));
	// The user's other work is untouched: the unstaged edit and the staged file stay as they were.
	t.is(readFileSync(join(repo, 'other.txt'), 'utf8'), 'local edit elsewhere');
	t.is(sh(repo, ['diff', '--cached', '--name-only']).trim(), 'staged.txt');
	// Writing the same again makes no empty commit.
	const again = await commitToBranch({repo, branch: 'main', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'again'});
	t.false(again.changed);
	t.is(again.commit, result.commit);
});

test('checked-out branch with uncommitted changes in those files: refused with the list, nothing written', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, Object.fromEntries([...dumpFiles([policy('gold')])].map(([path, text]) => [`tyk/${path}`, text])), 'init');
	const head = sh(repo, ['rev-parse', 'HEAD']).trim();
	writeFileSync(join(repo, 'tyk', 'policy-gold.json'), 'my edit');
	writeFileSync(join(repo, 'tyk', 'policy-silver.json'), 'untracked, would be overwritten');
	const error = await t.throwsAsync(
		commitToBranch({repo, branch: 'main', dir: 'tyk', files: dumpFiles([policy('gold', 99), policy('silver')]), message: 'dump'}),
		{instanceOf: DirtyWorktreeError},
	);
	t.deepEqual([...error.paths].sort(), ['tyk/policy-gold.json', 'tyk/policy-silver.json']);
	t.regex(error.message, /uncommitted changes in .*tyk\/policy-gold\.json/);
	t.is(readFileSync(join(repo, 'tyk', 'policy-gold.json'), 'utf8'), 'my edit');
	t.is(sh(repo, ['rev-parse', 'HEAD']).trim(), head);
});

test('branch not checked out: temporary index commit, work tree and real index untouched', async (t) => {
	const repo = initRepo(t);
	const base = commitFiles(repo, {'readme.md': 'hi'}, 'init');
	sh(repo, ['branch', 'config']);
	writeFileSync(join(repo, 'readme.md'), 'dirty work tree');
	const statusBefore = sh(repo, ['status', '--porcelain']);
	const result = await commitToBranch({repo, branch: 'config', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'Dump to config'});
	t.is(result.mode, 'temporary-index');
	t.is(result.previous, base);
	t.is(sh(repo, ['rev-parse', 'config']).trim(), result.commit!);
	t.is(sh(repo, ['rev-parse', 'HEAD']).trim(), base);
	t.is(sh(repo, ['status', '--porcelain']), statusBefore);
	t.false(existsSync(join(repo, 'tyk')));
	t.is(show(repo, 'config', 'readme.md'), 'hi', 'the parent tree is kept');
	const set = await withGitStore({repo, ref: 'config'}, (store) => readLayout(store, 'tyk'));
	t.deepEqual(set.items.map((item) => item.id), ['gold']);
	// Removal and idempotence through the temporary index as well.
	const plan = planLayoutWrite(show(repo, 'config', 'tyk/.tyk.json'), [], [{kind: 'policy', id: 'gold'}], set.items);
	const removed = await commitToBranch({repo, branch: 'config', dir: 'tyk', files: new Map([['.tyk.json', plan.index]]), remove: plan.removed, message: 'Remove gold'});
	t.true(removed.changed);
	t.is(sh(repo, ['ls-tree', '-r', '--name-only', 'config']).trim().split('\n').sort().join(','), 'readme.md,tyk/.tyk.json');
	const same = await commitToBranch({repo, branch: 'config', dir: 'tyk', files: new Map([['.tyk.json', plan.index]]), remove: plan.removed, message: 'again'});
	t.false(same.changed);
	t.is(same.commit, removed.commit);
});

test('new branch, empty repository and bare repository all work', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'init');
	const created = await commitToBranch({repo, branch: 'refs/heads/tyk/prod', dir: '', files: dumpFiles([policy('a')]), message: 'first dump'});
	t.is(created.previous, undefined);
	t.is(sh(repo, ['rev-list', '--count', 'tyk/prod']).trim(), '1', 'a new branch starts as a root commit holding only the dump');

	const empty = initRepo(t);
	const first = await commitToBranch({repo: empty, branch: 'main', dir: 'tyk', files: dumpFiles([policy('a')]), message: 'first'});
	t.is(first.mode, 'worktree');
	t.is(first.previous, undefined);
	t.is(sh(empty, ['rev-parse', 'main']).trim(), first.commit!);

	const bare = initRepo(t, {bare: true});
	const inBare = await commitToBranch({repo: bare, branch: 'main', dir: 'tyk', files: dumpFiles([policy('a')]), message: 'first'});
	t.is(inBare.mode, 'temporary-index');
	t.is(sh(bare, ['show', 'main:tyk/policy-a.json']), dumpFiles([policy('a')]).get('policy-a.json')!);
});

test('a concurrent commit on other files is kept and ours is rebuilt on top of it', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'init');
	sh(repo, ['branch', 'config']);
	let raced = false;
	const result = await commitToBranch({
		repo, branch: 'config', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'ours',
		beforeRefUpdate: async () => {
			if (raced) return;
			raced = true;
			const other = tempDir(t);
			sh(repo, ['worktree', 'add', '-q', other, 'config']);
			commitFiles(other, {'notes.md': 'theirs'}, 'theirs');
			sh(repo, ['worktree', 'remove', '--force', other]);
		},
	});
	t.true(result.changed);
	t.is(sh(repo, ['log', '--format=%s', 'config']).trim(), 'ours\ntheirs\ninit');
	t.is(show(repo, 'config', 'notes.md'), 'theirs');
	t.is(result.previous, sh(repo, ['rev-parse', 'config~1']).trim());
});

test('a concurrent commit on the same files is detected: nothing committed, nothing lost', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'init');
	sh(repo, ['branch', 'config']);
	let theirs = '';
	const error = await t.throwsAsync(
		commitToBranch({
			repo, branch: 'config', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'ours',
			beforeRefUpdate: async () => {
				const other = tempDir(t);
				sh(repo, ['worktree', 'add', '-q', other, 'config']);
				theirs = commitFiles(other, {'tyk/.tyk.json': '{"type": "apidef"}'}, 'theirs');
				sh(repo, ['worktree', 'remove', '--force', other]);
			},
		}),
		{instanceOf: ConcurrentUpdateError},
	);
	t.regex(error.message, /moved from .* to .* with changes to tyk\/\.tyk\.json; nothing was committed/);
	t.is(sh(repo, ['rev-parse', 'config']).trim(), theirs);
});

test('tags and commit hashes are refused as dump targets; bad branch names too', async (t) => {
	const repo = initRepo(t);
	const base = commitFiles(repo, {'readme.md': 'hi'}, 'init');
	sh(repo, ['tag', 'v1']);
	const files = dumpFiles([policy('a')]);
	await t.throwsAsync(commitToBranch({repo, branch: 'v1', dir: '', files, message: 'x'}), {message: `cannot commit to "v1" in ${repo}: it is a tag, not a branch`});
	await t.throwsAsync(commitToBranch({repo, branch: 'refs/tags/v1', dir: '', files, message: 'x'}), {message: /not a branch/});
	await t.throwsAsync(commitToBranch({repo, branch: base, dir: '', files, message: 'x'}), {message: /names a commit, not a branch/});
	await t.throwsAsync(commitToBranch({repo, branch: 'bad..name', dir: '', files, message: 'x'}), {message: /invalid branch name/});
	await t.throwsAsync(commitToBranch({repo, branch: 'main', dir: '', files: new Map([['../x.json', '{}']]), message: 'x'}), {message: /outside the layout directory/});
	await t.throwsAsync(commitToBranch({repo: tempDir(t), branch: 'main', dir: '', files, message: 'x'}), {message: /not a Git repository/});
	t.is(sh(repo, ['rev-parse', 'HEAD']).trim(), base);
	// HEAD means "the current branch", unless it is detached.
	sh(repo, ['checkout', '-q', '--detach']);
	await t.throwsAsync(commitToBranch({repo, branch: 'HEAD', dir: '', files, message: 'x'}), {message: /HEAD .* is detached/});
	sh(repo, ['checkout', '-q', 'main']);
	const onHead = await commitToBranch({repo, branch: 'HEAD', dir: '', files, message: 'to the current branch'});
	t.is(onHead.branch, 'refs/heads/main');
	t.is(onHead.previous, base);
});

test('without any configured identity the fallback author is used, in both modes', async (t) => {
	const repo = initRepo(t, {identity: false});
	await commitToBranch({repo, branch: 'main', dir: '', files: dumpFiles([policy('a')]), message: 'worktree'});
	t.is(sh(repo, ['log', '-1', '--format=%an <%ae>|%cn <%ce>', 'main']).trim(), 'tyk-console <tyk-console@localhost>|tyk-console <tyk-console@localhost>');
	await commitToBranch({repo, branch: 'other', dir: '', files: dumpFiles([policy('b')]), message: 'detached'});
	t.is(sh(repo, ['log', '-1', '--format=%an <%ae>', 'other']).trim(), 'tyk-console <tyk-console@localhost>');
});

test('push sends the branch to the remote; a failed push is reported without losing the commit', async (t) => {
	const remote = initRepo(t, {bare: true});
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'init');
	sh(repo, ['remote', 'add', 'origin', remote]);
	const pushed = await commitToBranch({repo, branch: 'main', dir: '', files: dumpFiles([policy('a')]), message: 'dump', push: true});
	t.true(pushed.pushed);
	t.is(sh(remote, ['rev-parse', 'main']).trim(), pushed.commit!);
	sh(repo, ['remote', 'set-url', 'origin', 'https://user:s3cret-token@127.0.0.1:1/repo.git']);
	const failed = await commitToBranch({repo, branch: 'main', dir: '', files: dumpFiles([policy('b')]), message: 'dump 2', push: true});
	t.false(failed.pushed);
	t.true(failed.changed);
	t.regex(failed.pushError!, /git push origin failed/);
	t.false(failed.pushError!.includes('s3cret-token'));
	await t.throwsAsync(commitToBranch({repo, branch: 'main', dir: '', files: dumpFiles([policy('c')]), message: 'x', push: true, remote: '--upload-pack=evil'}), {message: /invalid remote/});
});

test('a branch checked out in a linked work tree is committed there; a deleted work tree is ignored', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'init');
	const linked = join(tempDir(t), 'linked');
	sh(repo, ['worktree', 'add', '-q', '-b', 'config', linked]);
	const result = await commitToBranch({repo, branch: 'config', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'linked'});
	t.is(result.mode, 'worktree');
	t.true(existsSync(join(linked, 'tyk', 'policy-gold.json')));
	t.false(existsSync(join(repo, 'tyk')));
	const gonePath = join(tempDir(t), 'gone');
	sh(repo, ['worktree', 'add', '-q', '-b', 'gone', gonePath]);
	rmSync(gonePath, {recursive: true, force: true});
	const detached = await commitToBranch({repo, branch: 'gone', dir: 'tyk', files: dumpFiles([policy('gold')]), message: 'gone'});
	t.is(detached.mode, 'temporary-index');
	t.false(existsSync(gonePath));
});

test('a temporary-index commit of more files than the open-file limit allows at once succeeds', (t) => {
	// A 25,000-item dump wrote every blob file at once and failed with EMFILE; here the limit is 64 and 300 files go in.
	const bare = initRepo(t, {bare: true});
	const dir = tempDir(t);
	const script = join(dir, 'many.mts');
	const commitModule = new URL('../../../source/sources/git/commit.js', import.meta.url).href;
	writeFileSync(script, `import {commitToBranch} from ${JSON.stringify(commitModule)};
const files = new Map(Array.from({length: 300}, (_, i) => [\`policy-\${i}.json\`, \`{"n": \${i}}\\n\`]));
const result = await commitToBranch({repo: process.argv[2], branch: 'main', dir: '', files, message: 'many'});
process.stdout.write(result.mode);
`);
	const out = execFileSync('sh', ['-c', 'ulimit -n 64 && exec "$0" --import tsx "$1" "$2"', process.execPath, script, bare], {encoding: 'utf8'});
	t.is(out, 'temporary-index');
	t.is(sh(bare, ['ls-tree', '--name-only', 'main']).trim().split('\n').length, 300);
	t.is(sh(bare, ['show', 'main:policy-299.json']), '{"n": 299}\n');
});

test('a commit of 100 files or more lands as one pack, not as loose objects; fewer stay loose', async (t) => {
	const bare = initRepo(t, {bare: true});
	const files = (count: number, tag: string) => new Map(Array.from({length: count}, (_, i) => [`p-${tag}-${i}.json`, `{"n": ${i}, "tag": "${tag}", "text": "é"}\n`]));
	const objects = () => Object.fromEntries(sh(bare, ['count-objects', '-v']).trim().split('\n').map((line) => line.split(': ') as [string, string]));
	await commitToBranch({repo: bare, branch: 'main', dir: '', files: files(120, 'a'), message: 'many'});
	t.is(objects()['count'], '2', 'only the tree and the commit are loose');
	t.true(Number(objects()['in-pack']) >= 120);
	t.is(sh(bare, ['show', 'main:p-a-119.json']), '{"n": 119, "tag": "a", "text": "é"}\n');
	await commitToBranch({repo: bare, branch: 'main', dir: '', files: files(3, 'b'), message: 'few'});
	t.is(objects()['count'], '7', 'three new blobs, a tree and a commit more, loose');
	t.is(sh(bare, ['ls-tree', '--name-only', 'main']).trim().split('\n').length, 123);
	t.is(sh(bare, ['show', 'main:p-b-2.json']), '{"n": 2, "tag": "b", "text": "é"}\n');
});
