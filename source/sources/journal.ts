/*
 * The journal of one state directory (`stateDir/journal/`, one append-only JSON-lines file per operation) and its
 * audit log (`stateDir/audit.jsonl`), as one module of free functions: the ones that write and the ones the product
 * reads with. It stores definition bodies (they may hold the user's own definition secrets, hence 0700 dirs and
 * 0600 files) but never a Dashboard key: no function accepts one.
 *
 * Order of calls for each written item: `recordPreImage` (awaited: it is fsynced) → the Dashboard write →
 * `recordResult` → `recordAudit`. Then `finishOperation` once. Reads (`listOperations`, `getOperation`,
 * `lastOperation`, `snapshotsFor`, `getSnapshot`, `readAudit`) take the state directory and work across processes.
 */
import type {Flavor, Kind} from '../core/item.js';
import type {JsonObject} from '../core/json.js';
import type {Action, Direction, StepStatus} from '../core/plan.js';
import {recordAudit, type AuditEntry} from './journal/audit.js';
import {finishOperation, recordPreImage, recordResult, startOperation, type Operation} from './journal/writer.js';

export {appendAudit, auditFile, readAudit, recordAudit, type AuditEntry, type AuditInput} from './journal/audit.js';
export {bodyHash, canonicalJson} from './journal/canonical.js';
export {
	getOperation, getSnapshot, lastOperation, listOperations, snapshotsFor, type OperationRecord, type Snapshot,
} from './journal/reader.js';
export type {PreImageRecord, ResultRecord} from './journal/records.js';
export {finishOperation, recordPreImage, recordResult, startOperation, type Operation} from './journal/writer.js';

/**
 * @deprecated The write functions bound to one state directory, kept so engine code written against it compiles:
 * call `startOperation(stateDir, …)`, `recordPreImage`, `recordResult`, `recordAudit` and `finishOperation` instead.
 */
export class Journal {
	constructor(readonly stateDir: string) {}

	startOperation(input: {environment: string; action: Direction; source: string}): Promise<Operation> {
		return startOperation(this.stateDir, input);
	}

	recordPreImage(op: Operation, input: {kind: Kind; flavor?: Flavor; id: string; body: JsonObject | null}): Promise<void> {
		return recordPreImage(op, input);
	}

	recordResult(op: Operation, input: {kind: Kind; id: string; action: Action; status: StepStatus; error?: string}): Promise<void> {
		return recordResult(op, input);
	}

	audit(op: Operation, input: {
		kind: Kind; id: string; action: Action; result: StepStatus; before?: JsonObject | null; after?: JsonObject | null; error?: string;
	}): Promise<AuditEntry> {
		return recordAudit(op, input);
	}

	finishOperation(op: Operation): Promise<void> {
		return finishOperation(op);
	}
}
