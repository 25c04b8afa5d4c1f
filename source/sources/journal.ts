/*
 * The journal of one state directory (`stateDir/journal/`, one append-only JSON-lines file per operation) and its
 * audit log (`stateDir/audit.jsonl`), as one module of free functions: the ones that write and the ones the product
 * reads with. It stores definition bodies (they may hold the user's own definition secrets, hence 0700 dirs and
 * 0600 files) but never a Dashboard key: no function accepts one.
 *
 * Order of calls for each written item: `recordPreImage` (awaited: it is fsynced) → the Dashboard write →
 * `recordResult` → `recordAudit`. Then `finishOperation` once, or `abandonOperation` after a journal write failed (the
 * operation then reads as interrupted). Reads (`listOperations`, `getOperation`,
 * `lastOperation`, `snapshotsFor`, `getSnapshot`, `readAudit`) take the state directory and work across processes.
 */

export {appendAudit, auditFile, readAudit, readAuditTail, recordAudit, recordAudits, type AuditEntry, type AuditInput} from './journal/audit.js';
export {bodyHash, canonicalJson} from './journal/canonical.js';
export {
	getOperation, getSnapshot, interruptedOperation, lastOperation, listOperations, snapshotsFor, type OperationRecord, type Snapshot,
} from './journal/reader.js';
export type {PreImageRecord, ResultRecord} from './journal/records.js';
export {abandonOperation, finishOperation, recordPreImage, recordResult, recordResults, startOperation, type Operation} from './journal/writer.js';
