import type {Item, Kind} from './item.js';
import type {Comparison} from './status.js';
import type {Action, Direction, Plan, PlanStep, SideRef} from './plan.js';

/** Options for turning a comparison (left = source, right = target) into a plan. */
export interface PlanOptions {
	readonly direction: Direction;
	readonly environment: string;
	readonly source: SideRef;
	readonly target: SideRef;
	/** Comparison keys to include; everything when absent. */
	readonly keys?: ReadonlySet<string>;
	/** Delete target items the source does not have (publish --prune). */
	readonly prune?: boolean;
	/**
	 * Which side of the comparisons is the source: `left` when they were made source-first, `right` for a dump planned
	 * from an environment view (Git on the left, live on the right), so one comparison serves both directions.
	 */
	readonly sourceSide?: 'left' | 'right';
	readonly base?: Plan['base'];
}

/** A plan plus the selected entries that cannot be planned (invalid files, conflicts), so callers can report them. */
export interface PlanBuild {
	readonly plan: Plan;
	readonly excluded: readonly Comparison[];
}

const kindOrder: Record<Kind, number> = {policy: 0, api: 1, template: 2};
/** Deletes run last and in reverse kind order, so nothing is left referencing a deleted item mid-run. */
const deleteOrder: Record<Kind, number> = {template: 0, api: 1, policy: 2};

/** A comparison seen source-first: a right-sourced one has its sides, and so its one-sided statuses, swapped. */
function sourceFirst(comparison: Comparison, side: 'left' | 'right'): Comparison {
	if (side === 'left') return comparison;
	const status = comparison.status === 'only-in-git' ? 'only-live' : comparison.status === 'only-live' ? 'only-in-git' : comparison.status;
	return {...comparison, status, left: comparison.right, right: comparison.left};
}

function stepFor(comparison: Comparison, prune: boolean): PlanStep | undefined {
	const {left, right} = comparison;
	const base = {
		key: comparison.key,
		kind: comparison.kind!,
		flavor: comparison.flavor,
		id: comparison.id!,
		name: comparison.name,
	};
	const make = (action: Action, before?: Item, after?: Item): PlanStep => ({
		...base, action, before, after, changes: action === 'update' ? comparison.changes : [],
	});
	switch (comparison.status) {
		case 'unchanged':
			return make('skip', right, left);
		case 'changed':
			return make('update', right, left);
		case 'only-in-git':
			return make('create', undefined, left);
		case 'only-live':
			return prune ? make('delete', right, undefined) : undefined;
		default:
			return undefined;
	}
}

/** Rank used to order steps: policies before APIs before templates, then deletes last. */
function rank(step: PlanStep): number {
	if (step.action === 'delete') return 10 + deleteOrder[step.kind];
	if (step.action === 'skip') return 20;
	return kindOrder[step.kind];
}

/**
 * From a comparison of source (left) with target (right) to an ordered list of writes. Items that exist only in the
 * target are left alone unless `prune` is set; invalid and conflicting entries are never planned but returned, so the
 * caller can say why they were left out.
 */
export function buildPlan(comparisons: readonly Comparison[], options: PlanOptions): PlanBuild {
	const steps: PlanStep[] = [];
	const excluded: Comparison[] = [];
	let leftAlone = 0;
	for (const comparison of comparisons) {
		if (options.keys && !options.keys.has(comparison.key)) continue;
		if (comparison.status === 'invalid' || comparison.status === 'conflict') {
			excluded.push(comparison);
			continue;
		}
		const step = stepFor(sourceFirst(comparison, options.sourceSide ?? 'left'), options.prune ?? false);
		if (step) steps.push(step);
		else if (options.keys) leftAlone++;
	}
	const ordered = steps
		.map((step, index) => ({step, index}))
		.sort((a, b) => rank(a.step) - rank(b.step) || a.index - b.index)
		.map(({step}) => step);
	return {
		plan: {
			direction: options.direction,
			environment: options.environment,
			source: options.source,
			target: options.target,
			steps: ordered,
			...(options.base ? {base: options.base} : {}),
			...(leftAlone > 0 ? {notes: [`${leftAlone} selected item(s) exist only in ${options.target.label} and are left alone (prune would delete them)`]} : {}),
		},
		excluded,
	};
}

/** Groups consecutive steps that may run concurrently: all steps of one rank run together, ranks run in order. */
export function planPhases(plan: Plan): PlanStep[][] {
	const phases: PlanStep[][] = [];
	let current: PlanStep[] = [];
	let currentRank = -1;
	for (const step of plan.steps) {
		const r = rank(step);
		if (r !== currentRank && current.length > 0) {
			phases.push(current);
			current = [];
		}
		currentRank = r;
		current.push(step);
	}
	if (current.length > 0) phases.push(current);
	return phases;
}
