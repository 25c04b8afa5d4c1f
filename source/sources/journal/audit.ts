import path from 'node:path';
import type {ToolWrite} from '../../core/blame.js';
import type {Kind} from '../../core/item.js';
import type {JsonObject} from '../../core/json.js';
import type {Action, StepStatus} from '../../core/plan.js';
import {bodyHash} from './canonical.js';
import {open} from 'node:fs/promises';
import {appendLine, ensurePrivateDir, privateFileMode, readJsonLines, writeAll} from './files.js';
import {osUser} from './user.js';
import type {Operation} from './writer.js';

/**
 * One line of `audit.jsonl`: who wrote what where, provable by hashes without storing the bodies. Blame reads it as
 * a `ToolWrite` (time, user, environment, operation, item, result and the hash of what was written).
 */
export interface AuditEntry extends ToolWrite {
	readonly action: Action;
	readonly result: StepStatus;
	/** `sha256:<hex>` of the canonical JSON of the item before / after, null when it did not exist. */
	readonly before: string | null;
	readonly error?: string;
}

/** What the caller knows about one written item; time, user and hashes are filled in here. */
export interface AuditInput {
	readonly environment: string;
	readonly operation: string;
	readonly source: string;
	readonly kind: Kind;
	readonly id: string;
	readonly action: Action;
	readonly result: StepStatus;
	readonly before?: JsonObject | null;
	readonly after?: JsonObject | null;
	readonly error?: string;
}

/** Path of the audit log inside the state directory. */
export function auditFile(stateDir: string): string {
	return path.join(stateDir, 'audit.jsonl');
}

/**
 * Appends one line per written item, as a single O_APPEND write so concurrent runs never interleave lines.
 * Only hashes of the bodies are stored: the log can be shared with auditors without leaking definition secrets.
 */
export async function appendAudit(stateDir: string, input: AuditInput): Promise<AuditEntry> {
	const entry: AuditEntry = {
		time: new Date().toISOString(), user: osUser(), environment: input.environment, operation: input.operation,
		kind: input.kind, id: input.id, action: input.action, result: input.result,
		before: bodyHash(input.before), after: bodyHash(input.after), source: input.source,
		...(input.error === undefined ? {} : {error: input.error}),
	};
	await ensurePrivateDir(stateDir);
	await appendLine(auditFile(stateDir), JSON.stringify(entry));
	return entry;
}

const auditBatchLines = 2000;

/**
 * Appends one line per item for many items at once (a dump's): the same lines as `recordAudit`, a few thousand per
 * O_APPEND write through one open file, whole lines only, so concurrent writers never interleave within a line.
 */
export async function recordAudits(op: Operation, inputs: ReadonlyArray<Omit<AuditInput, 'environment' | 'operation' | 'source'>>): Promise<void> {
	if (inputs.length === 0) return;
	await ensurePrivateDir(op.stateDir);
	const time = new Date().toISOString();
	const user = osUser();
	const handle = await open(auditFile(op.stateDir), 'a', privateFileMode);
	try {
		for (let start = 0; start < inputs.length; start += auditBatchLines) {
			const lines = inputs.slice(start, start + auditBatchLines).map((input) => {
				const entry: AuditEntry = {
					time, user, environment: op.environment, operation: op.id, kind: input.kind, id: input.id, action: input.action,
					result: input.result, before: bodyHash(input.before), after: bodyHash(input.after), source: op.source,
					...(input.error === undefined ? {} : {error: input.error}),
				};
				return `${JSON.stringify(entry)}\n`;
			});
			await writeAll(handle, lines.join(''));
		}
	} finally {
		await handle.close();
	}
}

/** One audit line for one item written by `op`, filled with the operation's environment, ID and source. */
export function recordAudit(op: Operation, input: Omit<AuditInput, 'environment' | 'operation' | 'source'>): Promise<AuditEntry> {
	return appendAudit(op.stateDir, {...input, environment: op.environment, operation: op.id, source: op.source});
}

/** How much of the end of the audit log blame reads at most (about 50,000 lines): a diff never reads a log's whole history. */
export const auditTailBytes = 16 * 1024 * 1024;

/**
 * The newest entries of the audit log, in write order: its last `maxBytes` (whole lines only; a torn line is
 * skipped). Blame needs only the newest write of each changed item, and a state directory that dumped 20,000 items
 * many times holds hundreds of megabytes of lines. Empty when nothing was written yet.
 */
export async function readAuditTail(stateDir: string, maxBytes = auditTailBytes): Promise<AuditEntry[]> {
	let handle;
	try {
		handle = await open(auditFile(stateDir), 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	try {
		const {size} = await handle.stat();
		const length = Math.min(size, maxBytes);
		const buffer = Buffer.alloc(length);
		await handle.read(buffer, 0, length, size - length);
		const lines = buffer.toString('utf8').split('\n');
		// Unless the whole file was read, the first line is cut: it is dropped.
		const whole = length === size ? lines : lines.slice(1);
		return whole.flatMap((line) => {
			try {
				const value = JSON.parse(line) as unknown;
				return typeof value === 'object' && value !== null && 'operation' in value ? [value as AuditEntry] : [];
			} catch {
				return [];
			}
		});
	} finally {
		await handle.close();
	}
}

/** The audit log's entries in write order; a torn last line is skipped. Empty when nothing was written yet. */
export async function readAudit(stateDir: string): Promise<AuditEntry[]> {
	try {
		const {values} = await readJsonLines(auditFile(stateDir));
		return values.filter((v): v is AuditEntry => typeof v === 'object' && v !== null && 'operation' in v);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}
