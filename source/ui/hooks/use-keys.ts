import {useInput} from 'ink';
import {commandFor, keyName, type Command, type ScreenName} from '../keys.js';
import {useUi} from '../context.js';
import type {ListMove} from '../state/list.js';

/** Handlers per command; returning `false` means "not handled here", so the global default runs. */
export type CommandHandlers = Partial<Record<Command, () => void | boolean>>;

/**
 * Dispatches keys through the registry for one screen. Only the active (top, focused, no overlay) screen listens, and
 * `back`, `quit` and `help` fall back to the app-wide behaviour unless the screen handles them.
 */
export function useKeys(screen: ScreenName, handlers: CommandHandlers, isActive: boolean): void {
	const ui = useUi();
	useInput((input, key) => {
		const command = commandFor(screen, keyName(input, key));
		if (command === undefined) return;
		const handler = handlers[command];
		if (handler && handler() !== false) return;
		if (command === 'back' || command === 'quit') ui.back(command === 'quit');
		else if (command === 'help') ui.toggleHelp();
	}, {isActive: isActive && ui.inputActive});
}

/** Handlers for the six list moves, so every list screen wires navigation the same way. */
export function moveHandlers(onMove: (move: ListMove) => void): CommandHandlers {
	return {
		up: () => onMove('up'), down: () => onMove('down'), pageUp: () => onMove('pageUp'),
		pageDown: () => onMove('pageDown'), top: () => onMove('top'), bottom: () => onMove('bottom'),
	};
}
