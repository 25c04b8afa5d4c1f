import {lstat, readdir, readFile, realpath} from 'node:fs/promises';
import {dirname, join, relative, sep} from 'node:path';
import pLimit from 'p-limit';
import type {FileStore} from './file-store.js';

/** A path inside `dir` (or `dir` itself); both are real paths. */
function isWithin(dir: string, path: string): boolean {
	return path === dir || path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
}

function missing(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException).code;
	return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A FileStore over a plain directory (the `dir` source without Git, or a work tree read as it is). Paths that would
 * leave the root are refused, so a hostile `.tyk.json` cannot make it read elsewhere; so is a symbolic link (to a file
 * or a folder, the layout folder included) that resolves outside the folder holding it: a Git ref never follows
 * symlinks, and a plain directory must not publish `/etc/...` or another team's definition through one.
 */
export class DirectoryStore implements FileStore {
	readonly root: string;
	/** The reader asks for every file at once; bounding open files keeps 3,000-file layouts clear of EMFILE. */
	private readonly limit = pLimit(32);
	private realRoot: Promise<string> | undefined;

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
			return await this.limit(async () => {
				const real = await this.confined(parts);
				return real === undefined ? undefined : readFile(real);
			});
		} catch (error) {
			if (missing(error)) return undefined;
			throw error;
		}
	}

	/**
	 * Walks `parts` from the real root, resolving each symbolic link on the way and refusing one whose target leaves
	 * the folder that holds it. Returns the real path to read, or undefined when a component does not exist.
	 */
	private async confined(parts: readonly string[]): Promise<string | undefined> {
		this.realRoot ??= realpath(this.root);
		let at = await this.realRoot;
		for (const [index, part] of parts.entries()) {
			if (part === '' || part === '.') continue;
			const next = join(at, part);
			let stats;
			try {
				stats = await lstat(next);
			} catch (error) {
				if (missing(error)) return undefined;
				throw error;
			}
			if (stats.isSymbolicLink()) {
				let target: string;
				try {
					target = await realpath(next);
				} catch (error) {
					if (missing(error)) return undefined;
					throw error;
				}
				if (!isWithin(dirname(next), target)) {
					const link = parts.slice(0, index + 1).join('/');
					throw new Error(`${link} is a symbolic link that resolves outside its folder; it is not followed`);
				}
				at = target;
			} else {
				at = next;
			}
		}
		return at;
	}
}
