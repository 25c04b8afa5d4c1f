import test from 'ava';
import {readGitSide} from '../../source/engine/git-side.js';
import {LayoutMissingError} from '../../source/sources/layout/errors.js';
import {commitFiles, initRepo, isolateGit, tempDir, writeTree} from '../sources/git/_helpers.js';

isolateGit();

const index = JSON.stringify({type: 'apidef', files: []});
const config = (repo: string, dir: string) => ({repo, branch: 'main', dir});

test('no .tyk.json at the configured directory is an error naming the closest directory that holds one, at that commit', async (t) => {
	const repo = initRepo(t);
	commitFiles(repo, {'tyk/.tyk.json': index, 'teams/payments/.tyk.json': index, 'README.md': 'hi'}, 'two layouts');
	const typo = await t.throwsAsync(readGitSide(config(repo, 'tyke')), {instanceOf: LayoutMissingError});
	t.regex(typo.message, /^no \.tyk\.json found in .* at main \([0-9a-f]{7}\) under directory tyke; directories that hold one: teams\/payments, tyk \(did you mean --dir tyk\?\); set git.dir or --dir$/);
	const far = await t.throwsAsync(readGitSide(config(repo, 'somewhere/else')), {instanceOf: LayoutMissingError});
	t.notRegex(far.message, /did you mean/);
	// A write target (a dump) reads the same place as an empty layout, which the dump then creates.
	const empty = await readGitSide(config(repo, 'tyke'), undefined, {allowMissingBranch: true});
	t.true(empty.empty);
	t.deepEqual(empty.set.items, []);
});

test('a plain directory without .tyk.json names look-alike index files that tyk-console does not read', async (t) => {
	const root = tempDir(t);
	writeTree(root, {'defs/.tyk.gateway.json': index, 'defs/api.json': '{}'});
	const error = await t.throwsAsync(readGitSide(config(root, '')), {instanceOf: LayoutMissingError});
	t.regex(error.message, /under directory \.; none holds one, but defs\/\.tyk\.gateway\.json looks like one: tyk-console, like tyk-sync, reads only \.tyk\.json/);
});
