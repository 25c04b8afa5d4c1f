import {createContext, useContext} from 'react';
import type {Marks, MarksAction} from './state/marks.js';

/** Marks per view key, held by <App/> so the status bar can count them and they survive visiting a diff. */
export interface MarksContextValue {
	readonly marks: Readonly<Record<string, Marks>>;
	dispatch(viewKey: string, action: MarksAction): void;
}

/** Provided by <App/>; the default is inert so screens also render alone. */
export const MarksContext = createContext<MarksContextValue>({marks: {}, dispatch: () => undefined});

/** The marks of one view and a dispatcher bound to it. */
export function useMarks(viewKey: string): {marks: Marks; dispatch: (action: MarksAction) => void} {
	const value = useContext(MarksContext);
	return {marks: value.marks[viewKey] ?? emptyMarks, dispatch: (action) => value.dispatch(viewKey, action)};
}

const emptyMarks: Marks = new Set();
