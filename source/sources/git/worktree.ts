import {git} from './run.js';

/**
 * The work tree that has `fullRef` checked out, if any. Writing a branch behind a work tree's back would make that
 * work tree look as if the user had reverted the dump, so such branches are committed through the work tree.
 */
export async function worktreeFor(repo: string, fullRef: string): Promise<string | undefined> {
	const output = await git(repo, ['worktree', 'list', '--porcelain']);
	for (const block of output.split(/\n\n+/)) {
		const lines = block.split('\n');
		const path = lines.find((line) => line.startsWith('worktree '))?.slice('worktree '.length);
		// A prunable entry's directory is gone: writing there would resurrect a stale checkout.
		if (path === undefined || lines.includes('bare') || lines.some((line) => line.startsWith('prunable'))) continue;
		if (lines.includes(`branch ${fullRef}`)) return path;
	}
	return undefined;
}

/**
 * Which of `paths` have uncommitted changes (staged, unstaged or untracked) in a work tree; a dump must not overwrite
 * someone's edits, so these make the commit refuse.
 */
export async function dirtyPaths(worktree: string, paths: readonly string[]): Promise<string[]> {
	if (paths.length === 0) return [];
	const output = await git(worktree, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
	const records = output.split('\0');
	const dirty: string[] = [];
	for (let index = 0; index < records.length; index++) {
		const record = records[index]!;
		if (record.length < 4) continue;
		dirty.push(record.slice(3));
		// A rename record is followed by its source path, which is not a status line of its own.
		if (record[0] === 'R' || record[0] === 'C') index++;
	}
	return dirty;
}
