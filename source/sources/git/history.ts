import type {ItemSet} from '../../core/item.js';
import {normalizeDir} from '../layout/file-store.js';
import {readLayout} from '../layout/reader.js';
import {CatFileBatch} from './cat-file.js';
import {withGitStore} from './ref-store.js';
import {resolveCommit} from './repo.js';
import {git} from './run.js';

/** One commit that changed an item's file: what the history screen lists and rollback picks from. */
export interface Revision {
	readonly commit: string;
	/** Author date, ISO 8601 with offset. */
	readonly date: string;
	/** `Name <email>`. */
	readonly author: string;
	readonly subject: string;
}

/**
 * Commits on `ref` that touched `path` (repository-relative), newest first. A plain path filter, not `--follow`:
 * tyk-sync layouts name files after IDs, so a file's history is the item's history.
 */
export async function itemHistory(options: {repo: string; ref: string; path: string; limit?: number}): Promise<Revision[]> {
	const commit = await resolveCommit(options.repo, options.ref);
	const args = ['log', '-z', '--format=%H%x1f%aI%x1f%an <%ae>%x1f%s', ...(options.limit ? [`-n${options.limit}`] : []), commit, '--', options.path];
	const output = await git(options.repo, args);
	return output
		.split('\0')
		.filter((record) => record.trim() !== '')
		.map((record) => {
			const [hash = '', date = '', author = '', subject = ''] = record.replace(/^\n/, '').split('\x1f');
			return {commit: hash, date, author, subject};
		});
}

/** A file as it was at any revision, or undefined when it did not exist there; an unknown revision is an error. */
export async function readAtRevision(repo: string, rev: string, path: string): Promise<Buffer | undefined> {
	const commit = await resolveCommit(repo, rev);
	const batch = new CatFileBatch(repo);
	try {
		return await batch.read(`${commit}:${path}`);
	} finally {
		await batch.close();
	}
}

/**
 * The whole layout at any ref or revision, with the commit it resolved to: the one-call way to read the Git side
 * (branch vs live) as well as an older commit (rollback previews). Only the layout folder is listed.
 */
export async function readLayoutAtRevision(repo: string, rev: string, dir: string): Promise<ItemSet & {commit: string}> {
	return withGitStore({repo, ref: rev, under: normalizeDir(dir)}, async (store) => ({...(await readLayout(store, dir)), commit: store.commit}));
}
