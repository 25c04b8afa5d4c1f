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
