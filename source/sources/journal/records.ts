import type {Flavor, Kind} from '../../core/item.js';
import {isJsonObject, type JsonObject} from '../../core/json.js';
import type {Action, Direction, StepStatus} from '../../core/plan.js';

/** First line of every operation file: what ran, where, from which source. */
export interface StartRecord {
	readonly type: 'start';
	readonly operation: string;
	readonly time: string;
	readonly environment: string;
	readonly action: Direction;
	/** Readable source, e.g. `git main@3f2a1c9`. */
	readonly source: string;
	readonly user: string;
	/** For an undo: the operation whose pre-images it restores. */
	readonly undoes?: string;
	/**
	 * The process running the operation (pid, host, and on Linux its start time), so a reader can tell an operation
	 * still running from one that was interrupted: both lack a finish record.
	 */
	readonly pid?: number;
	readonly host?: string;
	readonly pidStart?: string;
}

/** The live state of one item just before it was written; `body: null` means it did not exist (a create). */
export interface PreImageRecord {
	readonly type: 'pre-image';
	readonly time: string;
	readonly kind: Kind;
	readonly flavor?: Flavor;
	readonly id: string;
	readonly body: JsonObject | null;
}

/** What happened to one item. */
export interface ResultRecord {
	readonly type: 'result';
	readonly time: string;
	readonly kind: Kind;
	readonly id: string;
	/** The item's name as planned (absent in journals written before names were recorded). */
	readonly name?: string;
	readonly action: Action;
	readonly status: StepStatus;
	readonly error?: string;
}

/** Last line of a completed operation; its absence means the run was interrupted. */
export interface FinishRecord {
	readonly type: 'finish';
	readonly time: string;
	/** For a dump: the commit it made (none for a plain directory or when nothing was written). */
	readonly commit?: string;
	/** For a dump: the first line of that commit's message. */
	readonly subject?: string;
}

/** Any line of an operation file. */
export type JournalRecord = StartRecord | PreImageRecord | ResultRecord | FinishRecord;

const kindNames = new Set(['api', 'policy', 'template']);

function isString(value: unknown): value is string {
	return typeof value === 'string';
}

/**
 * Accepts a parsed line only if it has the shape of a record: a journal written by an older or damaged build must
 * not feed half-formed bodies into an undo.
 */
export function asRecord(value: unknown): JournalRecord | undefined {
	if (!isJsonObject(value) || !isString(value['type']) || !isString(value['time'])) return undefined;
	switch (value['type']) {
		case 'start':
			return isString(value['operation']) && isString(value['environment']) && isString(value['action'])
				&& isString(value['source']) ? value as unknown as StartRecord : undefined;
		case 'pre-image':
			return isString(value['kind']) && kindNames.has(value['kind']) && isString(value['id'])
				&& (value['body'] === null || isJsonObject(value['body'])) ? value as unknown as PreImageRecord : undefined;
		case 'result':
			return isString(value['kind']) && kindNames.has(value['kind']) && isString(value['id'])
				&& isString(value['action']) && isString(value['status']) ? value as unknown as ResultRecord : undefined;
		case 'finish':
			return value as unknown as FinishRecord;
		default:
			return undefined;
	}
}
