import {open, type FileHandle} from 'node:fs/promises';
import {hostname} from 'node:os';
import path from 'node:path';
import {isEnvironmentName} from '../../core/environment-name.js';
import type {Flavor, Kind} from '../../core/item.js';
import type {JsonObject} from '../../core/json.js';
import type {Action, Direction, StepStatus} from '../../core/plan.js';
import {syncDir} from '../durable.js';
import {processStart} from '../lock.js';
import {ensurePrivateDir, privateFileMode, writeAll} from './files.js';
import {monotonicNow, operationId} from './ids.js';
import type {JournalRecord, StartRecord} from './records.js';
import {osUser} from './user.js';

/** One running operation. A plain value (safe to log or serialise); the open file lives in a private map. */
export interface Operation {
	readonly id: string;
	/** The state directory the journal and audit log live in. */
	readonly stateDir: string;
	readonly environment: string;
	readonly action: Direction;
	readonly source: string;
	readonly startedAt: string;
	readonly file: string;
	/** For an undo: the operation whose pre-images it restores. */
	readonly undoes?: string;
}

interface OpenOperation {
	readonly handle: FileHandle;
	readonly preImages: Set<string>;
	finished: boolean;
}

const open_ = new WeakMap<Operation, OpenOperation>();

function state(op: Operation): OpenOperation {
	const entry = open_.get(op);
	if (!entry) throw new Error(`journal: operation ${op.id} was not started in this process`);
	if (entry.finished) throw new Error(`journal: operation ${op.id} is already finished`);
	return entry;
}

async function append(handle: FileHandle, record: JournalRecord, durable: boolean): Promise<void> {
	await writeAll(handle, `${JSON.stringify(record)}\n`);
	if (durable) await handle.sync();
}

/** Operation files are named `<id>.<environment>.jsonl`, so listing one environment reads only its files. */
export function operationFileName(id: string, environment: string): string {
	return `${id}.${environment}.jsonl`;
}

/** Opens a new operation file (exclusive create, 0600) and makes its start record and directory entry durable. */
export async function startOperation(
	stateDir: string, input: {environment: string; action: Direction; source: string; undoes?: string},
): Promise<Operation> {
	if (!isEnvironmentName(input.environment)) {
		throw new Error(`journal: environment name "${input.environment}" is not safe as a file name`);
	}
	const dir = path.join(stateDir, 'journal');
	await ensurePrivateDir(dir);
	for (let attempt = 0; ; attempt++) {
		const time = monotonicNow();
		const id = operationId(time);
		const file = path.join(dir, operationFileName(id, input.environment));
		let handle: FileHandle;
		try {
			handle = await open(file, 'wx', privateFileMode);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 5) continue;
			throw error;
		}
		const undoes = input.undoes === undefined ? {} : {undoes: input.undoes};
		const op: Operation = {id, stateDir, environment: input.environment, action: input.action, source: input.source, startedAt: time.toISOString(), file, ...undoes};
		const pidStart = processStart(process.pid);
		const start: StartRecord = {
			type: 'start', operation: id, time: op.startedAt, environment: op.environment, action: op.action, source: op.source, user: osUser(),
			...undoes, pid: process.pid, host: hostname(), ...(pidStart ? {pidStart} : {}),
		};
		await append(handle, start, true);
		await syncDir(dir);
		open_.set(op, {handle, preImages: new Set(), finished: false});
		return op;
	}
}

/**
 * Saves the live state of an item before it is written, and resolves only once it is on disk (fsync): if the
 * process dies during the Dashboard write, the undo data is already safe. The first pre-image of an item in an
 * operation wins; a second one (a retry) is ignored because it may already show the new state.
 */
export async function recordPreImage(
	op: Operation, input: {kind: Kind; flavor?: Flavor; id: string; body: JsonObject | null},
): Promise<void> {
	const entry = state(op);
	const key = `${input.kind}:${input.id}`;
	if (entry.preImages.has(key)) return;
	entry.preImages.add(key);
	try {
		await append(entry.handle, {type: 'pre-image', time: new Date().toISOString(), kind: input.kind, flavor: input.flavor, id: input.id, body: input.body}, true);
	} catch (error) {
		entry.preImages.delete(key);
		throw error;
	}
}

/**
 * Records one item's outcome. An `applied` write to a Dashboard without a pre-image is refused: that would be a
 * write nobody can undo, i.e. an engine bug. Dumps write to Git, which keeps its own history, so they are exempt.
 */
export async function recordResult(
	op: Operation, input: {kind: Kind; id: string; name?: string; action: Action; status: StepStatus; error?: string},
): Promise<void> {
	const entry = state(op);
	const writes = input.status === 'applied' && input.action !== 'skip' && op.action !== 'dump';
	if (writes && !entry.preImages.has(`${input.kind}:${input.id}`)) {
		throw new Error(`journal: ${input.kind} ${input.id} reported applied in operation ${op.id} without a recorded pre-image`);
	}
	await append(entry.handle, {type: 'result', time: new Date().toISOString(), ...input}, false);
}

/** Lines per write when many records go out at once: one write call each, whole lines only. */
const batchLines = 2000;

/**
 * Records many outcomes at once (a dump's, after its commit): the same records as `recordResult` one by one, a few
 * thousand lines per write instead of one awaited write per item (25,000 of them were a large part of a dump).
 */
export async function recordResults(
	op: Operation, inputs: ReadonlyArray<{kind: Kind; id: string; name?: string; action: Action; status: StepStatus; error?: string}>,
): Promise<void> {
	const entry = state(op);
	const time = new Date().toISOString();
	for (let start = 0; start < inputs.length; start += batchLines) {
		const lines: string[] = [];
		for (const input of inputs.slice(start, start + batchLines)) {
			const writes = input.status === 'applied' && input.action !== 'skip' && op.action !== 'dump';
			if (writes && !entry.preImages.has(`${input.kind}:${input.id}`)) {
				throw new Error(`journal: ${input.kind} ${input.id} reported applied in operation ${op.id} without a recorded pre-image`);
			}
			const record: JournalRecord = {type: 'result', time, ...input};
			lines.push(`${JSON.stringify(record)}\n`);
		}
		await writeAll(entry.handle, lines.join(''));
	}
}

/**
 * Marks the operation complete (an operation without this record was interrupted) and closes its file; a dump names
 * the commit it made, so the operations log can show it.
 */
export async function finishOperation(op: Operation, outcome: {commit?: string; subject?: string} = {}): Promise<void> {
	const entry = open_.get(op);
	if (!entry || entry.finished) return;
	entry.finished = true;
	try {
		await append(entry.handle, {type: 'finish', time: new Date().toISOString(), ...(outcome.commit ? {commit: outcome.commit} : {}), ...(outcome.subject ? {subject: outcome.subject} : {})}, true);
	} finally {
		await entry.handle.close();
	}
}

/**
 * Closes an operation's file without a finish record, after one of its journal writes failed (a full disk): the
 * operation is incomplete and must read as interrupted, so `undo` works from the pre-images it did save.
 */
export async function abandonOperation(op: Operation): Promise<void> {
	const entry = open_.get(op);
	if (!entry || entry.finished) return;
	entry.finished = true;
	await entry.handle.close().catch(() => undefined);
}
