import type {Key} from 'ink';
import {keyName} from '../keys.js';

/** One key of a chunk, as the registry names it and as a text field would type it. */
export interface KeyPress {
	/** The registry's name: a character, or enter/esc/space/tab/backspace/up/down/pgup/pgdn/home/end/ctrl-x. */
	readonly name: string;
	/** What the key types into a text field: the character for printable keys (' ' for space), '' for the others. */
	readonly text: string;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

const controls: Readonly<Record<string, string>> = {
	'\r': 'enter', '\n': 'enter', '\r\n': 'enter', '\t': 'tab', '\u007F': 'backspace', '\b': 'backspace',
};

/** One grapheme of a typed run: control characters by name (Ctrl-letters as `ctrl-x`), the rest as themselves. */
function fromGrapheme(segment: string): KeyPress | undefined {
	const control = controls[segment];
	if (control !== undefined) return {name: control, text: ''};
	if (segment === ' ') return {name: 'space', text: ' '};
	const code = segment.codePointAt(0)!;
	if (code >= 1 && code <= 26) return {name: `ctrl-${String.fromCodePoint(code + 96)}`, text: ''};
	if (code < 32 || code === 127) return undefined;
	return {name: segment, text: segment};
}

/**
 * Splits what Ink's `useInput` delivered into keys, synchronously. Ink hands over either one recognised key (an escape
 * sequence, Enter, Tab, a Ctrl-letter: never split) or a run of typed characters that a paste or tmux send-keys made
 * in one chunk ("/gold", "jj\r"); the run is cut into graphemes, so "👨‍👩‍👧" or "é" stays one key, and each key acts
 * as if it had been typed alone.
 */
export function splitKeys(input: string, key: Key): KeyPress[] {
	const single = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown
		|| key.home || key.end || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl || key.meta;
	if (single) {
		const name = keyName(input, key);
		return name === undefined ? [] : [{name, text: ''}];
	}
	const keys: KeyPress[] = [];
	for (const {segment} of graphemes.segment(input)) {
		const press = fromGrapheme(segment);
		if (press) keys.push(press);
	}
	return keys;
}
