import test, {type ExecutionContext} from 'ava';
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {acquireLock, bootId, LockError, lockFile, processStart, type LockInfo} from '../../source/sources/lock.js';
import {startLockHolder} from '../helpers/lock-holder.js';

function stateDir(t: ExecutionContext): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'tyk-console-lock-'));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.on('exit', () => resolve());
	});
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function readLock(dir: string, environment: string): LockInfo {
	return JSON.parse(readFileSync(lockFile(dir, environment), 'utf8')) as LockInfo;
}

test('the lock file holds pid, host and time, and release removes it', async (t) => {
	const dir = stateDir(t);
	const release = await acquireLock(dir, 'staging');
	const info = readLock(dir, 'staging');
	t.is(info.pid, process.pid);
	t.is(info.host, hostname());
	t.false(Number.isNaN(Date.parse(info.time)));
	await release();
	await release();
	t.false(existsSync(lockFile(dir, 'staging')));
	const again = await acquireLock(dir, 'staging');
	await again();
});

test('locks are per environment', async (t) => {
	const dir = stateDir(t);
	const staging = await acquireLock(dir, 'staging');
	const prod = await acquireLock(dir, 'prod');
	t.not(readLock(dir, 'staging').token, readLock(dir, 'prod').token);
	await staging();
	t.true(existsSync(lockFile(dir, 'prod')));
	await prod();
});

test('a lock held by another process is refused with a message naming its pid', async (t) => {
	const dir = stateDir(t);
	const child = await startLockHolder(t, dir, 'prod');
	const error = await t.throwsAsync(acquireLock(dir, 'prod'), {instanceOf: LockError});
	t.regex(error!.message, new RegExp(`^environment "prod" is locked by pid ${child.pid} since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: another tyk-console run is writing to it; wait for it to finish \\(lock file ${escape(lockFile(dir, 'prod'))}\\)$`));
	t.is((error as LockError).holder?.pid, child.pid);
	child.stdin!.end();
	await exited(child);
	const release = await acquireLock(dir, 'prod');
	await release();
});

test('with wait, the lock is taken as soon as the other process releases it', async (t) => {
	const dir = stateDir(t);
	const child = await startLockHolder(t, dir, 'prod');
	const waiting = acquireLock(dir, 'prod', {wait: true, pollMs: 20});
	child.stdin!.end();
	const release = await waiting;
	t.is(readLock(dir, 'prod').pid, process.pid);
	await release();
});

test('a lock left by a killed process is stale and taken over', async (t) => {
	const dir = stateDir(t);
	const child = await startLockHolder(t, dir, 'prod');
	child.kill('SIGKILL');
	await exited(child);
	t.is(readLock(dir, 'prod').pid, child.pid!);
	const release = await acquireLock(dir, 'prod');
	t.is(readLock(dir, 'prod').pid, process.pid);
	await release();
});

test('a lock from another host is never broken; waiting gives up with the same message', async (t) => {
	const dir = stateDir(t);
	const file = lockFile(dir, 'prod');
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, JSON.stringify({pid: 999_999_999, host: 'build-agent-7', time: '2026-11-22T16:30:00.000Z', token: 'x'}));
	const error = await t.throwsAsync(acquireLock(dir, 'prod'), {instanceOf: LockError});
	t.is(error!.message, `environment "prod" is locked by pid 999999999 on host build-agent-7 since 2026-11-22T16:30:00.000Z: `
		+ `another tyk-console run is writing to it; wait for it to finish, or remove ${file} if that run is gone`);
	const waited = await t.throwsAsync(acquireLock(dir, 'prod', {wait: true, timeoutMs: 30, pollMs: 10}), {instanceOf: LockError});
	t.true(waited!.message.endsWith('(gave up after waiting 30 ms)'));
	t.true(existsSync(file));
});

test('a dead pid on this host is stale even when the file was written by hand', async (t) => {
	const dir = stateDir(t);
	const exitedChild = spawn(process.execPath, ['-e', '']);
	await exited(exitedChild);
	const file = lockFile(dir, 'prod');
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, JSON.stringify({pid: exitedChild.pid, host: hostname(), time: '2026-11-22T16:30:00.000Z', token: 'old'}));
	const release = await acquireLock(dir, 'prod');
	t.is(readLock(dir, 'prod').pid, process.pid);
	await release();
});

test('release never removes a lock that is no longer ours', async (t) => {
	const dir = stateDir(t);
	const release = await acquireLock(dir, 'prod');
	const file = lockFile(dir, 'prod');
	writeFileSync(file, JSON.stringify({pid: process.pid, host: hostname(), time: new Date().toISOString(), token: 'someone-else'}));
	await release();
	t.true(existsSync(file));
});

test('an unsafe environment name is refused', async (t) => {
	const error = await t.throwsAsync(acquireLock(stateDir(t), '../etc'), {instanceOf: LockError});
	t.is(error!.message, 'environment name "../etc" is not safe as a file name');
});

test('a lock naming a live pid with another start time (a reused pid) is stale: broken with a note naming the file', async (t) => {
	const dir = stateDir(t);
	const file = lockFile(dir, 'prod');
	mkdirSync(path.dirname(file), {recursive: true});
	const own = readLockInfoOfSelf();
	t.truthy(own.start, 'this platform records the start time');
	writeFileSync(file, JSON.stringify({pid: process.pid, host: hostname(), time: '2026-11-22T16:30:00.000Z', token: 'old', start: '1', boot: own.boot}));
	const notes: string[] = [];
	const release = await acquireLock(dir, 'prod', {onBroken: (note) => notes.push(note)});
	t.is(readLock(dir, 'prod').token !== 'old', true);
	t.is(notes.length, 1);
	t.true(notes[0]!.includes(file) && notes[0]!.includes('reused'), notes[0]);
	await release();
	writeFileSync(file, JSON.stringify({pid: process.pid, host: hostname(), time: '2026-11-22T16:30:00.000Z', token: 'old', start: own.start, boot: 'another-boot'}));
	const again = await acquireLock(dir, 'prod', {onBroken: (note) => notes.push(note)});
	t.regex(notes[1]!, /restarted/);
	await again();
});

function readLockInfoOfSelf(): {start?: string; boot?: string} {
	return {start: processStart(process.pid), boot: bootId()};
}
