import {useRef} from 'react';
import {useInput, type Key} from 'ink';
import {useRequeue} from './use-chunks.js';

/** What a one-line text field reacts to. */
export interface TextInputHandlers {
	onText(text: string): void;
	onEnter(): void;
	onEscape(): void;
	onBackspace(): void;
}

/** One editing step of a text field, from a chunk Ink delivered. */
export type TextEdit = {readonly type: 'text'; readonly text: string} | {readonly type: 'enter' | 'escape' | 'backspace'};

/**
 * Turns a chunk into edits. Terminals (and tmux send-keys, and pastes) can deliver "prod\r" in one chunk, so Enter and
 * Backspace inside the chunk are honoured in order and other control characters are dropped.
 */
export function textEdits(input: string, key: Key): TextEdit[] {
	if (key.escape) return [{type: 'escape'}];
	if (key.return) return [{type: 'enter'}];
	if (key.backspace || key.delete) return [{type: 'backspace'}];
	if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return [];
	const edits: TextEdit[] = [];
	let text = '';
	const flush = () => {
		if (text !== '') edits.push({type: 'text', text});
		text = '';
	};
	for (const char of input) {
		if (char === '\r' || char === '\n') {
			flush();
			edits.push({type: 'enter'});
		} else if (char === '\u007F' || char === '\b') {
			flush();
			edits.push({type: 'backspace'});
		} else if (char >= ' ') text += char;
	}
	flush();
	return edits;
}

/** Focus-gated input for a one-line text field (the Items filter, the typed-name confirmation); gated like useKeys. */
export function useTextInput(handlers: TextInputHandlers, isActive: boolean): void {
	const latest = useRef({handlers, isActive});
	latest.current = {handlers, isActive};
	const requeue = useRequeue();
	useInput((input, key) => {
		if (!latest.current.isActive) return;
		// Text up to the first Enter belongs to this field; whatever follows goes to whichever input is active next.
		const enterAt = key.return || key.escape ? -1 : input.search(/[\r\n]/);
		const mine = enterAt >= 0 ? input.slice(0, enterAt + 1) : input;
		for (const edit of textEdits(mine, key)) {
			const h = latest.current.handlers;
			if (edit.type === 'text') h.onText(edit.text);
			else if (edit.type === 'enter') h.onEnter();
			else if (edit.type === 'escape') h.onEscape();
			else h.onBackspace();
		}
		if (enterAt >= 0) requeue(input.slice(enterAt + 1));
	});
}
