import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {assertNoSecrets, type World} from '../helpers/world.js';
import {changedKeys, liveState, patchEnvironment, worldWithRaisedRates} from './helpers.js';

/**
 * A module for `node --import` that fills the disk for the journal: from the `after`+1-th journal line containing
 * `match` on, every write of a journal or audit line fails with ENOSPC, as on a full state disk. Other writes (the
 * lock file) are left alone; the journal writes whole lines through FileHandle.write, which is what is replaced.
 */
function fullDiskPreload(world: World, match: string, after: number): NodeJS.ProcessEnv {
	const file = join(world.root, 'full-disk.mjs');
	writeFileSync(file, `import {open} from 'node:fs/promises';
const probe = await open(${JSON.stringify(file)}, 'r');
const proto = Object.getPrototypeOf(probe);
await probe.close();
const write = proto.write;
let seen = 0;
let full = false;
proto.write = function (buffer, ...rest) {
	const text = Buffer.isBuffer(buffer) ? buffer.toString('utf8', 0, 200) : String(buffer);
	if (text.startsWith('{"type":') || text.startsWith('{"time":')) {
		if (!full && text.includes(${JSON.stringify(match)}) && ++seen > ${after}) full = true;
		if (full) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC', errno: -28, syscall: 'write'}));
	}
	return write.call(this, buffer, ...rest);
};
`);
	return {NODE_OPTIONS: `--import ${pathToFileURL(file).href}`};
}

/** A world whose Git gives every one of 6 policies a new rate; one item at a time, so "after the failure" is exact. */
async function sixPolicyWorld(t: ExecutionContext): Promise<World> {
	const world = await worldWithRaisedRates(t, {seed: 2, seedPolicies: 6, seedTemplates: 0}, 1);
	patchEnvironment(world, 'staging', {concurrency: 1});
	return world;
}

const cases = [
	{name: 'the third pre-image', match: '"type":"pre-image"', after: 2, applied: 2},
	{name: 'the second result record', match: '"type":"result"', after: 1, applied: 2},
	{name: 'the second audit line', match: '{"time":', after: 1, applied: 2},
];

for (const c of cases) {
	test(`journal full at ${c.name}: writing stops at once, every item has a result, exit 3, the message names the state dir, and undo restores afterwards`, async (t) => {
		const world = await sixPolicyWorld(t);
		const emulator = world.emulators['staging']!;
		const key = String(world.env['TYK_E2E_KEY_STAGING']);
		const before = await liveState(emulator.url, key);

		const run = await world.cli(['publish', 'staging', '--yes', '--json'], {env: fullDiskPreload(world, c.match, c.after)});
		t.is(run.code, 3, run.stdout + run.stderr);
		const data = JSON.parse(run.stdout);
		const writes = data.results.filter((r: any) => r.action !== 'skip');
		t.is(writes.length, 6, 'every item to write has its result');
		const applied = writes.filter((r: any) => r.status === 'applied');
		t.is(applied.length, c.applied, JSON.stringify(writes));
		for (const r of writes.filter((entry: any) => entry.status !== 'applied')) {
			t.regex(r.error, /^not written: /, JSON.stringify(r));
			t.true(r.error.includes(world.stateDir), r.error);
		}
		t.true(data.journalError.includes(world.stateDir), data.journalError);
		t.regex(data.journalError, /ENOSPC/);
		t.true(run.stderr.includes(world.stateDir), run.stderr);
		// Nothing was written after the failure: exactly the applied items changed.
		const changed = changedKeys(before, await liveState(emulator.url, key));
		t.deepEqual(changed, applied.map((r: any) => `policy:${r.id}`).sort());

		// With room again, the interrupted publish is undone from its pre-images.
		const undo = await world.json(['undo', 'staging', '--yes']);
		t.is(undo.code, 0, undo.stdout + undo.stderr);
		t.deepEqual(changedKeys(before, await liveState(emulator.url, key)), []);
		assertNoSecrets(t, world, [run.stdout, run.stderr, undo.stdout, undo.stderr, world.stateText()]);
	});
}
