import type {Blame} from '../../core/blame.js';
import type {Kind} from '../../core/item.js';
import type {Plan} from '../../core/plan.js';
import type {Comparison} from '../../core/status.js';
import type {VersionRef} from '../../engine/services.js';
import type {ScreenName} from '../keys.js';

/** What to ask the engine for a plan; the Plan screen loads it itself so the user sees a spinner, not a frozen screen. */
export type PlanRequest =
	| {
		readonly type: 'publish'; readonly environment: string; readonly keys: readonly string[]; readonly fromEnvironment?: string;
		/** Also the APIs the selected policies grant that the target lacks (the Plan screen's D). */
		readonly withDependencies?: boolean;
	}
	| {readonly type: 'dump'; readonly environment: string; readonly keys: readonly string[]}
	| {readonly type: 'rollback'; readonly environment: string; readonly kind: Kind; readonly id: string; readonly version: VersionRef; readonly label: string}
	| {readonly type: 'undo'; readonly environment: string; readonly operation?: string};

/** One screen on the stack, with everything it needs to render. */
export type Route =
	| {readonly type: 'environments'}
	| {readonly type: 'items'; readonly environment: string; readonly base?: string}
	| {
		readonly type: 'diff'; readonly comparison: Comparison; readonly leftLabel: string; readonly rightLabel: string; readonly environment: string;
		readonly hidden?: number;
		/** A side that could not be read (its Dashboard down): the diff shows the other alone and says so. */
		readonly notRead?: 'left' | 'right';
		/** Who last changed the live side (the view's blame): the live label says it. */
		readonly blame?: Blame;
		/** The fields of the source side an environment's overlay gave: marked in the gutter and counted in the header. */
		readonly overlay?: {readonly environment: string; readonly fields: readonly string[]};
	}
	| {readonly type: 'plan'; readonly request: PlanRequest}
	| {readonly type: 'progress'; readonly plan: Plan; readonly message?: string}
	| {readonly type: 'history'; readonly environment: string; readonly kind: Kind; readonly id: string; readonly name: string}
	| {readonly type: 'operations'; readonly environment: string};

/** Screen changes: open a screen, go back one level, or swap the top (plan → progress). */
export type NavAction =
	| {readonly type: 'push'; readonly route: Route}
	| {readonly type: 'pop'}
	| {readonly type: 'replace'; readonly route: Route};

/** The screen stack; the Environments screen is the bottom and is never popped. */
export type NavStack = readonly Route[];

/** The console opens on the Environments screen. */
export const initialStack: NavStack = [{type: 'environments'}];

/** Pure navigation reducer: Esc pops one level, and popping the last screen is a no-op (quitting is explicit). */
export function navReducer(stack: NavStack, action: NavAction): NavStack {
	switch (action.type) {
		case 'push': return [...stack, action.route];
		case 'pop': return stack.length > 1 ? stack.slice(0, -1) : stack;
		case 'replace': return stack.length > 1 ? [...stack.slice(0, -1), action.route] : [...stack, action.route];
	}
}

/** The environment a stack is "in", for the status bar: the nearest route that names one. */
export function currentEnvironment(stack: NavStack): string | undefined {
	for (let i = stack.length - 1; i >= 0; i--) {
		const route = stack[i]!;
		if (route.type === 'plan') return route.request.environment;
		if (route.type === 'progress') return route.plan.environment;
		if ('environment' in route) return route.environment;
	}
	return undefined;
}

/** A short breadcrumb title per route, so every screen says where the user is. */
export function routeTitle(route: Route): string {
	switch (route.type) {
		case 'environments': return 'Environments';
		case 'items': return route.base ? `Compare ${route.base} → ${route.environment}` : `Items: ${route.environment}`;
		case 'diff': return `Diff: ${route.comparison.name || route.comparison.key}`;
		case 'plan': return route.request.type === 'publish' && route.request.fromEnvironment !== undefined
			? `Plan: migrate ${route.request.fromEnvironment} → ${route.request.environment}`
			: `Plan: ${route.request.type} ${route.request.environment}`;
		case 'progress': return `Apply: ${route.plan.direction} ${route.plan.environment}`;
		case 'history': return `History: ${route.name || route.id}`;
		case 'operations': return `Operations: ${route.environment}`;
	}
}

/** Which key bindings a route uses: the Items screen of a comparison has its own (`p` migrates, no dump). */
export function screenOf(route: Route): ScreenName {
	return route.type === 'items' && route.base !== undefined ? 'compare' : route.type;
}
