import {randomBytes} from 'node:crypto';
import {lstat, mkdir, open, rename, rm, stat, type FileHandle} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {syncDir} from '../durable.js';
import {removeLeftovers} from '../leftovers.js';

/** Permission bits of an existing file, or undefined when there is none yet. */
async function existingMode(path: string): Promise<number | undefined> {
	try {
		return (await stat(path)).mode & 0o777;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Temporary siblings `writeFileAtomic` makes: `.<name>.<pid>.<8 hex>.tmp`; the pid is the first capture. */
export const temporaryPattern = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Removes the temporary siblings a killed run left in the folders of these targets, before writing them again. */
export async function removeStaleTemporaries(paths: readonly string[]): Promise<void> {
	for (const folder of new Set(paths.map((path) => dirname(path)))) await removeLeftovers(folder, temporaryPattern);
}

/**
 * Writes a file so readers (tyk-sync, an editor, a concurrent tyk-console) see either the old or the new content,
 * never half a file, even after a crash: write a temporary sibling, fsync it, rename it over the target, fsync the
 * directory. An existing file keeps its permission bits (a 0600 or 0755 file stays so); a new one gets 0644 less
 * the umask. On failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(path: string, content: string | Buffer): Promise<void> {
	const folder = dirname(path);
	await mkdir(folder, {recursive: true});
	const mode = await existingMode(path);
	const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	let handle: FileHandle | undefined;
	try {
		handle = await open(temporary, 'wx', mode ?? 0o644);
		await handle.writeFile(content);
		// The umask applied at creation may have taken bits the existing file had.
		if (mode !== undefined) await handle.chmod(mode);
		await handle.sync();
		await handle.close();
		handle = undefined;
		await rename(temporary, path);
	} catch (error) {
		await handle?.close().catch(() => undefined);
		await rm(temporary, {force: true});
		throw error;
	}
	await syncDir(folder);
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
