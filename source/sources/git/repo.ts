import {stat} from 'node:fs/promises';
import {runGit} from './run.js';

/** A ref or repository problem the user must fix (typo in config, wrong path); the message names both. */
export class GitRefError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GitRefError';
	}
}

/**
 * Fails early with a plain sentence when the configured path is missing or not a Git repository, instead of letting
 * a later git command fail with a confusing message.
 */
export async function assertRepository(repo: string): Promise<void> {
	const info = await stat(repo).catch(() => undefined);
	if (!info?.isDirectory()) throw new GitRefError(`repository path does not exist or is not a directory: ${repo}`);
	const result = await runGit(repo, ['rev-parse', '--git-dir']);
	if (result.code !== 0) throw new GitRefError(`not a Git repository: ${repo}`);
}

/** Refuses refs that could be read as options or break line-based git protocols, before any git call. */
export function checkRefSyntax(ref: string, repo: string): void {
	if (ref === '' || ref.startsWith('-') || ref.includes('\0') || /[\r\n]/.test(ref)) {
		throw new GitRefError(`invalid ref ${JSON.stringify(ref)} in ${repo}`);
	}
}

/**
 * Resolves any ref (branch, tag, commit, `HEAD~2`) to a commit hash, so a whole read sees one immutable snapshot even
 * if the branch moves meanwhile.
 */
export async function resolveCommit(repo: string, ref: string): Promise<string> {
	checkRefSyntax(ref, repo);
	// One spawn on the common path; the repository is only diagnosed when resolving fails, to name the real cause.
	const result = await runGit(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => undefined);
	const hash = result?.stdout.toString('utf8').trim() ?? '';
	if (result?.code === 0 && hash !== '') return hash;
	await assertRepository(repo);
	throw new GitRefError(`unknown ref ${JSON.stringify(ref)} in ${repo}`);
}

/** Current commit of a full ref name, or undefined when the ref does not exist yet (new branch, empty repository). */
export async function readRef(repo: string, fullRef: string): Promise<string | undefined> {
	const result = await runGit(repo, ['rev-parse', '--verify', '--quiet', `${fullRef}^{commit}`]);
	const hash = result.stdout.toString('utf8').trim();
	return result.code === 0 && hash !== '' ? hash : undefined;
}

async function refExists(repo: string, fullRef: string): Promise<boolean> {
	return (await runGit(repo, ['show-ref', '--verify', '--quiet', fullRef])).code === 0;
}

/**
 * Turns a configured `branch` into `refs/heads/<name>` for writing. Dumps must land on a branch: committing "to" a tag
 * or a commit hash would silently detach history, so those are refused with a clear message.
 */
export async function branchRef(repo: string, branch: string): Promise<string> {
	checkRefSyntax(branch, repo);
	await assertRepository(repo);
	let name = branch;
	if (branch === 'HEAD') {
		// "the current branch": fine to write to, as long as HEAD is not detached.
		const symbolic = await runGit(repo, ['symbolic-ref', '-q', 'HEAD']);
		const target = symbolic.stdout.toString('utf8').trim();
		if (symbolic.code !== 0 || !target.startsWith('refs/heads/')) throw new GitRefError(`cannot commit to HEAD in ${repo}: it is detached, not on a branch`);
		return target;
	}
	if (branch.startsWith('refs/heads/')) name = branch.slice('refs/heads/'.length);
	else if (branch.startsWith('refs/')) throw new GitRefError(`cannot commit to ${JSON.stringify(branch)} in ${repo}: it is not a branch`);
	const full = `refs/heads/${name}`;
	if (await refExists(repo, full)) return full;
	if (await refExists(repo, `refs/tags/${name}`)) {
		throw new GitRefError(`cannot commit to ${JSON.stringify(branch)} in ${repo}: it is a tag, not a branch`);
	}
	if ((await readRef(repo, name)) !== undefined) {
		throw new GitRefError(`cannot commit to ${JSON.stringify(branch)} in ${repo}: it names a commit, not a branch`);
	}
	const check = await runGit(repo, ['check-ref-format', '--branch', name]);
	if (check.code !== 0) throw new GitRefError(`invalid branch name ${JSON.stringify(branch)} in ${repo}`);
	return full;
}
