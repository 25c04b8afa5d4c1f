import {rm} from 'node:fs/promises';
import {join} from 'node:path';
import {refuseSymlinkedFolders, removeStaleTemporaries, writeFileAtomic} from './atomic-write.js';
import {normalizeDir, resolveInside} from './file-store.js';

/**
 * Store paths (relative to the root) for layout-relative files, refusing the whole batch if any would leave the
 * layout directory: checking before writing anything means a hostile path never causes a partial write.
 */
export function layoutStorePaths(dir: string, relative: readonly string[]): string[] {
	const base = normalizeDir(dir);
	return relative.map((file) => {
		const path = resolveInside(base, file);
		if (path === undefined) throw new Error(`refusing to write outside the layout directory: ${JSON.stringify(file)}`);
		return path;
	});
}

/**
 * Applies a layout write to a plain directory (the `dir` source without Git): every file written atomically, removed
 * files deleted (already-absent ones are fine). Paths are relative to `dir` inside `root`.
 */
export async function writeLayoutToDirectory(
	root: string,
	dir: string,
	files: ReadonlyMap<string, string>,
	remove: readonly string[] = [],
): Promise<{written: string[]; removed: string[]}> {
	const written = layoutStorePaths(dir, [...files.keys()]);
	const removed = layoutStorePaths(dir, remove);
	await refuseSymlinkedFolders(root, [...written, ...removed]);
	await removeStaleTemporaries(written.map((path) => join(root, ...path.split('/'))));
	const contents = [...files.values()];
	for (const [index, path] of written.entries()) await writeFileAtomic(join(root, ...path.split('/')), contents[index]!);
	for (const path of removed) await rm(join(root, ...path.split('/')), {force: true});
	return {written, removed};
}
