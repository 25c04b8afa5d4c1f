import {useLayoutEffect} from 'react';
import {useUiActions} from '../context.js';
import type {Hint} from '../keys.js';

/**
 * Shows these status-bar hints instead of the screen's registry hints while the screen is active (a focused text
 * field, a key that cannot act now); undefined, an inactive screen or an unmounted one gives the registry's back.
 */
export function useHints(override: readonly Hint[] | undefined, isActive: boolean): void {
	const ui = useUiActions();
	// By value: a screen builds its hints on every render, and an equal list must not set the state again.
	const key = override !== undefined && isActive ? JSON.stringify(override) : undefined;
	useLayoutEffect(() => {
		if (key === undefined) return undefined;
		ui.hints(JSON.parse(key) as Hint[]);
		return () => ui.hints(undefined);
	}, [key]);
}
