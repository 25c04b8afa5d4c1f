import {posix} from 'node:path';

/**
 * Read-only view of a tree of files (a Git ref or a plain directory). The layout reader works on this alone, so the
 * same code reads a branch, an old commit or a folder, and tests can use any of them.
 */
export interface FileStore {
	/** Human description for messages, e.g. `/repo @ main (3f2a1c9)` or `/srv/tyk`. */
	describe(): string;
	/** Every file, as paths relative to the store root with `/` separators. */
	list(): Promise<string[]>;
	/** File content, or undefined when there is no such file. */
	read(path: string): Promise<Buffer | undefined>;
	/**
	 * Optional bulk read: hands each file's content (undefined when there is no such file) to `visit` with its index in
	 * `paths`, in any order, and resolves when all are visited; `content` is only valid during the call. A store that
	 * streams (a Git ref) lets a 25,000-file layout be parsed as it arrives instead of through one promise per file.
	 */
	readEach?(paths: readonly string[], visit: (index: number, content: Buffer | undefined) => void): Promise<void>;
}

/** What reading one file gave: its content, undefined when there is no such file, or why it could not be read. */
export type FileRead = Buffer | undefined | Error;

/**
 * Reads every path of `paths` from `store`, calling `visit` once per path: through the store's `readEach` when it has
 * one (a failure of that pass is reported on every path it had not visited yet), else one `read` per path.
 */
export async function readEachFile(store: FileStore, paths: readonly string[], visit: (index: number, read: FileRead) => void): Promise<void> {
	const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
	if (store.readEach) {
		const visited = new Uint8Array(paths.length);
		// An error thrown by `visit` itself is a bug to surface, not a file that could not be read.
		let thrown: {error: unknown} | undefined;
		try {
			await store.readEach(paths, (index, content) => {
				visited[index] = 1;
				try {
					visit(index, content);
				} catch (error) {
					thrown = {error};
					throw error;
				}
			});
		} catch (error) {
			if (thrown) throw thrown.error;
			for (let index = 0; index < paths.length; index++) if (visited[index] === 0) visit(index, asError(error));
		}
		return;
	}
	await Promise.all(paths.map(async (path, index) => {
		let read: FileRead;
		try {
			read = await store.read(path);
		} catch (error) {
			read = asError(error);
		}
		visit(index, read);
	}));
}

/**
 * Joins a layout-relative path onto the layout directory and returns the store path, or undefined when the result
 * would leave the directory (absolute paths, `..` escapes, NUL). This is the one gate that keeps `.tyk.json` entries
 * and hostile IDs from reaching files outside the layout.
 */
export function resolveInside(dir: string, file: string): string | undefined {
	if (file === '' || file.includes('\0') || file.includes('\\')) return undefined;
	if (file.startsWith('/') || /^[a-zA-Z]:/.test(file)) return undefined;
	const base = normalizeDir(dir);
	const joined = posix.normalize(posix.join(base === '' ? '.' : base, file));
	if (joined === '.' || joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
	if (base !== '' && !joined.startsWith(`${base}/`)) return undefined;
	return joined;
}

/** `''` for the store root; otherwise a clean relative directory without leading `./` or trailing `/`. */
export function normalizeDir(dir: string): string {
	const slashed = dir.replaceAll('\\', '/');
	const clean = posix.normalize(slashed).replace(/\/+$/, '');
	if (slashed.startsWith('/') || clean === '..' || clean.startsWith('../')) {
		throw new Error(`layout directory must be relative to the repository root: ${JSON.stringify(dir)}`);
	}
	return clean === '.' ? '' : clean;
}

/** Store path of the index file for a layout directory. */
export function indexPath(dir: string): string {
	const base = normalizeDir(dir);
	return base === '' ? '.tyk.json' : `${base}/.tyk.json`;
}
