import {useEffect, useRef, useState} from 'react';
import {errorMessage} from '../../core/errors.js';

/** State of a one-off request made by a screen (a plan, a history). */
export type AsyncState<T> =
	| {readonly state: 'loading'}
	| {readonly state: 'ready'; readonly value: T}
	| {readonly state: 'failed'; readonly error: string};

/**
 * Runs `start` once per `deps` change and tracks its outcome; results that arrive after the screen was left are
 * dropped, so a late answer can never update a screen the user has moved away from.
 */
export function useAsync<T>(start: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
	const [state, setState] = useState<AsyncState<T>>({state: 'loading'});
	useEffect(() => {
		let live = true;
		setState({state: 'loading'});
		start().then(
			(value) => {
				if (live) setState({state: 'ready', value});
			},
			(error: unknown) => {
				if (live) setState({state: 'failed', error: errorMessage(error)});
			},
		);
		return () => {
			live = false;
		};
	}, deps);
	return state;
}

/** Options of useReturnCount. */
export interface UseReturnCountOptions {
	/** Whether the screen is the top, visible one now. */
	readonly isActive: boolean;
}

/** Counts how often a screen became active again after being covered, so it can reload what may have changed. */
export function useReturnCount({isActive}: UseReturnCountOptions): number {
	const [count, setCount] = useState(0);
	const wasActive = useRef(isActive);
	useEffect(() => {
		if (isActive && !wasActive.current) setCount((c) => c + 1);
		wasActive.current = isActive;
	}, [isActive]);
	return count;
}
