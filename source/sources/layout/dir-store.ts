import {readdir, readFile} from 'node:fs/promises';
import {join, relative, sep} from 'node:path';
import pLimit from 'p-limit';
import type {FileStore} from './file-store.js';

/**
 * A FileStore over a plain directory (the `dir` source without Git, or a work tree read as it is). Paths that would
 * leave the root are refused, so a hostile `.tyk.json` cannot make it read elsewhere.
 */
export class DirectoryStore implements FileStore {
	readonly root: string;
	/** The reader asks for every file at once; bounding open files keeps 3,000-file layouts clear of EMFILE. */
	private readonly limit = pLimit(32);

	constructor(root: string) {
		this.root = root;
	}

	describe(): string {
		return this.root;
	}

	async list(): Promise<string[]> {
		const out: string[] = [];
		const walk = async (dir: string): Promise<void> => {
			const entries = await readdir(dir, {withFileTypes: true});
			for (const entry of entries) {
				if (entry.name === '.git') continue;
				const full = join(dir, entry.name);
				if (entry.isDirectory()) await walk(full);
				else if (entry.isFile()) out.push(relative(this.root, full).split(sep).join('/'));
			}
		};
		await walk(this.root);
		return out.sort();
	}

	async read(path: string): Promise<Buffer | undefined> {
		const parts = path.split('/');
		if (path === '' || path.startsWith('/') || path.includes('\0') || parts.includes('..')) {
			throw new Error(`path ${JSON.stringify(path)} is outside ${this.root}`);
		}
		try {
			return await this.limit(() => readFile(join(this.root, ...parts)));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
			throw error;
		}
	}
}
