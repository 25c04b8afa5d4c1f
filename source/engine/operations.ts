import {makeItem} from '../core/item.js';
import type {Direction} from '../core/plan.js';
import {listOperations, readAudit, type AuditEntry, type OperationRecord} from '../sources/journal.js';
import type {EngineContext} from './context.js';
import type {OperationEntry, OperationKind, OperationOutcome, OperationStepEntry} from './services.js';

/** What each plan direction is called in the operations log and in blame (a publish from live is a migration). */
export const kindOf: Record<Direction, OperationKind> = {dump: 'dump', publish: 'publish', migrate: 'migration', rollback: 'rollback', undo: 'undo'};

/** Outcome from the step results: failures among the writes make it partly failed, or failed when every write failed. */
function resultOutcome(statuses: readonly {action?: string; status: string}[]): OperationOutcome {
	const writes = statuses.filter((step) => step.action !== 'skip');
	const failed = writes.filter((step) => step.status === 'failed').length;
	if (failed === 0) return 'ok';
	return failed === writes.length ? 'failed' : 'partly failed';
}

/** The steps of a journal operation: its results, then the pre-images that never got one (an interrupted run). */
function journalSteps(record: OperationRecord): OperationStepEntry[] {
	const names = new Map<string, string>();
	for (const pre of record.preImages) {
		if (pre.body) names.set(`${pre.kind}:${pre.id}`, makeItem(pre.kind, pre.body).name);
	}
	const done = new Set(record.results.map((result) => `${result.kind}:${result.id}`));
	const steps: OperationStepEntry[] = record.results.map((result) => {
		const name = result.name ?? names.get(`${result.kind}:${result.id}`);
		return {
			kind: result.kind, id: result.id, action: result.action, status: result.status,
			...(name ? {name} : {}), ...(result.error === undefined ? {} : {error: result.error}),
		};
	});
	for (const pre of record.preImages) {
		const key = `${pre.kind}:${pre.id}`;
		if (done.has(key)) continue;
		const name = names.get(key);
		steps.push({kind: pre.kind, id: pre.id, status: 'unknown', ...(name ? {name} : {})});
	}
	return steps;
}

/** Why an operation cannot be undone, in the words `undo` itself would use; undefined when it can. */
function undoBlocked(record: OperationRecord, outcome: OperationOutcome): string | undefined {
	if (record.action === 'dump') {
		return `a dump is a Git commit${record.commit ? ` (${record.commit.slice(0, 7)})` : ''}: undo it with git revert`;
	}
	if (outcome === 'running') return 'it is still running';
	if (record.preImages.length === 0) return 'it wrote nothing to the Dashboard, so there is nothing to restore';
	return undefined;
}

function fromJournal(record: OperationRecord, newestWrite: OperationRecord | undefined): OperationEntry {
	const outcome: OperationOutcome = record.finishedAt === undefined
		? (record.interrupted ? 'interrupted' : 'running')
		: resultOutcome(record.results);
	const blocked = undoBlocked(record, outcome);
	// The newest Dashboard write, interrupted: a plain undo handles it as `undo` does (an undo cut short is finished,
	// never undone); any other operation is named.
	const plain = record.interrupted && newestWrite?.id === record.id;
	return {
		id: record.id, kind: kindOf[record.action], source: record.source, user: record.user, startedAt: record.startedAt,
		...(record.finishedAt === undefined ? {} : {finishedAt: record.finishedAt}), outcome, steps: journalSteps(record),
		...(record.commit === undefined ? {} : {commit: record.commit}), ...(record.subject === undefined ? {} : {subject: record.subject}),
		...(record.undoes === undefined ? {} : {undoes: record.undoes}),
		...(blocked === undefined ? {undo: plain ? {} : {operation: record.id}} : {undoBlocked: blocked}),
	};
}

/** What an audit-only operation did, where its source label says it for certain. */
function auditKind(source: string, environment: string, branch: string): OperationKind | undefined {
	if (source.startsWith('before ')) return 'undo';
	if (source.startsWith('snapshot ')) return 'rollback';
	const live = /^live (\S+)$/.exec(source);
	if (live) return live[1] === environment ? 'dump' : 'migration';
	if (source.startsWith(`git ${branch}@`)) return 'publish';
	return undefined;
}

function fromAudit(id: string, lines: readonly AuditEntry[], environment: string, branch: string): OperationEntry {
	const first = lines[0]!;
	const kind = auditKind(first.source, environment, branch);
	return {
		id, ...(kind === undefined ? {} : {kind}), source: first.source, user: first.user, startedAt: first.time,
		outcome: resultOutcome(lines.map((line) => ({action: line.action, status: line.result}))),
		steps: lines.map((line) => ({kind: line.kind, id: line.id, action: line.action, status: line.result, ...(line.error === undefined ? {} : {error: line.error})})),
		auditOnly: true, undoBlocked: 'its journal file is gone, so there is nothing to restore from',
	};
}

/**
 * Every operation on one environment, newest first. The journal is the record (steps, outcome, pre-images for undo);
 * the audit log adds the operations whose journal file is gone, so a write is never missing from the list.
 */
export async function environmentOperations(context: EngineContext, environment: string): Promise<OperationEntry[]> {
	const {stateDir} = context.config;
	const [records, audit] = await Promise.all([listOperations(stateDir, environment), readAudit(stateDir)]);
	const newestWrite = records.find((record) => record.action !== 'dump');
	const entries = records.map((record) => fromJournal(record, newestWrite));
	const known = new Set(records.map((record) => record.id));
	const orphans = new Map<string, AuditEntry[]>();
	for (const line of audit) {
		if (line.environment !== environment || known.has(line.operation)) continue;
		const lines = orphans.get(line.operation) ?? [];
		lines.push(line);
		orphans.set(line.operation, lines);
	}
	const branch = context.environment(environment).git.branch;
	for (const [id, lines] of orphans) entries.push(fromAudit(id, lines, environment, branch));
	return entries.sort((a, b) => (a.startedAt === b.startedAt ? (a.id < b.id ? 1 : -1) : a.startedAt < b.startedAt ? 1 : -1));
}
