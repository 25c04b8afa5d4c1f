import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {removeLeftovers} from '../leftovers.js';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pLimit from 'p-limit';
import {git} from './run.js';

/** Blob files written at once while building a commit: enough to keep the disk busy, far below any open-file limit. */
const blobWrites = 32;

/**
 * From this many blobs a commit's files go into one pack through `git fast-import` rather than one loose object each
 * (git's own fetch keeps fewer than 100 received objects loose, `transfer.unpackLimit`). 25,000 loose objects took
 * 46 s of a 20k dump and made reading them back slow; one pack is written in a few seconds, deltas included.
 */
const packFrom = 100;

/** Each content as one loose object: written to a scratch file, then hashed by one `hash-object --stdin-paths`. */
async function looseBlobs(repo: string, contents: readonly string[], scratch: string, env: Readonly<Record<string, string>>): Promise<string[]> {
	// A bounded number of writes at once: a 25,000-item dump opened every file together and failed with EMFILE.
	const write = pLimit(blobWrites);
	const blobFiles = await Promise.all(contents.map((content, index) => write(async () => {
		const file = join(scratch, `blob-${index}`);
		await writeFile(file, content);
		return file;
	})));
	return (await git(repo, ['hash-object', '-w', '--no-filters', '--stdin-paths'], {env, input: `${blobFiles.join('\n')}\n`})).trim().split('\n');
}

/** The fast-import stream of `contents` as blobs marked 1..n, produced as git reads it. */
function* blobStream(contents: readonly string[]): Generator<string | Buffer> {
	for (const [index, content] of contents.entries()) {
		const bytes = Buffer.from(content, 'utf8');
		yield `blob\nmark :${index + 1}\ndata ${bytes.length}\n`;
		yield bytes;
		yield '\n';
	}
	yield 'done\n';
}

/** Every content into one new pack (`git fast-import`, no scratch files); hashes in order, from its marks file. */
async function packBlobs(repo: string, contents: readonly string[], scratch: string): Promise<string[]> {
	const marks = join(scratch, 'marks');
	await git(repo, ['fast-import', '--quiet', '--done', `--export-marks=${marks}`], {input: blobStream(contents)});
	const hashes = new Array<string>(contents.length).fill('');
	for (const line of (await readFile(marks, 'utf8')).split('\n')) {
		const space = line.indexOf(' ');
		if (space > 1) hashes[Number(line.slice(1, space)) - 1] = line.slice(space + 1);
	}
	return hashes;
}

export interface BuiltCommit {
	/** The new commit, or the parent when the tree did not change (nothing to commit). */
	readonly commit: string | undefined;
	readonly changed: boolean;
}

/**
 * Builds a commit on top of `parent` without any work tree: a private index file (`GIT_INDEX_FILE`) is filled from
 * the parent tree, the new blobs are written as loose objects or, many at once, as one pack, and `write-tree` and
 * `commit-tree` produce the commit. Nothing outside the object database changes, so a failure leaves no trace.
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
			const contents = [...options.files.values()];
			const hashes = contents.length >= packFrom ? await packBlobs(repo, contents, scratch) : await looseBlobs(repo, contents, scratch, env);
			if (hashes.length !== paths.length || hashes.includes('')) {
				throw new Error(`git returned ${hashes.filter((hash) => hash !== '').length} hashes for ${paths.length} files`);
			}
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
