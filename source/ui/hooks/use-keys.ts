import {commandFor, type Command, type ScreenName} from '../keys.js';
import type {InputLayer} from '../input/key-stack.js';
import {useKeyHandler} from '../input/use-key-handler.js';
import type {ListMove} from '../state/list.js';

/** Handlers per command; returning `false` means "not handled here", so the key falls through (Esc to the app's back). */
export type CommandHandlers = Partial<Record<Command, () => void | boolean>>;

/** Options of useKeys. */
export interface UseKeysOptions {
	/** Only the top, visible screen listens (default true). */
	readonly isActive?: boolean;
	/** Where on the input stack (default `screen`; the app's fallbacks use `app`, the help overlay `overlay`). */
	readonly layer?: InputLayer;
	/** Swallow every key, bound or not: nothing below a modal overlay may act while it is open. */
	readonly modal?: boolean;
}

/**
 * Dispatches keys through the binding registry for one screen: the key's command on that screen runs its handler.
 * Keys without a handler here (and handlers that return false) fall through to the layer below, so `back`, `quit`
 * and `help` reach the app's defaults unless the screen takes them.
 */
export function useKeys(screen: ScreenName, handlers: CommandHandlers, {isActive = true, layer = 'screen', modal = false}: UseKeysOptions = {}): void {
	useKeyHandler({
		onKey: (key) => {
			const command = commandFor(screen, key.name);
			const handler = command === undefined ? undefined : handlers[command];
			const handled = handler !== undefined && handler() !== false;
			return handled || modal;
		},
	}, {isActive, layer});
}

/** Handlers for the six list moves, so every list screen wires navigation the same way. */
export function moveHandlers(onMove: (move: ListMove) => void): CommandHandlers {
	return {
		up: () => onMove('up'), down: () => onMove('down'), pageUp: () => onMove('pageUp'),
		pageDown: () => onMove('pageDown'), top: () => onMove('top'), bottom: () => onMove('bottom'),
	};
}
