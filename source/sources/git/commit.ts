import {readFile, rm} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {acquireLock, lockFile, LockError, type ReleaseLock} from '../lock.js';
import {refuseSymlinkedFolders, removeStaleTemporaries, writeFileAtomic} from '../layout/atomic-write.js';
import {layoutStorePaths} from '../layout/dir-writer.js';
import {identityEnv} from './identity.js';
import {branchRef, readRef} from './repo.js';
import {git, runGit} from './run.js';
import {buildCommit} from './temp-index.js';
import {dirtyPaths, worktreeFor} from './worktree.js';

export interface CommitOptions {
	/** Repository top-level directory (or a bare repository). */
	readonly repo: string;
	/** Branch name (`main` or `refs/heads/main`); created when absent. Tags and commits are refused. */
	readonly branch: string;
	/** Layout directory inside the repository; `files` and `remove` are relative to it. */
	readonly dir: string;
	readonly files: ReadonlyMap<string, string>;
	readonly remove?: readonly string[];
	readonly message: string;
	readonly push?: boolean;
	/** Remote for `push`; default `origin`. */
	readonly remote?: string;
	/**
	 * The branch commit the files were computed from (`null`: the branch did not exist). When given, changes made
	 * since then to the same paths make the commit refuse, so a plan built on a stale `.tyk.json` cannot drop
	 * entries someone else added; changes to other paths are kept.
	 */
	readonly base?: string | null;
	/** Called just before the ref moves (temporary-index mode); lets callers report progress and tests race it. */
	readonly beforeRefUpdate?: () => Promise<void>;
}

export interface CommitResult {
	/** The branch head after the call (the new commit, or `previous` when nothing changed). */
	readonly commit: string | undefined;
	readonly previous: string | undefined;
	/** Full ref name, e.g. `refs/heads/main`. */
	readonly branch: string;
	/** False when the files already had exactly this content: no empty commit is made. */
	readonly changed: boolean;
	readonly mode: 'worktree' | 'temporary-index';
	readonly pushed: boolean;
	/** Why the push failed, when it did; the commit itself stands. Credentials in URLs are redacted. */
	readonly pushError?: string;
}

/** The branch's work tree has uncommitted changes in files the dump would write; `paths` lists them. */
export class DirtyWorktreeError extends Error {
	readonly paths: readonly string[];
	constructor(worktree: string, paths: readonly string[]) {
		super(`refusing to commit: ${worktree} has uncommitted changes in ${paths.join(', ')}`);
		this.name = 'DirtyWorktreeError';
		this.paths = paths;
	}
}

/** Someone else moved the branch and touched the same files; nothing was committed, so nothing of theirs is lost. */
export class ConcurrentUpdateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConcurrentUpdateError';
	}
}

const maxAttempts = 3;

/** Paths changed between two commits among `paths`; what decides whether someone else's commit collides with ours. */
async function changedBetween(repo: string, from: string, to: string, paths: readonly string[]): Promise<string[]> {
	return (await git(repo, ['diff', '--name-only', '-z', from, to, '--', ...paths])).split('\0').filter(Boolean);
}

async function checkBase(options: CommitOptions, fullRef: string, paths: readonly string[]): Promise<void> {
	if (options.base === undefined) return;
	const current = await readRef(options.repo, fullRef);
	if (current === (options.base ?? undefined)) return;
	if (options.base === null || current === undefined) {
		throw new ConcurrentUpdateError(`${fullRef} in ${options.repo} was ${current ? 'created' : 'deleted'} by someone else since the dump was planned; nothing was committed, reload and retry`);
	}
	const overlap = await changedBetween(options.repo, options.base, current, paths);
	if (overlap.length > 0) {
		throw new ConcurrentUpdateError(`${fullRef} in ${options.repo} moved from ${options.base.slice(0, 7)} to ${current.slice(0, 7)} with changes to ${overlap.join(', ')} since the dump was planned; nothing was committed, reload and retry`);
	}
}

/**
 * The dirty paths that would lose someone's edits. A path that already holds exactly what this commit writes (or is
 * already gone when it removes it) is not one: a dump killed between writing its files and committing leaves such
 * paths, and the re-run must be able to finish that commit instead of refusing forever.
 */
async function conflictingPaths(worktree: string, dirty: readonly string[], wanted: ReadonlyMap<string, string>): Promise<string[]> {
	const conflicts: string[] = [];
	for (const path of dirty) {
		const content = wanted.get(path);
		let current: string | undefined;
		try {
			current = await readFile(join(worktree, ...path.split('/')), 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
		if (current !== content) conflicts.push(path);
	}
	return conflicts;
}

async function commitInWorktree(options: CommitOptions, worktree: string, fullRef: string, paths: string[], removed: string[], env: Record<string, string>): Promise<Omit<CommitResult, 'pushed'>> {
	const all = [...paths, ...removed];
	const contents = [...options.files.values()];
	const wanted = new Map(paths.map((path, index) => [path, contents[index]!]));
	const dirty = await conflictingPaths(worktree, await dirtyPaths(worktree, all), wanted);
	if (dirty.length > 0) throw new DirtyWorktreeError(worktree, dirty);
	await refuseSymlinkedFolders(worktree, all);
	await removeStaleTemporaries(paths.map((path) => join(worktree, ...path.split('/'))));
	const previous = await readRef(worktree, fullRef);
	for (const [index, path] of paths.entries()) await writeFileAtomic(join(worktree, ...path.split('/')), contents[index]!);
	for (const path of removed) await rm(join(worktree, ...path.split('/')), {force: true});
	const pathspec = all.map((path) => `${path}\0`).join('');
	await git(worktree, ['update-index', '-z', '--add', '--remove', '--stdin'], {input: pathspec});
	const changedPaths = (await git(worktree, ['diff', '--cached', '--name-only', '-z', ...(previous ? [previous] : []), '--', ...all]))
		.split('\0')
		.filter((path) => path !== '');
	if (changedPaths.length === 0) return {commit: previous, previous, branch: fullRef, changed: false, mode: 'worktree'};
	await git(worktree, ['commit', '--quiet', '--only', '--cleanup=whitespace', '-F', '-', '--', ...changedPaths], {env, input: options.message});
	return {commit: await readRef(worktree, fullRef), previous, branch: fullRef, changed: true, mode: 'worktree'};
}

async function commitDetached(options: CommitOptions, fullRef: string, paths: string[], removed: string[], env: Record<string, string>): Promise<Omit<CommitResult, 'pushed'>> {
	const files = new Map([...options.files.values()].map((content, index) => [paths[index]!, content]));
	let previous = await readRef(options.repo, fullRef);
	for (let attempt = 1; ; attempt++) {
		const built = await buildCommit({repo: options.repo, parent: previous, files, remove: removed, message: options.message, env});
		if (!built.changed) return {commit: previous, previous, branch: fullRef, changed: false, mode: 'temporary-index'};
		await options.beforeRefUpdate?.();
		const reflog = `tyk-console: ${options.message.split('\n')[0] ?? ''}`;
		const moved = await runGit(options.repo, ['update-ref', '-m', reflog, fullRef, built.commit!, previous ?? ''], {env});
		if (moved.code === 0) return {commit: built.commit, previous, branch: fullRef, changed: true, mode: 'temporary-index'};
		const now = await readRef(options.repo, fullRef);
		if (now === previous) throw new ConcurrentUpdateError(`cannot move ${fullRef} in ${options.repo}: ${moved.stderr.trim()}`);
		if (previous === undefined || now === undefined) {
			throw new ConcurrentUpdateError(`${fullRef} in ${options.repo} was created or deleted by someone else meanwhile; nothing was committed, retry`);
		}
		const overlap = await changedBetween(options.repo, previous, now, [...paths, ...removed]);
		if (overlap.length > 0) {
			throw new ConcurrentUpdateError(`${fullRef} in ${options.repo} moved from ${previous.slice(0, 7)} to ${now.slice(0, 7)} with changes to ${overlap.join(', ')}; nothing was committed, reload and retry`);
		}
		if (attempt >= maxAttempts) throw new ConcurrentUpdateError(`${fullRef} in ${options.repo} keeps moving; nothing was committed, retry later`);
		// Their commit touched other files only: rebuild ours on top of it, so both survive.
		previous = now;
	}
}

/** How long a dump waits for another dump into the same repository before giving up. */
const repositoryLockWaitMs = 120_000;

/**
 * Takes the repository's dump lock (`<git common dir>/tyk-console/locks/dump.lock`): two dumps into one repository
 * (two environments on one branch, or two branches checked out in worktrees of it) run one after the other, so one
 * dump's files can never land in the other's commit. The lock lives in the repository, not the state directory, so
 * runs with different configs share it too.
 */
async function lockRepository(repo: string): Promise<ReleaseLock> {
	const common = resolve(repo, (await git(repo, ['rev-parse', '--git-common-dir'])).trim());
	try {
		return await acquireLock(join(common, 'tyk-console'), 'dump', {wait: true, timeoutMs: repositoryLockWaitMs});
	} catch (error) {
		if (!(error instanceof LockError)) throw error;
		const holder = error.holder ? ` (pid ${error.holder.pid} since ${error.holder.time})` : '';
		throw new LockError(`another dump into ${repo} is still running${holder} after ${repositoryLockWaitMs / 1000} s; nothing was committed (lock file ${lockFile(join(common, 'tyk-console'), 'dump')})`, error.holder);
	}
}

/**
 * Commits layout files to a branch, under the repository's dump lock. If the branch is checked out, the files are
 * written (atomically) in that work tree and only those paths are committed, refusing when they have uncommitted
 * changes. Otherwise the commit is built with a temporary index and the ref moves by compare-and-swap, so no work
 * tree is touched and a concurrent commit is never overwritten. Pushes only when asked.
 */
export async function commitToBranch(options: CommitOptions): Promise<CommitResult> {
	// The target is checked before waiting for the lock: a tag or a bad name is refused at once.
	await branchRef(options.repo, options.branch);
	const release = await lockRepository(options.repo);
	try {
		return await commitLocked(options);
	} finally {
		await release();
	}
}

async function commitLocked(options: CommitOptions): Promise<CommitResult> {
	const fullRef = await branchRef(options.repo, options.branch);
	const paths = layoutStorePaths(options.dir, [...options.files.keys()]);
	const removed = layoutStorePaths(options.dir, options.remove ?? []).filter((path) => !paths.includes(path));
	await checkBase(options, fullRef, [...paths, ...removed]);
	const env = await identityEnv(options.repo);
	const worktree = await worktreeFor(options.repo, fullRef);
	const result = worktree
		? await commitInWorktree(options, worktree, fullRef, paths, removed, env)
		: await commitDetached(options, fullRef, paths, removed, env);
	if (!options.push) return {...result, pushed: false};
	const remote = options.remote ?? 'origin';
	if (remote === '' || remote.startsWith('-')) throw new Error(`invalid remote name ${JSON.stringify(remote)}`);
	const pushed = await runGit(options.repo, ['push', '--quiet', remote, `${fullRef}:${fullRef}`]);
	if (pushed.code === 0) return {...result, pushed: true};
	return {...result, pushed: false, pushError: `git push ${remote} failed: ${pushed.stderr.trim() || `exit code ${String(pushed.code)}`}`};
}
