import type {Span} from '../../../core/diff-rows.js';
import {chunk, width as cells} from '../../text.js';

/** The spans of a cell, or the whole text as one unchanged span. */
export function cellSpans(text: string, spans: readonly Span[] | undefined): Span[] {
	return spans && spans.length > 0 ? [...spans] : [{text, changed: false}];
}

/** Cuts spans to `max` cells, ending with `…` when something was cut, keeping each piece's changed flag. */
export function clipSpans(spans: readonly Span[], max: number): Span[] {
	const total = spans.reduce((sum, s) => sum + cells(s.text), 0);
	if (total <= max) return [...spans];
	const out: Span[] = [];
	let room = Math.max(0, max - 1);
	for (const span of spans) {
		if (room <= 0) break;
		const pieces = chunk(span.text, room);
		const head = pieces[0] ?? '';
		out.push({text: head, changed: span.changed});
		room -= cells(head);
	}
	out.push({text: '…', changed: false});
	return out;
}

/** Splits spans into lines of at most `size` cells, for wrapped diff rows. Always at least one line. */
export function wrapSpans(spans: readonly Span[], size: number): Span[][] {
	const lines: Span[][] = [[]];
	let used = 0;
	for (const span of spans) {
		let rest = span.text;
		while (rest !== '') {
			const room = size - used;
			if (room <= 0) {
				lines.push([]);
				used = 0;
				continue;
			}
			const [head = ''] = chunk(rest, room);
			lines[lines.length - 1]!.push({text: head, changed: span.changed});
			used += cells(head);
			rest = rest.slice(head.length);
		}
	}
	return lines;
}

/** Pads a span list to exactly `size` cells. */
export function spansWidth(spans: readonly Span[]): number {
	return spans.reduce((sum, s) => sum + cells(s.text), 0);
}

/** Leaves out the first `skip` cells of a line (horizontal scroll), never cutting inside a grapheme. */
export function skipCells(spans: readonly Span[], skip: number): Span[] {
	if (skip <= 0) return [...spans];
	const out: Span[] = [];
	let left = skip;
	for (const span of spans) {
		if (left <= 0) {
			out.push(span);
			continue;
		}
		const size = cells(span.text);
		if (size <= left) {
			left -= size;
			continue;
		}
		let rest = span.text;
		while (left > 0 && rest !== '') {
			const [head = ''] = chunk(rest, 1);
			left -= cells(head);
			rest = rest.slice(head.length);
		}
		if (rest !== '') out.push({text: rest, changed: span.changed});
	}
	return out;
}

/** A span with a flag for text that matches the search, shown inverted. */
export interface MarkedSpan extends Span {
	readonly match?: boolean;
}

/** Splits spans where `needle` (lower case) occurs, case-insensitively, flagging the occurrences. */
export function markMatches(spans: readonly Span[], needle: string): MarkedSpan[] {
	if (needle === '') return [...spans];
	const out: MarkedSpan[] = [];
	for (const span of spans) {
		const lower = span.text.toLowerCase();
		// Lower-casing can change a string's length (rare letters); then the span is left as it is.
		if (lower.length !== span.text.length) {
			out.push(span);
			continue;
		}
		let from = 0;
		for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
			if (at > from) out.push({text: span.text.slice(from, at), changed: span.changed});
			out.push({text: span.text.slice(at, at + needle.length), changed: span.changed, match: true});
			from = at + needle.length;
		}
		if (from < span.text.length) out.push({text: span.text.slice(from), changed: span.changed});
	}
	return out;
}
