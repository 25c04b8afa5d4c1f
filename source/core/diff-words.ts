import {diffWordsWithSpace} from 'diff';
import type {Span} from './diff-types.js';

/** Word-level pieces of a paired changed line, one list per side. */
export interface WordSpans {
	readonly left: Span[];
	readonly right: Span[];
}

/**
 * Word-level changes inside one paired line (delta-style emphasis). Returns undefined when either line is over
 * the cap or jsdiff's time limit trips: the line then shows as changed as a whole, which is still correct.
 */
export function wordSpans(left: string, right: string, capChars: number, timeoutMs: number): WordSpans | undefined {
	if (left.length > capChars || right.length > capChars) return undefined;
	const changes = diffWordsWithSpace(left, right, {timeout: Math.max(1, timeoutMs)});
	if (!changes) return undefined;
	const out: WordSpans = {left: [], right: []};
	for (const change of changes) {
		if (change.value === '') continue;
		if (!change.added) push(out.left, change.value, change.removed);
		if (!change.removed) push(out.right, change.value, change.added);
	}
	return out;
}

function push(spans: Span[], text: string, changed: boolean): void {
	const last = spans[spans.length - 1];
	if (last && last.changed === changed) spans[spans.length - 1] = {text: last.text + text, changed};
	else spans.push({text, changed});
}
