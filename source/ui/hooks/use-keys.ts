import {useRef} from 'react';
import {useInput} from 'ink';
import {commandFor, keyName, type Command, type ScreenName} from '../keys.js';
import {useUi} from '../context.js';
import type {ListMove} from '../state/list.js';
import {firstKey, useRequeue} from './use-chunks.js';

/** Handlers per command; returning `false` means "not handled here", so the global default runs. */
export type CommandHandlers = Partial<Record<Command, () => void | boolean>>;

const controlNames: Readonly<Record<string, string>> = {' ': 'space', '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007F': 'backspace', '\b': 'backspace'};

/**
 * Dispatches keys through the registry for one screen. Only the active (top, focused, no overlay) screen listens, and
 * `back`, `quit` and `help` fall back to the app-wide behaviour unless the screen handles them. Handlers are read from a
 * ref refreshed on every render, so a key that arrives right after another sees the state that key produced.
 */
export function useKeys(screen: ScreenName, handlers: CommandHandlers, isActive: boolean): void {
	const ui = useUi();
	const active = isActive && ui.inputActive;
	const latest = useRef({handlers, ui, active});
	latest.current = {handlers, ui, active};
	const run = (name: string) => {
		const command = commandFor(screen, name);
		if (command === undefined) return;
		const current = latest.current;
		const handler = current.handlers[command];
		if (handler && handler() !== false) return;
		if (command === 'back' || command === 'quit') current.ui.back(command === 'quit');
		else if (command === 'help') current.ui.toggleHelp();
	};
	const requeue = useRequeue();
	// Always subscribed, gated on the latest render instead: Ink swaps listeners in effects, which can run after the
	// next key of a fast sequence has already arrived.
	useInput((input, key) => {
		if (!latest.current.active) return;
		const [first, rest] = keyName(input, key) === undefined ? firstKey(input) : [input, ''];
		const name = first === input ? keyName(input, key) : first === ' ' ? 'space' : controlNames[first] ?? first;
		if (name !== undefined) run(name);
		requeue(rest);
	});
}

/** Handlers for the six list moves, so every list screen wires navigation the same way. */
export function moveHandlers(onMove: (move: ListMove) => void): CommandHandlers {
	return {
		up: () => onMove('up'), down: () => onMove('down'), pageUp: () => onMove('pageUp'),
		pageDown: () => onMove('pageDown'), top: () => onMove('top'), bottom: () => onMove('bottom'),
	};
}
