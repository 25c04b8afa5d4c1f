import {existsSync, mkdirSync, readdirSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {patchEnvironment} from './helpers.js';

test.serial('hostile repository: a layout dir that is a symlink to a folder outside (committed in Git, or in a plain directory) is never written through', async (t) => {
	const world = await makeWorld(t, [
		{name: 'staging', emulator: {seed: 1}, git: {dir: 'tyk'}},
		{name: 'plain', emulator: {seed: 1}},
	]);
	const outside = join(world.root, 'outside');
	mkdirSync(outside);
	symlinkSync('../outside', join(world.repo, 'tyk'));
	world.git(['add', 'tyk']);
	world.git(['commit', '-q', '-m', 'layout dir as a symlink']);
	const head = world.git(['rev-parse', 'main']).trim();
	const plain = join(world.root, 'plain');
	mkdirSync(plain);
	symlinkSync('../outside', join(plain, 'tyk'));
	patchEnvironment(world, 'plain', {git: {repo: plain, dir: 'tyk'}});

	const [dump, plainDump] = await Promise.all([world.cli(['dump', 'staging']), world.cli(['dump', 'plain'])]);
	t.deepEqual(readdirSync(outside), [], `nothing written outside: ${dump.stdout}${dump.stderr}${plainDump.stdout}${plainDump.stderr}`);
	for (const run of [dump, plainDump]) {
		t.is(run.code, 1, run.stdout + run.stderr);
		// Git refuses at the write; the plain directory already at the read (the layout folder leaves the root).
		t.regex(run.stdout + run.stderr, /refusing to write tyk\/\S+: tyk in \S+ is a symbolic link|tyk is a symbolic link that resolves outside its folder/);
	}
	t.is(world.git(['rev-parse', 'main']).trim(), head, 'no commit');
	t.false(existsSync(join(outside, '.tyk.json')));
	assertNoSecrets(t, world, [dump.stdout, dump.stderr, plainDump.stdout, plainDump.stderr]);
});
