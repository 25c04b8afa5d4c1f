/** Cursor and scroll offset of a virtualised list; only rows offset..offset+viewport are ever rendered. */
export interface ListState {
	readonly cursor: number;
	readonly offset: number;
}

/** The navigation keys every list understands. */
export type ListMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/** Size facts a move needs; passed in rather than stored so a filter or a resize can never leave stale bounds. */
export interface ListBounds {
	readonly count: number;
	readonly viewport: number;
}

/** A list opens at its first row. */
export const initialList: ListState = {cursor: 0, offset: 0};

/** Keeps the cursor inside the list and the offset such that the cursor is visible. */
export function clampList(state: ListState, {count, viewport}: ListBounds): ListState {
	const view = Math.max(1, viewport);
	const cursor = count === 0 ? 0 : Math.min(Math.max(0, state.cursor), count - 1);
	let offset = Math.min(Math.max(0, state.offset), Math.max(0, count - view));
	if (cursor < offset) offset = cursor;
	if (cursor >= offset + view) offset = cursor - view + 1;
	if (cursor === state.cursor && offset === state.offset) return state;
	return {cursor, offset};
}

/** Applies one navigation key to a list. */
export function moveList(state: ListState, move: ListMove, bounds: ListBounds): ListState {
	const page = Math.max(1, bounds.viewport - 1);
	const current = clampList(state, bounds);
	const last = Math.max(0, bounds.count - 1);
	switch (move) {
		case 'up': return clampList({...current, cursor: current.cursor - 1}, bounds);
		case 'down': return clampList({...current, cursor: current.cursor + 1}, bounds);
		case 'pageUp': return clampList({cursor: current.cursor - page, offset: current.offset - page}, bounds);
		case 'pageDown': return clampList({cursor: current.cursor + page, offset: current.offset + page}, bounds);
		case 'top': return clampList({cursor: 0, offset: 0}, bounds);
		case 'bottom': return clampList({cursor: last, offset: last}, bounds);
	}
}
