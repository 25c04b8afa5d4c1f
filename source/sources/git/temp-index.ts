import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {removeLeftovers} from '../leftovers.js';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pLimit from 'p-limit';
import {git} from './run.js';

/** Blob files written at once while building a commit: enough to keep the disk busy, far below any open-file limit. */
const blobWrites = 32;

export interface BuiltCommit {
	/** The new commit, or the parent when the tree did not change (nothing to commit). */
	readonly commit: string | undefined;
	readonly changed: boolean;
}

/**
 * Builds a commit on top of `parent` without any work tree: a private index file (`GIT_INDEX_FILE`) is filled from
 * the parent tree, the new blobs are hashed in one `hash-object --stdin-paths` call, and `write-tree`/`commit-tree`
 * produce the commit. Nothing outside the object database changes, so a failure leaves no trace.
 */
export async function buildCommit(options: {
	repo: string;
	parent: string | undefined;
	files: ReadonlyMap<string, string>;
	remove: readonly string[];
	message: string;
	env: Readonly<Record<string, string>>;
}): Promise<BuiltCommit> {
	const {repo, parent} = options;
	// A run killed mid-commit leaves its scratch folder (every definition in plain text): removed here, next time.
	await removeLeftovers(tmpdir(), /^tyk-console-index-(\d+)-/);
	const scratch = await mkdtemp(join(tmpdir(), `tyk-console-index-${process.pid}-`));
	await chmod(scratch, 0o700);
	try {
		const env = {...options.env, GIT_INDEX_FILE: join(scratch, 'index')};
		await git(repo, parent ? ['read-tree', parent] : ['read-tree', '--empty'], {env});
		const paths = [...options.files.keys()];
		if (paths.length > 0) {
			// A bounded number of writes at once: a 25,000-item dump opened every file together and failed with EMFILE.
			const write = pLimit(blobWrites);
			const blobFiles = await Promise.all(
				[...options.files.values()].map((content, index) => write(async () => {
					const file = join(scratch, `blob-${index}`);
					await writeFile(file, content);
					return file;
				})),
			);
			const hashes = (await git(repo, ['hash-object', '-w', '--no-filters', '--stdin-paths'], {env, input: `${blobFiles.join('\n')}\n`}))
				.trim()
				.split('\n');
			if (hashes.length !== paths.length) throw new Error(`git hash-object returned ${hashes.length} hashes for ${paths.length} files`);
			const info = paths.map((path, index) => `100644 blob ${hashes[index]!}\t${path}\0`).join('');
			await git(repo, ['update-index', '-z', '--index-info'], {env, input: info});
		}
		if (options.remove.length > 0) {
			await git(repo, ['update-index', '-z', '--force-remove', '--stdin'], {env, input: options.remove.map((path) => `${path}\0`).join('')});
		}
		const tree = (await git(repo, ['write-tree'], {env})).trim();
		if (parent) {
			const parentTree = (await git(repo, ['rev-parse', `${parent}^{tree}`])).trim();
			if (parentTree === tree) return {commit: parent, changed: false};
		}
		const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'];
		const commit = (await git(repo, args, {env, input: options.message})).trim();
		return {commit, changed: true};
	} finally {
		await rm(scratch, {recursive: true, force: true});
	}
}
