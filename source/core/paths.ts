/**
 * Field paths in the notation of product.md §5 (`a.b[2].c`, `paths["/items"].get`).
 * One module owns the notation so change lists, ignore rules and secret rules can never disagree about it.
 */

/** One step into a JSON value: an object key or an array index. */
export type Segment = string | number;

/** A pattern step: like Segment, plus `*` (any key or any index). */
export type PatternSegment = Segment | typeof wildcard;

/** Marker for the `*` pattern step; a symbol so a real key named `*` can still be matched literally. */
export const wildcard: unique symbol = Symbol('wildcard');

const bareKey = /^[^.\/\[\]"\s*]+$/;

/** Formats segments as the user reads them: quoting only keys that would otherwise be ambiguous. */
export function formatPath(segments: readonly Segment[]): string {
	let out = '';
	for (const segment of segments) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else if (bareKey.test(segment)) out += out === '' ? segment : `.${segment}`;
		else out += `[${JSON.stringify(segment)}]`;
	}
	return out;
}

/** Thrown for a path the user wrote that cannot be parsed; the message says where it breaks. */
export class PathSyntaxError extends Error {
	override name = 'PathSyntaxError';
}

/**
 * Parses a user-written path (config `ignore` entries): dots, `[n]`, `["quoted key"]`, and `*` / `[*]` wildcards.
 * Bare segments that look like numbers stay keys (`responses.200`); only brackets make array indexes.
 */
export function parsePath(text: string): PatternSegment[] {
	const out: PatternSegment[] = [];
	let i = 0;
	const fail = (why: string): never => {
		throw new PathSyntaxError(`Invalid field path "${text}" at character ${i + 1}: ${why}`);
	};
	if (text.trim() === '') fail('the path is empty');
	let expectKey = true;
	while (i < text.length) {
		const char = text[i]!;
		if (char === '[') {
			const close = findBracketEnd(text, i);
			if (close < 0) fail('missing "]"');
			const inner = text.slice(i + 1, close).trim();
			if (inner === '*') out.push(wildcard);
			else if (/^\d+$/.test(inner)) out.push(Number(inner));
			else if (inner.startsWith('"')) {
				try {
					const key: unknown = JSON.parse(inner);
					if (typeof key !== 'string') fail('a quoted key must be a string');
					out.push(key as string);
				} catch {
					fail('bad quoted key');
				}
			} else fail('expected an index, * or a quoted key inside brackets');
			i = close + 1;
			expectKey = false;
			continue;
		}
		if (char === '.') {
			if (expectKey) fail('empty segment');
			i++;
			expectKey = true;
			if (i >= text.length) fail('path ends with "."');
			continue;
		}
		if (!expectKey) fail('expected "." or "["');
		let end = i;
		while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
		const key = text.slice(i, end);
		out.push(key === '*' ? wildcard : key);
		i = end;
		expectKey = false;
	}
	return out;
}

function findBracketEnd(text: string, open: number): number {
	let inString = false;
	for (let i = open + 1; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === ']') return i;
	}
	return -1;
}

/** Whether one pattern step accepts one real step. */
export function segmentMatches(pattern: PatternSegment, segment: Segment): boolean {
	if (pattern === wildcard) return true;
	return pattern === segment;
}

/** Whether a whole pattern matches a whole path (same length, step by step). */
export function pathMatches(pattern: readonly PatternSegment[], path: readonly Segment[]): boolean {
	if (pattern.length !== path.length) return false;
	for (let i = 0; i < pattern.length; i++) if (!segmentMatches(pattern[i]!, path[i]!)) return false;
	return true;
}
