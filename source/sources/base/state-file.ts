import {readFile, rename} from 'node:fs/promises';
import {join} from 'node:path';
import {isJsonObject} from '../../core/json.js';
import {writeFileAtomic} from '../layout/atomic-write.js';
import {ensurePrivateDir} from '../journal/files.js';
import {acquireLock} from '../lock.js';
import {mergeEntries, parseRecord, type BaseEntries, type BaseRecord} from './records.js';

/** A base file that exists but cannot be read as one; the message names the file. Nothing in it is deleted. */
export class BaseFileError extends Error {
	readonly file: string;
	constructor(file: string, reason: string) {
		super(`the base file ${file} cannot be read (${reason}): origins there are unknown until it is fixed or the next write replaces it (the damaged file is then kept beside it)`);
		this.name = 'BaseFileError';
		this.file = file;
	}
}

/** Where one environment's base lives: `stateDir/base/<environment>.json` (environment names are safe file names). */
export function baseFile(stateDir: string, environment: string): string {
	return join(stateDir, 'base', `${environment}.json`);
}

/**
 * The base records of one environment from the state directory: empty when there is no file yet; a file that is
 * not JSON (a partial write by another program, a disk error) or not a base file throws a BaseFileError naming it.
 */
export async function readStateBase(stateDir: string, environment: string): Promise<Map<string, BaseRecord>> {
	const file = baseFile(stateDir, environment);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
		throw new BaseFileError(file, (error as Error).message);
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new BaseFileError(file, `not JSON: ${(error as Error).message}`);
	}
	if (!isJsonObject(value) || value['version'] !== 1 || !isJsonObject(value['items'])) throw new BaseFileError(file, 'not a tyk-console base file (version 1 with items)');
	const out = new Map<string, BaseRecord>();
	for (const [key, entry] of Object.entries(value['items'])) {
		const record = parseRecord(entry);
		if (record) out.set(key, record);
	}
	return out;
}

/** What a write of base records did beside writing them: a damaged file it moved aside, named for the user. */
export interface BaseWriteNote {
	readonly keptAs?: string;
}

/**
 * Adds records to an environment's base file, under a lock (`stateDir/base/locks/<env>.lock`) so two runs never
 * lose each other's records, keeping the newest record per item, and writes it durably (temporary file, fsync,
 * rename, directory fsync) in the private state directory. A damaged file is renamed aside (`<file>.damaged-<time>`),
 * never overwritten, and the note says where it went.
 */
export async function writeStateBase(stateDir: string, environment: string, records: BaseEntries): Promise<BaseWriteNote> {
	const dir = join(stateDir, 'base');
	await ensurePrivateDir(dir);
	const release = await acquireLock(dir, environment, {wait: true, timeoutMs: 30_000});
	try {
		const file = baseFile(stateDir, environment);
		let existing: Map<string, BaseRecord> = new Map();
		let keptAs: string | undefined;
		try {
			existing = await readStateBase(stateDir, environment);
		} catch (error) {
			if (!(error instanceof BaseFileError)) throw error;
			keptAs = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '')}`;
			await rename(file, keptAs);
		}
		const merged = mergeEntries(existing, records);
		const items = Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		await writeFileAtomic(file, `${JSON.stringify({version: 1, environment, items}, null, 1)}\n`);
		return keptAs ? {keptAs} : {};
	} finally {
		await release();
	}
}
