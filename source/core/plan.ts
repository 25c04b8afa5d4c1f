import type {Flavor, Item, Kind} from './item.js';

/** What one step of a plan does to the target. `skip` means source and target are already equal. */
export type Action = 'create' | 'update' | 'delete' | 'skip';

/** Which way a plan moves items; the engine is the same for all of them. */
export type Direction = 'dump' | 'publish' | 'migrate' | 'rollback' | 'undo';

/** A readable description of a side, e.g. `git main@3f2a1c9`, `live staging`, `snapshot 20261122T…`. */
export interface SideRef {
	readonly type: 'git' | 'dir' | 'live' | 'snapshot';
	readonly label: string;
	/** Environment name for `live` sides. */
	readonly environment?: string;
}

/** One write (or skip) the plan will make. `before` is the target's current state, `after` the desired one. */
export interface PlanStep {
	readonly key: string;
	readonly kind: Kind;
	readonly flavor?: Flavor;
	readonly id: string;
	readonly name: string;
	readonly action: Action;
	readonly before?: Item;
	readonly after?: Item;
	/** Changed field paths for updates (product.md §5 notation). */
	readonly changes: readonly string[];
}

/** Everything an action will do, shown before anything is written. */
export interface Plan {
	readonly direction: Direction;
	readonly environment: string;
	readonly source: SideRef;
	readonly target: SideRef;
	/** Ordered: policies before the APIs that reference them on create, deletes last. */
	readonly steps: readonly PlanStep[];
	/** Why selected items are not in `steps` (e.g. they exist only in the target and prune is off), one sentence each. */
	readonly notes?: readonly string[];
}

export type StepStatus = 'applied' | 'skipped' | 'failed';

/** The outcome of one step; failed steps carry the reason and never hide the others. */
export interface StepResult {
	readonly key: string;
	readonly kind: Kind;
	readonly flavor?: Flavor;
	readonly id: string;
	readonly name: string;
	readonly action: Action;
	readonly status: StepStatus;
	/** True when the item was read back after the write and matched. */
	readonly verified?: boolean;
	readonly error?: string;
}

/** Progress events the engine emits while applying, for progress bars in the console and on stderr. */
export type ProgressEvent =
	| {readonly type: 'start'; readonly total: number; readonly operation: string}
	| {readonly type: 'step'; readonly result: StepResult; readonly done: number; readonly total: number};

/** An applied plan. */
export interface OperationResult {
	readonly operation: string;
	readonly environment: string;
	readonly direction: Direction;
	readonly results: readonly StepResult[];
}

/** Counts of each action, for plan headers. */
export function countActions(plan: Plan): Record<Action, number> {
	const counts: Record<Action, number> = {create: 0, update: 0, delete: 0, skip: 0};
	for (const step of plan.steps) counts[step.action]++;
	return counts;
}
