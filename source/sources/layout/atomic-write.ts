import {randomBytes} from 'node:crypto';
import {lstat, mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/**
 * Writes a file so readers (tyk-sync, an editor, a concurrent tyk-console) see either the old or the new content,
 * never half a file: write a temporary sibling, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string | Buffer): Promise<void> {
	const folder = dirname(path);
	await mkdir(folder, {recursive: true});
	const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	try {
		await writeFile(temporary, content, {mode: 0o644});
		await rename(temporary, path);
	} catch (error) {
		await rm(temporary, {force: true});
		throw error;
	}
}

/**
 * Refuses, before anything is written, when a folder on the way to one of the targets is a symbolic link. A link
 * committed in a repository (or left in a directory) may point anywhere: writing through it would put files outside
 * the root. `relative` paths use `/` and are relative to `root`.
 */
export async function refuseSymlinkedFolders(root: string, relative: readonly string[]): Promise<void> {
	const linked = new Map<string, boolean>();
	for (const path of relative) {
		const parts = path.split('/').slice(0, -1);
		for (let depth = 1; depth <= parts.length; depth++) {
			const folder = parts.slice(0, depth).join('/');
			if (!linked.has(folder)) {
				let isLink = false;
				try {
					isLink = (await lstat(join(root, ...parts.slice(0, depth)))).isSymbolicLink();
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
				}
				linked.set(folder, isLink);
			}
			if (linked.get(folder)) throw new Error(`refusing to write ${path}: ${folder} in ${root} is a symbolic link (it could point outside)`);
		}
	}
}
