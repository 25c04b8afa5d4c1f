import {runGit} from './run.js';

/** One commit: its hash and subject line. */
export interface CommitLine {
	readonly commit: string;
	readonly subject: string;
}

/**
 * The newest commit on `head` that touched `path` (repository-relative) after `since` (all of history when absent):
 * the Git change a dump would overwrite. Undefined when there is none, or either commit is unknown here.
 */
export async function lastChange(repo: string, head: string, path: string, since?: string): Promise<CommitLine | undefined> {
	const range = since ? [head, `^${since}`] : [head];
	const result = await runGit(repo, ['log', '-1', '--format=%H%x1f%s', ...range, '--', path]);
	if (result.code !== 0) return undefined;
	const [commit = '', subject = ''] = result.stdout.toString('utf8').trim().split('\x1f');
	return commit === '' ? undefined : {commit, subject};
}
