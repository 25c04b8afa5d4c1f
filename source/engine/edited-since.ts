import {itemKey} from '../core/item.js';
import type {PlanStep} from '../core/plan.js';
import {getItem, liveAddress, type DashboardClient} from '../sources/dashboard/index.js';
import {bodyHash, readAudit, type AuditEntry} from '../sources/journal.js';

/** More than this many edited items are summed up in one note instead of named one by one. */
const namedLimit = 10;

/**
 * Plan notes for an undo: the items that changed on the Dashboard after the operation being undone wrote them. The audit log holds the hash of each item as read back right after its write, so a
 * different hash now means someone edited it since, and restoring the pre-image would silently discard that edit.
 * The undo still restores them (that is what was asked); the plan says so before anything is written.
 */
export async function editedSinceNotes(
	client: DashboardClient,
	stateDir: string,
	operation: string,
	steps: readonly PlanStep[],
): Promise<string[]> {
	const written = new Map<string, AuditEntry>();
	for (const entry of await readAudit(stateDir)) {
		if (entry.operation === operation && entry.result === 'applied') written.set(itemKey(entry), entry);
	}
	const checks = steps.filter((step) => step.action !== 'skip' && written.has(step.key));
	const edited = (await Promise.all(checks.map(async (step) => {
		const current = await getItem(client, step.kind, step.before?.flavor ?? step.flavor, liveAddress(step.before, step.id));
		return bodyHash(current ?? null) === written.get(step.key)!.after ? undefined : step;
	}))).filter((step): step is PlanStep => step !== undefined);
	const notes = edited.slice(0, namedLimit).map((step) =>
		`${step.name || step.id} (${step.kind} ${step.id}) was changed on the Dashboard after ${operation}: undoing replaces that change too`);
	if (edited.length > namedLimit) notes.push(`${edited.length - namedLimit} more item(s) were changed on the Dashboard after ${operation}`);
	return notes;
}
