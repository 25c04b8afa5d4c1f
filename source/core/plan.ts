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
	/**
	 * The target's state as planned: the content hash of `before` (null when the target lacked the item). The apply
	 * re-reads the item and writes only when it still hashes the same, so a plan checks its own base, and a plan
	 * kept as data needs no copy of the target to be safe.
	 */
	readonly baseHash?: string | null;
	/**
	 * The fields of `after` whose value came from an environment's overlay (`.tyk-console/overlays/<environment>.yaml`),
	 * by path: the plan shows them, dry-run JSON prints them, so a reviewer sees which values are the environment's own.
	 */
	readonly overlay?: {readonly environment: string; readonly fields: readonly string[]};
	/** The step erases a change made on its target since the base (`core/origin.ts`): flagged in red before `y`. */
	readonly overwrites?: StepOverwrite;
}

/**
 * What a step would erase: for a publish, a live change (`live`, or `both` when Git moved too) made since the base
 * was recorded; for a dump, a Git change (`git`, or `both`), with the newest commit that made it.
 */
export interface StepOverwrite {
	readonly origin: 'git' | 'live' | 'both';
	/** When the base was recorded: the change came after it. */
	readonly since?: string;
	readonly commit?: string;
	readonly subject?: string;
}

/**
 * A step the target would refuse or that would leave it broken (issue 13, checks before writing), with why in one
 * sentence. While a plan lists any, nothing of it is written.
 */
export interface BlockedStep {
	readonly key: string;
	readonly kind: Kind;
	readonly id: string;
	readonly name: string;
	readonly reason: string;
	/** A policy's granted API that its source holds and the target lacks: adding dependencies would unblock it. */
	readonly missingApi?: string;
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
	/**
	 * The Git revision the plan was made from: for a dump, the commit its write lands on (compare-and-swap; null when
	 * the branch did not exist yet); for a publish, the commit of its source. Absent for plain directories and live
	 * sources. With each step's `before` (the target as planned), a plan is plain data that says what it assumed.
	 */
	readonly base?: {readonly commit: string | null};
	/** Steps the checks before writing refused; a plan with any is shown but never applied. */
	readonly blocked?: readonly BlockedStep[];
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

/**
 * An item as the target holds it after an apply (`item` undefined: it is not there), known from the read-back or the
 * re-read before writing, so every view that shows the target can be brought up to date without reading again.
 */
export interface TargetItem {
	readonly key: string;
	readonly item?: Item;
}

interface AppliedBase {
	readonly operation: string;
	readonly environment: string;
	readonly results: readonly StepResult[];
	/** What the target now holds for each step whose item it knows. */
	readonly target: readonly TargetItem[];
	/** Keys whose state on the target is unknown (a write that may or may not have landed): re-read them. */
	readonly uncertain: readonly string[];
	/** The base (what origins are measured from) could not be recorded in full: why. The writes themselves stand. */
	readonly baseError?: string;
}

/** A plan applied to a Dashboard. */
export interface LiveOutcome extends AppliedBase {
	readonly direction: Exclude<Direction, 'dump'>;
	/** The first journal write that failed (it names the state directory); no item was written after it. */
	readonly journalError?: string;
}

/** A plan applied to Git: the commit it made (none for a plain directory or when nothing was written). */
export interface GitOutcome extends AppliedBase {
	readonly direction: 'dump';
	/** The commit the dump was planned on (null: the branch did not exist), so views at that commit can be patched. */
	readonly base?: string | null;
	readonly commit?: string;
	/** The first line of the commit's message. */
	readonly subject?: string;
	/** Committed, but the push asked for failed: why. */
	readonly pushError?: string;
	/** The environment has an overlay: `target` holds its items rendered with it, which another environment's view cannot take as they are. */
	readonly overlay?: boolean;
}

/** An applied plan: what happened per step, and what the target holds now. */
export type OperationResult = LiveOutcome | GitOutcome;

/** Counts of each action, for plan headers. */
export function countActions(plan: Plan): Record<Action, number> {
	const counts: Record<Action, number> = {create: 0, update: 0, delete: 0, skip: 0};
	for (const step of plan.steps) counts[step.action]++;
	return counts;
}
