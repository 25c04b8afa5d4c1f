import type {FileStore} from '../layout/file-store.js';
import {CatFileBatch} from './cat-file.js';
import {assertRepository, checkRefSyntax, GitRefError} from './repo.js';
import {git} from './run.js';

/**
 * A FileStore over one commit of a repository: the tree comes from `git ls-tree` and contents from one
 * `git cat-file --batch` process, so reading never touches (or sees) the work tree and never checks anything out.
 */
export class GitRefStore implements FileStore {
	/** The commit the ref resolved to when the store was opened; every read sees exactly this snapshot. */
	readonly commit: string;
	readonly repo: string;
	readonly ref: string;
	private readonly blobs: ReadonlyMap<string, string>;
	private batch: CatFileBatch | undefined;

	private constructor(repo: string, ref: string, commit: string, blobs: ReadonlyMap<string, string>, batch: CatFileBatch) {
		this.repo = repo;
		this.ref = ref;
		this.commit = commit;
		this.blobs = blobs;
		this.batch = batch;
	}

	/**
	 * Resolves `ref` (branch, tag, commit) and lists its tree. `under` limits the listing to one sub-directory, which
	 * keeps large monorepos cheap when only the layout folder matters.
	 */
	static async open(options: {repo: string; ref: string; under?: string}): Promise<GitRefStore> {
		// The ref resolves through the cat-file process the reads need anyway: one spawn fewer than `rev-parse`.
		const batch = new CatFileBatch(options.repo);
		let commit: string;
		let output: string;
		try {
			checkRefSyntax(options.ref, options.repo);
			const resolved = await batch.resolve(`${options.ref}^{commit}`, 'commit').catch(() => undefined);
			if (resolved === undefined) {
				await assertRepository(options.repo);
				throw new GitRefError(`unknown ref ${JSON.stringify(options.ref)} in ${options.repo}`);
			}
			commit = resolved;
			const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
			if (options.under && options.under !== '' && options.under !== '.') args.push('--', options.under);
			output = await git(options.repo, args);
		} catch (error) {
			await batch.close();
			throw error;
		}
		const blobs = new Map<string, string>();
		for (const record of output.split('\0')) {
			if (record === '') continue;
			const tab = record.indexOf('\t');
			const [mode, type, hash] = record.slice(0, tab).split(' ');
			// Symlinks (120000) hold a target path, not file content; submodules are commits. Neither is a layout file.
			if (type !== 'blob' || mode === '120000' || !hash) continue;
			blobs.set(record.slice(tab + 1), hash);
		}
		return new GitRefStore(options.repo, options.ref, commit, blobs, batch);
	}

	describe(): string {
		return `${this.repo} @ ${this.ref} (${this.commit.slice(0, 7)})`;
	}

	async list(): Promise<string[]> {
		return [...this.blobs.keys()];
	}

	async read(path: string): Promise<Buffer | undefined> {
		const hash = this.blobs.get(path);
		if (hash === undefined) return undefined;
		this.batch ??= new CatFileBatch(this.repo);
		return this.batch.read(hash);
	}

	/** Many files through one pass of the cat-file pipe, each handed to `visit` as it arrives (see `FileStore.readEach`). */
	async readEach(paths: readonly string[], visit: (index: number, content: Buffer | undefined) => void): Promise<void> {
		const hashes: string[] = [];
		const at: number[] = [];
		for (const [index, path] of paths.entries()) {
			const hash = this.blobs.get(path);
			if (hash === undefined) {
				visit(index, undefined);
			} else {
				hashes.push(hash);
				at.push(index);
			}
		}
		this.batch ??= new CatFileBatch(this.repo);
		await this.batch.readEach(hashes, (index, body) => visit(at[index]!, body));
	}

	/** Stops the cat-file process; reads after this start a new one, so closing early is always safe. */
	async close(): Promise<void> {
		const batch = this.batch;
		this.batch = undefined;
		await batch?.close();
	}
}

/** Opens a store, hands it to `use`, and always closes it: the usual way to read a layout at a ref. */
export async function withGitStore<T>(
	options: {repo: string; ref: string; under?: string},
	use: (store: GitRefStore) => Promise<T>,
): Promise<T> {
	const store = await GitRefStore.open(options);
	try {
		return await use(store);
	} finally {
		await store.close();
	}
}
