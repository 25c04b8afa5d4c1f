import {open} from 'node:fs/promises';

/** Errors of file systems and platforms where a directory cannot be opened for syncing (Windows, some network mounts). */
const unsyncable = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'ENOTSUP', 'EBADF']);

/**
 * Makes a directory entry durable: a new or renamed file survives a crash only once its directory is synced too.
 * Best effort where directories cannot be synced at all; any other failure is thrown.
 */
export async function syncDir(dir: string): Promise<void> {
	let handle;
	try {
		handle = await open(dir, 'r');
		await handle.sync();
	} catch (error) {
		if (!unsyncable.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
	} finally {
		await handle?.close();
	}
}
