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
