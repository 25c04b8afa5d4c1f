import {readdir, readFile} from 'node:fs/promises';
import {hostname} from 'node:os';
import path from 'node:path';
import type {Flavor, Kind} from '../../core/item.js';
import type {JsonObject} from '../../core/json.js';
import type {Direction} from '../../core/plan.js';
import {lockFile, processStart} from '../lock.js';
import {readJsonLines} from './files.js';
import {operationIdPattern} from './ids.js';
import {asRecord, type PreImageRecord, type ResultRecord, type StartRecord} from './records.js';

/** An operation as read back from its file: enough to list, inspect and undo it. */
export interface OperationRecord {
	readonly id: string;
	readonly environment: string;
	readonly action: Direction;
	readonly source: string;
	readonly user: string;
	readonly startedAt: string;
	/** Absent when the run was interrupted (crash, kill) or is still running: its pre-images are still valid for undo. */
	readonly finishedAt?: string;
	/**
	 * No finish record, and the process that started it no longer runs it (it is gone or released the environment's
	 * lock; or it ran on another host, or is unknown: a journal from before the start record named its process).
	 * What it wrote is in its pre-images.
	 */
	readonly interrupted: boolean;
	/** For an undo: the operation whose pre-images it restores. */
	readonly undoes?: string;
	/** For a dump: the commit it made and its subject, from its finish record. */
	readonly commit?: string;
	readonly subject?: string;
	readonly preImages: readonly PreImageRecord[];
	readonly results: readonly ResultRecord[];
	/** Lines that could not be read (a torn last line after a crash). */
	readonly skippedLines: number;
}

/** One journal snapshot of one item: the state it had before an operation changed it. */
export interface Snapshot {
	/** `<operation>:<kind>:<id>`, what `rollback --snapshot` takes. */
	readonly id: string;
	readonly time: string;
	readonly operation: string;
	readonly environment: string;
	/** The action of the operation that replaced this state. */
	readonly action: Direction;
	readonly kind: Kind;
	readonly flavor?: Flavor;
	readonly itemId: string;
	/** null: the item did not exist before that operation. */
	readonly body: JsonObject | null;
}

function journalDir(stateDir: string): string {
	return path.join(stateDir, 'journal');
}

async function operationFiles(stateDir: string): Promise<{id: string; environment: string; file: string}[]> {
	let names: string[];
	try {
		names = await readdir(journalDir(stateDir));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const out: {id: string; environment: string; file: string}[] = [];
	for (const name of names) {
		const match = /^([^.]+)\.(.+)\.jsonl$/.exec(name);
		if (!match || !operationIdPattern.test(match[1]!)) continue;
		out.push({id: match[1]!, environment: match[2]!, file: path.join(journalDir(stateDir), name)});
	}
	return out;
}

async function readOperation(stateDir: string, file: string): Promise<OperationRecord | undefined> {
	const {values, skipped} = await readJsonLines(file);
	let start: StartRecord | undefined;
	let finishedAt: string | undefined;
	let commit: string | undefined;
	let subject: string | undefined;
	const preImages: PreImageRecord[] = [];
	const results: ResultRecord[] = [];
	let unusable = 0;
	for (const value of values) {
		const record = asRecord(value);
		if (!record) unusable++;
		else if (record.type === 'start') start ??= record;
		else if (record.type === 'pre-image') preImages.push(record);
		else if (record.type === 'result') results.push(record);
		else {
			finishedAt = record.time;
			if (typeof record.commit === 'string') commit = record.commit;
			if (typeof record.subject === 'string') subject = record.subject;
		}
	}
	if (!start) return undefined;
	const undoes = undoneOperation(start);
	const interrupted = finishedAt === undefined && !(await stillRunning(stateDir, start));
	return {
		id: start.operation, environment: start.environment, action: start.action, source: start.source,
		user: start.user ?? 'unknown', startedAt: start.time, finishedAt, interrupted,
		...(undoes === undefined ? {} : {undoes}), ...(commit === undefined ? {} : {commit}), ...(subject === undefined ? {} : {subject}), preImages, results, skippedLines: skipped + unusable,
	};
}

/** The pid named by an environment's lock file, if it is held. */
async function lockHolder(stateDir: string, environment: string): Promise<number | undefined> {
	try {
		const pid = (JSON.parse(await readFile(lockFile(stateDir, environment), 'utf8')) as {pid?: unknown}).pid;
		return typeof pid === 'number' ? pid : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Whether an operation is still being run: the process that started it (same host, pid and start time where known)
 * is alive and holds the environment's lock. A process that lives on after giving an operation up (the console,
 * after its journal failed) released the lock, so that operation reads as interrupted.
 */
async function stillRunning(stateDir: string, start: StartRecord): Promise<boolean> {
	if (start.pid === undefined || start.host !== hostname()) return false;
	if ((await lockHolder(stateDir, start.environment)) !== start.pid) return false;
	try {
		process.kill(start.pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	return start.pidStart === undefined || processStart(start.pid) === start.pidStart;
}

/** The operation an undo restored: named in its start record, or (journals before that) in its source `before <id>`. */
function undoneOperation(start: StartRecord): string | undefined {
	if (start.action !== 'undo') return undefined;
	if (typeof start.undoes === 'string') return start.undoes;
	const match = /^before (\S+)$/.exec(start.source);
	return match && operationIdPattern.test(match[1]!) ? match[1] : undefined;
}

function newestFirst(a: OperationRecord, b: OperationRecord): number {
	if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? 1 : -1;
	return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Operations, newest first, optionally of one environment; unreadable files are skipped, not fatal. */
export async function listOperations(stateDir: string, environment?: string): Promise<OperationRecord[]> {
	const files = (await operationFiles(stateDir)).filter((f) => environment === undefined || f.environment === environment);
	const records = await Promise.all(files.map(async (f) => readOperation(stateDir, f.file).catch(() => undefined)));
	return records.filter((r): r is OperationRecord => r !== undefined).sort(newestFirst);
}

/** One operation by ID (what `undo --operation` takes); undefined when it is unknown. */
export async function getOperation(stateDir: string, id: string): Promise<OperationRecord | undefined> {
	if (!operationIdPattern.test(id)) return undefined;
	const file = (await operationFiles(stateDir)).find((f) => f.id === id);
	return file ? readOperation(stateDir, file.file) : undefined;
}

/** The newest operation on an environment: the default target of `undo`. */
export async function lastOperation(stateDir: string, environment: string): Promise<OperationRecord | undefined> {
	return (await listOperations(stateDir, environment))[0];
}

/**
 * The newest Dashboard write on an environment (dumps only write Git) when it was interrupted: it has no finish
 * record and its process is gone. Undefined when that write finished, is still running, or there is none.
 */
export async function interruptedOperation(stateDir: string, environment: string): Promise<OperationRecord | undefined> {
	const last = (await listOperations(stateDir, environment)).find((op) => op.action !== 'dump');
	return last?.interrupted ? last : undefined;
}

function toSnapshot(op: OperationRecord, pre: PreImageRecord): Snapshot {
	return {
		id: `${op.id}:${pre.kind}:${pre.id}`, time: pre.time, operation: op.id, environment: op.environment,
		action: op.action, kind: pre.kind, flavor: pre.flavor, itemId: pre.id, body: pre.body,
	};
}

/** Every journal snapshot of one item on one environment, newest first (the history screen and `history`). */
export async function snapshotsFor(stateDir: string, environment: string, kind: Kind, id: string): Promise<Snapshot[]> {
	const out: Snapshot[] = [];
	for (const op of await listOperations(stateDir, environment)) {
		for (const pre of op.preImages) if (pre.kind === kind && pre.id === id) out.push(toSnapshot(op, pre));
	}
	return out;
}

/** One snapshot by its `<operation>:<kind>:<id>` ID (what `rollback --snapshot` takes). */
export async function getSnapshot(stateDir: string, snapshotId: string): Promise<Snapshot | undefined> {
	const match = /^([^:]+):(api|policy|template):(.+)$/.exec(snapshotId);
	if (!match) return undefined;
	const op = await getOperation(stateDir, match[1]!);
	const pre = op?.preImages.find((p) => p.kind === match[2] && p.id === match[3]);
	return op && pre ? toSnapshot(op, pre) : undefined;
}
