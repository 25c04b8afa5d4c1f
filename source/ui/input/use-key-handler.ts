import {useContext, useLayoutEffect, useRef} from 'react';
import {InputContext} from './input-provider.js';
import type {InputLayer, KeyHandler} from './key-stack.js';

/** Options of useKeyHandler. */
export interface KeyHandlerOptions {
	/** Only the focused pane listens (default true); an inactive handler stays registered and is skipped. */
	readonly isActive?: boolean;
	readonly layer: InputLayer;
}

/**
 * Puts a handler on the input provider's stack for the component's lifetime. It is refreshed in a layout effect after
 * every commit, before the provider hands out the next key of a chunk, so a key always meets the handler (and the
 * `isActive`) of the state the previous key produced.
 */
export function useKeyHandler(handler: Pick<KeyHandler, 'onKey' | 'onText'>, {isActive = true, layer}: KeyHandlerOptions): void {
	const stack = useContext(InputContext);
	if (!stack) throw new Error('Key handler used outside <InputProvider/>');
	const latest = useRef<KeyHandler>({...handler, isActive, layer});
	useLayoutEffect(() => {
		latest.current = {...handler, isActive, layer};
	});
	useLayoutEffect(() => stack.add(() => latest.current), [stack]);
}
