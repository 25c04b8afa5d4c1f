import type {Plan} from '../../core/plan.js';
import type {EnvironmentView} from '../../engine/services.js';

/** Loading state of one environment (or one comparison of two), kept apart so one failure never touches another. */
export type ViewEntry =
	| {readonly state: 'loading'; readonly previous?: EnvironmentView}
	| {readonly state: 'ready'; readonly view: EnvironmentView}
	| {readonly state: 'failed'; readonly error: string};

/** Entries by view key (see viewKey). */
export type ViewStore = Readonly<Record<string, ViewEntry>>;

/** What a load reports into the cache. */
export type ViewAction =
	| {readonly type: 'loading'; readonly key: string}
	| {readonly type: 'loaded'; readonly key: string; readonly view: EnvironmentView}
	| {readonly type: 'failed'; readonly key: string; readonly error: string};

/** Store key of an environment view, or of a comparison `base → other`. */
export function viewKey(environment: string, base?: string): string {
	return base === undefined ? environment : `${base}→${environment}`;
}

/**
 * The Items view whose marks a plan was made from (a migration comes from the comparison of its source and target),
 * so the items it applied can be unmarked; undefined for rollback and undo, which act on one item or operation.
 */
export function planViewKey(plan: Plan): string | undefined {
	if (plan.direction === 'migrate') return viewKey(plan.environment, plan.source.environment);
	if (plan.direction === 'publish' || plan.direction === 'dump') return viewKey(plan.environment);
	return undefined;
}

/** Pure reducer for the view cache; a reload keeps the previous view visible while the new one loads. */
export function viewsReducer(store: ViewStore, action: ViewAction): ViewStore {
	switch (action.type) {
		case 'loading': {
			const current = store[action.key];
			const previous = current?.state === 'ready' ? current.view : current?.state === 'loading' ? current.previous : undefined;
			return {...store, [action.key]: previous ? {state: 'loading', previous} : {state: 'loading'}};
		}
		case 'loaded': return {...store, [action.key]: {state: 'ready', view: action.view}};
		case 'failed': return {...store, [action.key]: {state: 'failed', error: action.error}};
	}
}

/** The view to show for an entry: the loaded one, or the previous one while reloading. */
export function shownView(entry: ViewEntry | undefined): EnvironmentView | undefined {
	if (!entry) return undefined;
	if (entry.state === 'ready') return entry.view;
	if (entry.state === 'loading') return entry.previous;
	return undefined;
}
