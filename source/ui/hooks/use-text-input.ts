import {useKeyHandler} from '../input/use-key-handler.js';

/** What a one-line text field reacts to. */
export interface TextInputHandlers {
	onText(text: string): void;
	onEnter(): void;
	onEscape(): void;
	onBackspace(): void;
}

/** Options of useTextInput. */
export interface UseTextInputOptions {
	/** True while the field is open on the active screen. */
	readonly isActive: boolean;
}

/**
 * A one-line text field (the Items filter, the typed name of a protected environment). While active it sits above the
 * screen on the input stack, so letters are typed into it instead of acting as the screen's keys; Enter, Esc and
 * Backspace edit it too. Other keys (arrows, page keys, Tab, Ctrl-letters) fall through to the screen, which can still
 * move its cursor while the user types.
 */
export function useTextInput(handlers: TextInputHandlers, {isActive}: UseTextInputOptions): void {
	useKeyHandler({
		onText: (text) => handlers.onText(text),
		onKey: (key) => {
			if (key.text !== '') handlers.onText(key.text);
			else if (key.name === 'enter') handlers.onEnter();
			else if (key.name === 'esc') handlers.onEscape();
			else if (key.name === 'backspace') handlers.onBackspace();
			else return false;
			return true;
		},
	}, {isActive, layer: 'text'});
}
