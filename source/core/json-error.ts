/**
 * Where JSON text first goes wrong, as 1-based line and column with a plain-words reason: the one locator behind
 * every "invalid JSON" message (layout files, the config file). It scans instead of reading JSON.parse messages,
 * whose wording and positions change between Node versions.
 */
export interface JsonErrorPlace {
	readonly offset: number;
	readonly line: number;
	readonly column: number;
	readonly message: string;
}

/** 1-based line and column of a character offset, for messages users can jump to. */
export function lineColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}
	return {line, column: offset - lineStart + 1};
}

/** The first syntax error of `text` with its line and column; undefined when the text is valid JSON. */
export function jsonErrorPlace(text: string): JsonErrorPlace | undefined {
	const found = locateJsonError(text);
	return found && {...found, ...lineColumn(text, found.offset)};
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
