import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {mkdir, open, readFile, rename, stat, unlink} from 'node:fs/promises';
import {hostname} from 'node:os';
import path from 'node:path';
import {isEnvironmentName} from '../core/environment-name.js';

/** What a lock file holds: enough for a clear "locked by" message and for stale detection. */
export interface LockInfo {
	readonly pid: number;
	readonly host: string;
	readonly time: string;
	/** Random per acquisition, so release never removes somebody else's lock. */
	readonly token: string;
	/**
	 * When the holder process started (Linux: field 22 of `/proc/PID/stat`, clock ticks since boot), so a PID reused
	 * by an unrelated process (after a reboot or a wrap) is not taken for the holder. Absent where it cannot be read.
	 */
	readonly start?: string;
	/** The boot the holder ran in (Linux: `/proc/sys/kernel/random/boot_id`); a lock from an earlier boot is stale. */
	readonly boot?: string;
}

/** The environment is locked by another run (or the wait for it timed out). */
export class LockError extends Error {
	constructor(message: string, readonly holder?: LockInfo) {
		super(message);
		this.name = 'LockError';
	}
}

/** By default a held lock fails at once: CI should not hang silently behind another run. */
export interface AcquireLockOptions {
	/** Wait for the holder to finish instead of failing at once (default false). */
	readonly wait?: boolean;
	/** How long to wait when `wait` is set (default 60 s). */
	readonly timeoutMs?: number;
	/** Poll interval while waiting (default 100 ms). */
	readonly pollMs?: number;
	/** Told when a stale lock is broken (default: one line on stderr, so the user knows a dead run's lock was removed). */
	readonly onBroken?: (note: string) => void;
}

/** Releases the lock; safe to call more than once. */
export type ReleaseLock = () => Promise<void>;

/** Path of one environment's lock file. */
export function lockFile(stateDir: string, environment: string): string {
	return path.join(stateDir, 'locks', `${environment}.lock`);
}

function parseInfo(text: string): LockInfo | undefined {
	try {
		const value = JSON.parse(text) as Partial<LockInfo>;
		if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.time === 'string' && typeof value.token === 'string') {
			return value as LockInfo;
		}
	} catch {
		// A lock being written right now, or damaged: treated below.
	}
	return undefined;
}

/** The start time of a process (Linux `/proc/PID/stat` field 22), or undefined when it cannot be read. */
export function processStart(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces and parentheses: count fields after its last `)`.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const start = fields[19];
		return start && /^\d+$/.test(start) ? start : undefined;
	} catch {
		return undefined;
	}
}

/** This machine's current boot (Linux), or undefined elsewhere. */
export function bootId(): string | undefined {
	try {
		return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
	} catch {
		return undefined;
	}
}

async function readInfo(file: string): Promise<LockInfo | undefined | 'missing'> {
	try {
		return parseInfo(await readFile(file, 'utf8'));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
		throw error;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
	let handle;
	try {
		handle = await open(file, 'wx', 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		await handle.writeFile(JSON.stringify(info));
	} finally {
		await handle.close();
	}
	return true;
}

/** An unreadable lock file older than this was left by a crash during its own creation. */
const damagedAfterMs = 10_000;

/**
 * Removes a lock whose holder is gone. It is first renamed to a unique name, then checked: if another process
 * broke the same stale lock and took a fresh one in between, the rename caught the fresh one, which is put back.
 */
async function breakStale(file: string, stale: LockInfo | undefined): Promise<void> {
	const aside = `${file}.${randomBytes(4).toString('hex')}.stale`;
	try {
		await rename(file, aside);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
		throw error;
	}
	const moved = await readInfo(aside);
	const same = stale === undefined ? moved === undefined : moved !== 'missing' && moved?.token === stale.token;
	if (same) await unlink(aside).catch(() => undefined);
	else await rename(aside, file).catch(() => undefined);
}

function heldMessage(environment: string, holder: LockInfo | undefined, file: string): string {
	if (!holder) return `environment "${environment}" is locked (lock file ${file} is being written or is damaged)`;
	const where = holder.host === hostname() ? '' : ` on host ${holder.host}`;
	return `environment "${environment}" is locked by pid ${holder.pid}${where} since ${holder.time}: another tyk-console run is writing to it; `
		+ `wait for it to finish${where ? `, or remove ${file} if that run is gone` : ` (lock file ${file})`}`;
}

/**
 * Why a readable lock of this host no longer belongs to a running holder, or undefined while it does: the pid is gone,
 * the machine rebooted since, or the pid now names a process that started at another time (reused).
 */
function staleReason(holder: LockInfo): string | undefined {
	if (!isAlive(holder.pid)) return `pid ${holder.pid} is not running`;
	const boot = bootId();
	if (holder.boot && boot && holder.boot !== boot) return `it was taken before the machine restarted (pid ${holder.pid} was reused)`;
	const start = processStart(holder.pid);
	if (holder.start && start && holder.start !== start) return `pid ${holder.pid} now belongs to another process (reused)`;
	return undefined;
}

async function isStale(file: string, holder: LockInfo | undefined): Promise<boolean> {
	if (holder) return holder.host === hostname() && staleReason(holder) !== undefined;
	try {
		return Date.now() - (await stat(file)).mtimeMs > damagedAfterMs;
	} catch {
		return false;
	}
}

/**
 * Takes the per-environment write lock (`stateDir/locks/<env>.lock`, created with O_EXCL, holding pid, host and
 * time, and on Linux the holder's start time and boot id) so two runs can never interleave writes to one Dashboard. A
 * lock left by a dead process on this host, by an earlier boot, or naming a pid since reused by another process is
 * broken automatically, with a note; one from another host is not (its pid cannot be checked) and the message says
 * so. Every refusal names the lock file.
 * Returns the release function; throws a LockError naming the holder when the lock is taken.
 */
export async function acquireLock(stateDir: string, environment: string, options: AcquireLockOptions = {}): Promise<ReleaseLock> {
	if (!isEnvironmentName(environment)) throw new LockError(`environment name "${environment}" is not safe as a file name`);
	const file = lockFile(stateDir, environment);
	await mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	const start = processStart(process.pid);
	const boot = bootId();
	const info: LockInfo = {
		pid: process.pid, host: hostname(), time: new Date().toISOString(), token: randomBytes(8).toString('hex'),
		...(start ? {start} : {}), ...(boot ? {boot} : {}),
	};
	const note = options.onBroken ?? ((text: string) => void process.stderr.write(`tyk-console: ${text}\n`));
	const deadline = Date.now() + (options.timeoutMs ?? 60_000);
	let unreadable = 0;
	for (;;) {
		if (await tryCreate(file, info)) return release(file, info.token);
		const holder = await readInfo(file);
		if (holder === 'missing') continue;
		// Another process has just created the file and not yet written it: give it a moment.
		if (holder === undefined && unreadable++ < 20 && !(await isStale(file, holder))) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			continue;
		}
		if (await isStale(file, holder)) {
			const reason = holder ? staleReason(holder) : 'it was left unreadable';
			await breakStale(file, holder);
			note(`broke the stale lock ${file}: ${reason ?? 'its holder is gone'}`);
			continue;
		}
		if (!options.wait) throw new LockError(heldMessage(environment, holder, file), holder);
		if (Date.now() >= deadline) {
			throw new LockError(`${heldMessage(environment, holder, file)} (gave up after waiting ${options.timeoutMs ?? 60_000} ms)`, holder);
		}
		await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
	}
}

function release(file: string, token: string): ReleaseLock {
	let released = false;
	return async () => {
		if (released) return;
		released = true;
		const current = await readInfo(file);
		if (current !== 'missing' && current?.token === token) await unlink(file).catch(() => undefined);
	};
}
