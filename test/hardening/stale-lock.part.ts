import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {dirname, join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {lockFile} from '../../source/sources/lock.js';
import {assertNoSecrets, type World} from '../helpers/world.js';
import {worldWithRaisedRates} from './helpers.js';
import {startLockHolder} from '../helpers/lock-holder.js';

/** A committed change to every policy, so a publish has writes to make. */
function changedWorld(t: ExecutionContext): Promise<World> {
	return worldWithRaisedRates(t, {seed: 1});
}

test.serial('stale lock: a lock naming a live but reused pid (another start time) is broken with a note and the publish proceeds; a held lock is refused naming the lock file', async (t) => {
	if (!existsSync('/proc/self/stat')) return void t.pass('no /proc start times on this platform: pid-only detection');
	const boot = existsSync('/proc/sys/kernel/random/boot_id') ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : undefined;
	const world = await changedWorld(t);
	const file = lockFile(world.stateDir, 'staging');
	mkdirSync(dirname(file), {recursive: true});
	// This test's own pid is alive, but it did not take the lock: the recorded start time is from another process.
	writeFileSync(file, JSON.stringify({pid: process.pid, host: hostname(), time: '2026-01-01T00:00:00.000Z', token: 'old', start: '1', ...(boot ? {boot} : {})}));
	const reused = await world.json(['publish', 'staging']);
	t.is(reused.code, 0, reused.stdout + reused.stderr);
	t.true(reused.data.results.some((result: any) => result.status === 'applied'), reused.stdout);
	t.true(reused.stderr.includes(`broke the stale lock ${file}`), reused.stderr);
	t.regex(reused.stderr, /reused/);

	// A live holder (the same lock code, in a running process) is still respected, and the refusal names the file.
	for (const entry of JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8')).policies) {
		const path = join(world.repo, entry.file);
		const body = JSON.parse(readFileSync(path, 'utf8'));
		body.rate = Number(body.rate) + 1;
		writeFileSync(path, JSON.stringify(body, null, 2));
	}
	world.git(['commit', '-q', '-am', 'raise rates again']);
	const child = await startLockHolder(t, world.stateDir, 'staging');
	const snapshot = JSON.stringify(world.emulators['staging']!.store.snapshot());
	const refused = await world.json(['publish', 'staging']);
	t.is(refused.code, 1, refused.stdout + refused.stderr);
	t.regex(refused.stderr, new RegExp(`locked by pid ${child.pid} since \\S+: another tyk-console run is writing to it`));
	t.true(refused.stderr.includes(file), `the message names the lock file: ${refused.stderr}`);
	t.is(JSON.stringify(world.emulators['staging']!.store.snapshot()), snapshot, 'the refused publish wrote nothing');
	child.stdin!.end();
	assertNoSecrets(t, world, [reused.stdout, reused.stderr, refused.stdout, refused.stderr]);
});
