import test from 'ava';
import {commitToBranch, ConcurrentUpdateError} from '../../../source/sources/git/commit.js';
import {readBranchIndex} from '../../../source/sources/git/branch-index.js';
import {makeItem} from '../../../source/core/item.js';
import {layoutFileChanges, planLayoutWrite} from '../../../source/sources/layout/writer.js';
import {commitFiles, initRepo, sh} from './_helpers.js';

const org = '5e9d9544a1dcd60001d0ed20';
const policy = (id: string) => makeItem('policy', {_id: '', id, name: id, org_id: org});

test('readBranchIndex: absent branch, branch without index, branch with index; tags refused', async (t) => {
	const repo = initRepo(t);
	t.deepEqual(await readBranchIndex({repo, branch: 'main', dir: 'tyk'}), {branch: 'refs/heads/main', base: null, indexText: undefined});
	const first = commitFiles(repo, {'readme.md': 'hi'}, 'init');
	t.deepEqual(await readBranchIndex({repo, branch: 'main', dir: 'tyk'}), {branch: 'refs/heads/main', base: first, indexText: undefined});
	const second = commitFiles(repo, {'tyk/.tyk.json': '{"type": "apidef"}'}, 'index');
	t.deepEqual(await readBranchIndex({repo, branch: 'main', dir: 'tyk'}), {branch: 'refs/heads/main', base: second, indexText: '{"type": "apidef"}'});
	sh(repo, ['tag', 'v1']);
	await t.throwsAsync(readBranchIndex({repo, branch: 'v1', dir: 'tyk'}), {message: /is a tag/});
});

test('a plan built on a stale index is refused when the index changed since; unrelated changes are fine', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'tyk/.tyk.json': '{"type": "apidef"}'}, 'init');
	sh(repo, ['branch', 'config']);
	const start = await readBranchIndex({repo, branch: 'config', dir: 'tyk'});
	const files = layoutFileChanges(planLayoutWrite(start.indexText, [policy('gold')]));
	// Someone else adds a policy to the index on that branch after we planned.
	sh(repo, ['checkout', '-q', 'config']);
	const theirs = commitFiles(repo, {'tyk/.tyk.json': '{"type": "apidef", "policies": [{"file": "theirs.json"}]}', 'tyk/theirs.json': '{}'}, 'theirs');
	sh(repo, ['checkout', '-q', 'main']);
	const error = await t.throwsAsync(commitToBranch({repo, branch: 'config', dir: 'tyk', files, message: 'stale', base: start.base}), {instanceOf: ConcurrentUpdateError});
	t.regex(error.message, /changes to tyk\/\.tyk\.json since the dump was planned/);
	t.is(sh(repo, ['rev-parse', 'config']).trim(), theirs);
	// Re-planned from the new state, it goes through and keeps their entry.
	const fresh = await readBranchIndex({repo, branch: 'config', dir: 'tyk'});
	const plan = planLayoutWrite(fresh.indexText, [policy('gold')]);
	const done = await commitToBranch({repo, branch: 'config', dir: 'tyk', files: layoutFileChanges(plan), message: 'fresh', base: fresh.base});
	t.true(done.changed);
	t.deepEqual(JSON.parse(sh(repo, ['show', 'config:tyk/.tyk.json'])).policies, [{file: 'theirs.json'}, {file: 'policy-gold.json'}]);
	// A commit elsewhere in the repository since planning does not block.
	const planned = await readBranchIndex({repo, branch: 'config', dir: 'tyk'});
	sh(repo, ['checkout', '-q', 'config']);
	commitFiles(repo, {'docs/readme.md': 'unrelated'}, 'docs');
	sh(repo, ['checkout', '-q', 'main']);
	const next = layoutFileChanges(planLayoutWrite(planned.indexText, [policy('silver')]));
	t.true((await commitToBranch({repo, branch: 'config', dir: 'tyk', files: next, message: 'silver', base: planned.base})).changed);
	t.is(sh(repo, ['log', '--format=%s', '-3', 'config']).trim(), 'silver\ndocs\nfresh');
});

test('a branch created by someone else after planning is refused', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'readme.md': 'hi'}, 'init');
	const start = await readBranchIndex({repo, branch: 'new', dir: ''});
	sh(repo, ['branch', 'new']);
	const files = layoutFileChanges(planLayoutWrite(start.indexText, [policy('a')]));
	await t.throwsAsync(commitToBranch({repo, branch: 'new', dir: '', files, message: 'x', base: start.base}), {message: /was created by someone else/});
});
