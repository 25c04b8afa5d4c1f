import type {Flavor, Kind} from '../core/item.js';
import type {JsonObject} from '../core/json.js';
import type {Action, Direction, StepStatus} from '../core/plan.js';
import {appendAudit, readAudit, type AuditEntry} from './journal/audit.js';
import {
	getOperation, getSnapshot, lastOperation, listOperations, snapshotsFor, type OperationRecord, type Snapshot,
} from './journal/reader.js';
import {finishOperation, recordPreImage, recordResult, startOperation, type Operation} from './journal/writer.js';

export {appendAudit, auditFile, readAudit, type AuditEntry, type AuditInput} from './journal/audit.js';
export {bodyHash, canonicalJson} from './journal/canonical.js';
export type {OperationRecord, Snapshot} from './journal/reader.js';
export type {PreImageRecord, ResultRecord} from './journal/records.js';
export type {Operation} from './journal/writer.js';

/**
 * The journal of one state directory (`stateDir/journal/`, one append-only JSON-lines file per operation) and its
 * audit log (`stateDir/audit.jsonl`). It stores definition bodies (they may hold the user's own definition
 * secrets, hence 0700 dirs and 0600 files) but never a Dashboard key: no method accepts one.
 *
 * Order of calls for each written item: `recordPreImage` (awaited: it is fsynced) → the Dashboard write →
 * `recordResult` → `audit`. Then `finishOperation` once.
 */
export class Journal {
	constructor(readonly stateDir: string) {}

	/** Starts an operation with a new sortable ID, e.g. `20261122T163000Z-a1b2c3`. */
	startOperation(input: {environment: string; action: Direction; source: string}): Promise<Operation> {
		return startOperation(this.stateDir, input);
	}

	/** Durable before it resolves; `body: null` records that the item did not exist (undo deletes it). */
	recordPreImage(op: Operation, input: {kind: Kind; flavor?: Flavor; id: string; body: JsonObject | null}): Promise<void> {
		return recordPreImage(op, input);
	}

	/** One item's outcome; refuses `applied` without a pre-image (except in dumps, which write to Git). */
	recordResult(op: Operation, input: {kind: Kind; id: string; action: Action; status: StepStatus; error?: string}): Promise<void> {
		return recordResult(op, input);
	}

	/** One audit line for one written item, filled with the operation's environment, ID and source. */
	audit(op: Operation, input: {
		kind: Kind; id: string; action: Action; result: StepStatus; before?: JsonObject | null; after?: JsonObject | null; error?: string;
	}): Promise<AuditEntry> {
		return appendAudit(this.stateDir, {...input, environment: op.environment, operation: op.id, source: op.source});
	}

	/** Marks the operation complete and closes its file; an operation without it shows as interrupted. */
	finishOperation(op: Operation): Promise<void> {
		return finishOperation(op);
	}

	/** Newest first, optionally of one environment; for `history` and the undo picker. */
	listOperations(environment?: string): Promise<OperationRecord[]> {
		return listOperations(this.stateDir, environment);
	}

	/** One operation by ID, or undefined: what `undo --operation` restores from. */
	getOperation(id: string): Promise<OperationRecord | undefined> {
		return getOperation(this.stateDir, id);
	}

	/** The newest operation on an environment: the default target of `undo`. */
	lastOperation(environment: string): Promise<OperationRecord | undefined> {
		return lastOperation(this.stateDir, environment);
	}

	/** Pre-images of one item, newest first: the journal half of an item's history. */
	snapshotsFor(environment: string, kind: Kind, id: string): Promise<Snapshot[]> {
		return snapshotsFor(this.stateDir, environment, kind, id);
	}

	/** One snapshot by `<operation>:<kind>:<id>`, or undefined: what `rollback --snapshot` puts live. */
	getSnapshot(snapshotId: string): Promise<Snapshot | undefined> {
		return getSnapshot(this.stateDir, snapshotId);
	}

	/** The audit log's entries in write order. */
	readAudit(): Promise<AuditEntry[]> {
		return readAudit(this.stateDir);
	}
}
