import {readFileSync, writeFileSync} from 'node:fs';
import test from 'ava';
import {
	abandonOperation, finishOperation, getOperation, interruptedOperation, recordPreImage, startOperation,
} from '../../../source/sources/journal.js';
import {acquireLock} from '../../../source/sources/lock.js';
import {tempStateDir} from './fixture.js';

const source = 'git main@3f2a1c9';

test('an operation without a finish record is running while its process lives and holds the lock, and interrupted once it is gone or gave up', async (t) => {
	const stateDir = tempStateDir(t);
	const release = await acquireLock(stateDir, 'staging');
	const op = await startOperation(stateDir, {environment: 'staging', action: 'publish', source});
	const running = await getOperation(stateDir, op.id);
	t.is(running?.finishedAt, undefined);
	t.false(running?.interrupted, 'this process still runs it');
	t.is(await interruptedOperation(stateDir, 'staging'), undefined);
	await finishOperation(op);
	t.false((await getOperation(stateDir, op.id))?.interrupted);

	// Given up (its journal failed) by a process that lives on: the lock is released, so it reads as interrupted.
	const given = await startOperation(stateDir, {environment: 'staging', action: 'publish', source});
	await abandonOperation(given);
	t.false((await getOperation(stateDir, given.id))?.interrupted, 'still under the lock');
	await release();
	t.true((await getOperation(stateDir, given.id))?.interrupted);
	t.is((await interruptedOperation(stateDir, 'staging'))?.id, given.id);

	// The same file as a dead process left it: its pid is no longer running (pid 2^22 + 1 is above Linux's pid_max).
	const cut = await startOperation(stateDir, {environment: 'staging', action: 'publish', source});
	await recordPreImage(cut, {kind: 'api', id: 'pay', body: null});
	const [start, ...rest] = readFileSync(cut.file, 'utf8').trim().split('\n');
	writeFileSync(cut.file, [JSON.stringify({...JSON.parse(start!), pid: 4_194_305}), ...rest].join('\n') + '\n');
	const found = await interruptedOperation(stateDir, 'staging');
	t.is(found?.id, cut.id);
	t.true(found?.interrupted);
	await abandonOperation(cut);
	t.true((await getOperation(stateDir, cut.id))?.interrupted, 'abandoned: no finish record');
});

test('an undo names the operation it restores; a journal from before that field is read from its source label', async (t) => {
	const stateDir = tempStateDir(t);
	const publish = await startOperation(stateDir, {environment: 'staging', action: 'publish', source});
	await finishOperation(publish);
	const undo = await startOperation(stateDir, {environment: 'staging', action: 'undo', source: `before ${publish.id}`, undoes: publish.id});
	await finishOperation(undo);
	t.is((await getOperation(stateDir, undo.id))?.undoes, publish.id);
	const old = await startOperation(stateDir, {environment: 'staging', action: 'undo', source: `before ${publish.id}`});
	await finishOperation(old);
	t.is((await getOperation(stateDir, old.id))?.undoes, publish.id);
	t.is((await getOperation(stateDir, publish.id))?.undoes, undefined);
	t.is(await interruptedOperation(stateDir, 'staging'), undefined, 'the last write finished');
});
