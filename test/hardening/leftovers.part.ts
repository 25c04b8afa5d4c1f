import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {makeWorld} from '../helpers/world.js';
import {patchEnvironment} from './helpers.js';

// What a killed dump leaves behind is cleaned by the next run, and TLS settings that weaken or break the connection
// are said out loud.

/** The pid of a process that has already exited: what a killed run's leftovers are named after. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	return Number(child.stdout);
}

test.serial('a killed dump\'s temporary index folder and temporary layout file are removed by the next dump; new scratch folders are private', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const tmp = join(world.root, 'tmp');
	mkdirSync(tmp);
	const dead = deadPid();
	// Left by a dump killed while building a commit with a temporary index: every definition in plain text.
	const scratch = join(tmp, `tyk-console-index-${dead}-AbC123`);
	mkdirSync(scratch);
	writeFileSync(join(scratch, 'blob-0'), '{"api_definition": {"secret": "plain"}}');
	// Someone else's folder of the same prefix, still running (this test's own pid): left alone.
	const running = join(tmp, `tyk-console-index-${process.pid}-XyZ789`);
	mkdirSync(running);

	// The branch is not checked out, so the dump commits through a temporary index.
	writeFileSync(join(world.repo, 'README.md'), 'x\n');
	world.git(['add', 'README.md']);
	world.git(['commit', '-q', '-m', 'start']);
	patchEnvironment(world, 'staging', {git: {branch: 'backup'}});
	const dumped = await world.cli(['dump', 'staging'], {env: {TMPDIR: tmp}});
	t.is(dumped.code, 0, dumped.stderr);
	t.false(existsSync(scratch), 'the dead run\'s scratch folder is gone');
	t.true(existsSync(running), 'a running process\'s folder is left alone');
	t.deepEqual(readdirSync(tmp).filter((name) => name.startsWith('tyk-console-index-')), [`tyk-console-index-${process.pid}-XyZ789`], 'the dump removed its own scratch folder');

	// A temporary sibling a killed work-tree dump left next to a layout file.
	patchEnvironment(world, 'staging', {git: {branch: 'main'}});
	const leftover = join(world.repo, `.api-x.json.${dead}.0a1b2c3d.tmp`);
	writeFileSync(leftover, '{"half": ');
	const mine = join(world.repo, `.api-y.json.${process.pid}.0a1b2c3d.tmp`);
	writeFileSync(mine, '{}');
	const again = await world.cli(['dump', 'staging']);
	t.is(again.code, 0, again.stderr);
	t.false(existsSync(leftover), 'the dead run\'s temporary file is gone');
	t.true(existsSync(mine), 'a running process\'s temporary file is left alone');
	t.false(world.git(['ls-tree', '-r', '--name-only', 'main']).includes('.tmp'));
});

test.serial('a temporary index folder is created private (0700) and removed on the way out', async (t) => {
	const {buildCommit} = await import('../../source/sources/git/temp-index.js');
	const world = await makeWorld(t, []);
	const tmp = join(world.root, 'tmp-private');
	const bin = join(world.root, 'bin');
	mkdirSync(tmp);
	mkdirSync(bin);
	const modes = join(world.root, 'modes');
	// A git in front of the real one notes the mode of the folder holding GIT_INDEX_FILE while the commit is built.
	writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ -n "$GIT_INDEX_FILE" ]; then stat -c %a "$(dirname "$GIT_INDEX_FILE")" >> "${modes}"; fi\nexec /usr/bin/git "$@"\n`, {mode: 0o755});
	const saved = {TMPDIR: process.env['TMPDIR'], PATH: process.env['PATH']};
	process.env['TMPDIR'] = tmp;
	process.env['PATH'] = `${bin}:${saved.PATH ?? ''}`;
	t.teardown(() => {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	});
	const built = await buildCommit({repo: world.repo, parent: undefined, files: new Map([['a.json', '{}']]), remove: [], message: 'm', env: {...world.env as Record<string, string>}});
	t.true(built.changed);
	const seen = new Set(readFileSync(modes, 'utf8').trim().split('\n'));
	t.deepEqual([...seen], ['700']);
	t.deepEqual(readdirSync(tmp), [], 'removed on the way out');
});

test.serial('tls.insecure is warned about on every run; a tls.ca that is not PEM is a clear error naming the setting', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}]);
	patchEnvironment(world, 'staging', {tls: {insecure: true}});
	const insecure = await world.cli(['envs']);
	t.regex(insecure.stderr, /warning: staging: tls\.insecure is set, so the Dashboard's TLS certificate is not checked/);
	const der = join(world.root, 'ca.der');
	writeFileSync(der, Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x82]));
	patchEnvironment(world, 'staging', {tls: {ca: der}});
	const notPem = await world.cli(['envs']);
	t.is(notPem.code, 1);
	t.regex(notPem.stdout + notPem.stderr, /tls\.ca .*ca\.der is not a PEM certificate/);
});
