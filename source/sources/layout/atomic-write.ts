import {randomBytes} from 'node:crypto';
import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
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
