/** Everything the Diff screen lets the user change; the row model itself is derived, never stored here. */
export interface DiffViewState {
	/** Index of the first row shown. */
	readonly top: number;
	readonly fold: boolean;
	readonly wrap: boolean;
	readonly swap: boolean;
	readonly showHidden: boolean;
	/** Cells scrolled off to the left (←/→ while wrap is off). */
	readonly offset: number;
	/** The JSON view: one side's full text instead of the diff (`v`). */
	readonly raw: boolean;
}

/** Diff keys as reducer actions. */
export type DiffViewAction =
	| {readonly type: 'scroll'; readonly move: 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'}
	| {readonly type: 'nextChange'}
	| {readonly type: 'prevChange'}
	| {readonly type: 'toggle'; readonly what: 'fold' | 'wrap' | 'swap' | 'showHidden' | 'raw'}
	/** Horizontal scroll by `by` cells (negative: left), never past the longest line (`max`). */
	| {readonly type: 'shift'; readonly by: number; readonly max: number}
	/**
	 * Show row `row` a few rows below the top (a search match), with context above it; `rows` is the row count of the
	 * model the row belongs to when that model is about to replace the current one (a search that unfolds).
	 */
	| {readonly type: 'show'; readonly row: number; readonly rows?: number};

/** Facts about the current row model a move needs. */
export interface DiffBounds {
	readonly rows: number;
	readonly viewport: number;
	readonly hunks: readonly number[];
}

/** Folded, not wrapped, sides as given, server-managed fields hidden: the view most users want first. */
export const initialDiffView: DiffViewState = {top: 0, fold: true, wrap: false, swap: false, showHidden: false, offset: 0, raw: false};

/** Keeps `top` such that the last page is full (no scrolling into blank space). */
export function clampTop(top: number, bounds: DiffBounds): number {
	return Math.max(0, Math.min(top, bounds.rows - Math.max(1, bounds.viewport)));
}

/**
 * Pure reducer for the Diff screen. Toggles that change the row model (fold, swap, hidden fields) reset the scroll to
 * the first change, because row indexes of the old model mean nothing in the new one.
 */
export function diffViewReducer(state: DiffViewState, action: DiffViewAction, bounds: DiffBounds): DiffViewState {
	const page = Math.max(1, bounds.viewport - 1);
	switch (action.type) {
		case 'scroll': {
			const delta = {up: -1, down: 1, pageUp: -page, pageDown: page, top: -Infinity, bottom: Infinity}[action.move];
			const target = action.move === 'top' ? 0 : action.move === 'bottom' ? bounds.rows : state.top + delta;
			return {...state, top: clampTop(target, bounds)};
		}
		case 'nextChange': {
			const next = bounds.hunks.find((h) => h > state.top);
			return next === undefined ? state : {...state, top: clampTop(next, bounds)};
		}
		case 'prevChange': {
			const previous = [...bounds.hunks].reverse().find((h) => h < state.top);
			return previous === undefined ? state : {...state, top: previous};
		}
		case 'toggle': {
			const toggled = {...state, [action.what]: !state[action.what]};
			return action.what === 'wrap' ? {...toggled, offset: 0} : {...toggled, top: 0};
		}
		case 'shift': return {...state, offset: Math.max(0, Math.min(state.offset + action.by, action.max))};
		case 'show': return {...state, top: clampTop(action.row - Math.min(2, Math.floor(bounds.viewport / 3)), {...bounds, rows: action.rows ?? bounds.rows})};
	}
}

/**
 * Which change (1-based) the view is at, for "change 2/5" in the footer: the first change visible on screen, else the
 * last one scrolled past (0 before the first).
 */
export function currentHunk(top: number, viewport: number, hunks: readonly number[]): number {
	const visible = hunks.findIndex((h) => h >= top && h < top + viewport);
	if (visible >= 0) return visible + 1;
	let passed = 0;
	for (const h of hunks) if (h < top) passed++;
	return passed;
}
