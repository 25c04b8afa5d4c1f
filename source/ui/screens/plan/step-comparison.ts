import type {PlanStep} from '../../../core/plan.js';
import type {Comparison, Status} from '../../../core/status.js';

const statusOf: Record<PlanStep['action'], Status> = {
	create: 'only-in-git', delete: 'only-live', update: 'changed', skip: 'unchanged',
};

/**
 * A plan step as a comparison, so the Diff screen shows exactly what the step will write: left the desired state
 * (`after`), right the target's current state (`before`).
 */
export function stepComparison(step: PlanStep): Comparison {
	return {
		key: step.key, kind: step.kind, flavor: step.flavor, id: step.id, name: step.name, status: statusOf[step.action],
		left: step.after, right: step.before, changes: step.changes,
		categories: step.after?.categories ?? step.before?.categories ?? [],
	};
}
