import {useRef} from 'react';
import {useInput, type Key} from 'ink';
import {commandFor, keyName, type Command, type ScreenName} from '../keys.js';
import {useUi} from '../context.js';
import type {ListMove} from '../state/list.js';

/** Handlers per command; returning `false` means "not handled here", so the global default runs. */
export type CommandHandlers = Partial<Record<Command, () => void | boolean>>;

/**
 * Splits a chunk Ink delivered as one input (fast typing, tmux send-keys, paste) into single keys, so "jjj" moves
 * three rows instead of being ignored.
 */
export function splitKeys(input: string, key: Key): string[] {
	const named = keyName(input, key);
	if (named !== undefined) return [named];
	if (key.ctrl || key.meta || input.length <= 1) return [];
	return [...input].map((char) => (char === ' ' ? 'space' : char));
}

/**
 * Dispatches keys through the registry for one screen. Only the active (top, focused, no overlay) screen listens, and
 * `back`, `quit` and `help` fall back to the app-wide behaviour unless the screen handles them. Handlers are read from a
 * ref refreshed on every render, so a key that arrives right after another sees the state that key produced.
 */
export function useKeys(screen: ScreenName, handlers: CommandHandlers, isActive: boolean): void {
	const ui = useUi();
	const latest = useRef({handlers, ui});
	latest.current = {handlers, ui};
	useInput((input, key) => {
		for (const name of splitKeys(input, key)) {
			const command = commandFor(screen, name);
			if (command === undefined) continue;
			const current = latest.current;
			const handler = current.handlers[command];
			if (handler && handler() !== false) continue;
			if (command === 'back' || command === 'quit') current.ui.back(command === 'quit');
			else if (command === 'help') current.ui.toggleHelp();
		}
	}, {isActive: isActive && ui.inputActive});
}

/** Handlers for the six list moves, so every list screen wires navigation the same way. */
export function moveHandlers(onMove: (move: ListMove) => void): CommandHandlers {
	return {
		up: () => onMove('up'), down: () => onMove('down'), pageUp: () => onMove('pageUp'),
		pageDown: () => onMove('pageDown'), top: () => onMove('top'), bottom: () => onMove('bottom'),
	};
}
