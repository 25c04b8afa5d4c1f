import {isJsonObject, type JsonValue} from '../../core/json.js';

/** Files nested deeper than this are refused: real Tyk definitions stay far below, and recursion later would crash. */
export const maxJsonDepth = 200;

export type ParsedJson = {readonly ok: true; readonly value: JsonValue} | {readonly ok: false; readonly error: string};

/**
 * Parses a file's text; on failure the error gives line and column, because "Unexpected token" alone does not help
 * anyone fix a hand-edited file in a 500-line definition.
 */
export function parseJsonText(text: string): ParsedJson {
	let value: JsonValue;
	try {
		value = JSON.parse(text) as JsonValue;
	} catch {
		const found = locateJsonError(text);
		return {ok: false, error: `not valid JSON: ${found ? `${found.message} at ${lineColumn(text, found.offset)}` : 'unreadable'}`};
	}
	if (exceedsDepth(value, maxJsonDepth)) return {ok: false, error: `nested deeper than ${maxJsonDepth} levels`};
	return {ok: true, value};
}

/** `line L, column C` (both 1-based) for an offset into the text. */
export function lineColumn(text: string, offset: number): string {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}
	return `line ${line}, column ${offset - lineStart + 1}`;
}

function exceedsDepth(value: JsonValue, budget: number): boolean {
	if (budget < 0) return true;
	if (Array.isArray(value)) {
		for (const entry of value) if (typeof entry === 'object' && entry !== null && exceedsDepth(entry, budget - 1)) return true;
	} else if (isJsonObject(value)) {
		for (const key in value) {
			const entry = value[key]!;
			if (typeof entry === 'object' && entry !== null && exceedsDepth(entry, budget - 1)) return true;
		}
	}
	return false;
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

function describeChar(text: string, offset: number): string {
	if (offset >= text.length) return 'end of input';
	const code = text.codePointAt(offset)!;
	return code < 0x20 || code === 0xfeff ? `character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(code)}'`;
}

/**
 * Finds where JSON text first goes wrong, with an iterative scanner (deep nesting cannot overflow the stack). Only
 * run after `JSON.parse` failed, so its speed does not matter.
 */
export function locateJsonError(text: string): {offset: number; message: string} | undefined {
	const stack: string[] = [];
	let i = 0;
	let mode: 'value' | 'key' | 'after' = 'value';
	const skip = (): void => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};
	const fail = (message: string): {offset: number; message: string} => ({offset: i, message});
	const scanString = (): string | undefined => {
		i++;
		while (i < text.length) {
			const c = text.charCodeAt(i);
			if (c === 34) {
				i++;
				return undefined;
			}
			if (c < 0x20) return 'control character inside a string';
			if (c === 92) {
				const next = text[i + 1] ?? '';
				if (!escapes.has(next)) {
					i++;
					return `invalid escape ${describeChar(text, i)}`;
				}
				if (next === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return 'invalid \\u escape';
				i += next === 'u' ? 6 : 2;
				continue;
			}
			i++;
		}
		return 'unterminated string';
	};
	for (;;) {
		skip();
		if (mode === 'value') {
			const c = text[i];
			if (c === '{' || c === '[') {
				stack.push(c);
				i++;
				skip();
				if (text[i] === (c === '{' ? '}' : ']')) {
					stack.pop();
					i++;
					mode = 'after';
				} else mode = c === '{' ? 'key' : 'value';
				continue;
			}
			if (c === '"') {
				const problem = scanString();
				if (problem) return fail(problem);
				mode = 'after';
				continue;
			}
			const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
			if (literal) {
				i += literal.length;
				mode = 'after';
				continue;
			}
			numberPattern.lastIndex = i;
			if (c !== undefined && numberPattern.test(text)) {
				i = numberPattern.lastIndex;
				mode = 'after';
				continue;
			}
			return fail(`unexpected ${describeChar(text, i)}, expected a value`);
		}
		if (mode === 'key') {
			if (text[i] !== '"') return fail(`unexpected ${describeChar(text, i)}, expected a property name in double quotes`);
			const problem = scanString();
			if (problem) return fail(problem);
			skip();
			if (text[i] !== ':') return fail(`unexpected ${describeChar(text, i)}, expected ':'`);
			i++;
			mode = 'value';
			continue;
		}
		const top = stack.at(-1);
		if (top === undefined) return i < text.length ? fail(`unexpected ${describeChar(text, i)} after the end of the JSON value`) : undefined;
		const close = top === '{' ? '}' : ']';
		if (text[i] === ',') {
			i++;
			mode = top === '{' ? 'key' : 'value';
		} else if (text[i] === close) {
			stack.pop();
			i++;
		} else return fail(`unexpected ${describeChar(text, i)}, expected ',' or '${close}'`);
	}
}

const goEscapes: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'};

/**
 * Serialises like Go's `json.MarshalIndent(v, "", "  ")` as used by tyk-sync: 2-space indent, no trailing newline,
 * HTML characters escaped. Matching its bytes keeps diffs minimal in repositories written by both tools. These
 * characters can only appear inside strings in JSON output, so replacing them in the output is exact.
 */
export function toTykSyncJson(value: JsonValue): string {
	let text: string;
	try {
		text = JSON.stringify(value, null, 2);
	} catch (error) {
		if (error instanceof RangeError) throw new Error(`cannot write JSON nested this deeply (limit ${maxJsonDepth} levels)`);
		throw error;
	}
	return text.replace(/[<>&\u2028\u2029]/g, (char) => goEscapes[char]!);
}
