import {mkdir, open, readFile, type FileHandle} from 'node:fs/promises';

/** Journal and audit data hold definition bodies: only the user may enter their directories. */
export const privateDirMode = 0o700;
/** ...and only the user may read their files. */
export const privateFileMode = 0o600;

/** Creates a private directory (and parents) if missing; an existing one keeps its permissions. */
export async function ensurePrivateDir(dir: string): Promise<void> {
	await mkdir(dir, {recursive: true, mode: privateDirMode});
}

/**
 * Writes a whole buffer through an append-mode handle. One write call per line keeps lines whole under O_APPEND;
 * the loop only matters if the kernel ever returns a short write (e.g. a disk filling up).
 */
export async function writeAll(handle: FileHandle, data: string): Promise<void> {
	const buffer = Buffer.from(data, 'utf8');
	let offset = 0;
	while (offset < buffer.length) {
		const {bytesWritten} = await handle.write(buffer, offset, buffer.length - offset, null);
		if (bytesWritten <= 0) throw new Error('journal: the disk accepted no bytes');
		offset += bytesWritten;
	}
}

/** Appends one line as a single O_APPEND write, so concurrent writers (other processes too) never interleave. */
export async function appendLine(file: string, line: string): Promise<void> {
	const handle = await open(file, 'a', privateFileMode);
	try {
		await writeAll(handle, `${line}\n`);
	} finally {
		await handle.close();
	}
}

/**
 * Parses a JSON-lines file, skipping lines that are not JSON: a crash mid-write leaves a torn last line, and that
 * must cost the torn record only, never the file. Returns the parsed values and how many lines were skipped.
 */
export async function readJsonLines(file: string): Promise<{values: unknown[]; skipped: number}> {
	const text = await readFile(file, 'utf8');
	const values: unknown[] = [];
	let skipped = 0;
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		try {
			values.push(JSON.parse(line) as unknown);
		} catch {
			skipped++;
		}
	}
	return {values, skipped};
}
