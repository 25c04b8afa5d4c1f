import {isJsonObject} from '../../core/json.js';

/**
 * The base of one item in one environment: the content hash (of the normalised form a comparison compares) that the
 * last write through tyk-console left on both sides, when it was written, and the Git commit it matches (a dump's
 * new commit, a publish's or rollback's source commit; none for a migration or an undo).
 */
export interface BaseRecord {
	/** null: the write left the item absent on both sides (a delete or prune). */
	readonly hash: string | null;
	readonly time: string;
	readonly commit?: string;
}

/** Base records of one environment by item key (`kind:id`). */
export type BaseEntries = ReadonlyMap<string, BaseRecord>;

/** One record read from JSON, or undefined when the value is not one (a damaged entry is skipped, never guessed). */
export function parseRecord(value: unknown): BaseRecord | undefined {
	if (!isJsonObject(value)) return undefined;
	const record: Record<string, unknown> = value;
	const hash = record['hash'];
	const time = record['time'];
	const commit = record['commit'];
	if (!(hash === null || (typeof hash === 'string' && hash.startsWith('sha256:')))) return undefined;
	if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) return undefined;
	if (commit !== undefined && (typeof commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(commit))) return undefined;
	return {hash, time, ...(commit === undefined ? {} : {commit})};
}

/** The newer of two records (by time; on a tie the second, the one just read or written). */
export function newer(a: BaseRecord | undefined, b: BaseRecord): BaseRecord {
	return a !== undefined && Date.parse(a.time) > Date.parse(b.time) ? a : b;
}

/** Merges record maps, keeping the newest record of every key. */
export function mergeEntries(...all: readonly BaseEntries[]): Map<string, BaseRecord> {
	const out = new Map<string, BaseRecord>();
	for (const entries of all) for (const [key, record] of entries) out.set(key, newer(out.get(key), record));
	return out;
}
