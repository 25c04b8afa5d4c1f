import {jsonErrorPlace} from '../../core/json-error.js';
import {maxJsonDepth, nestedDeeperThan, type JsonValue} from '../../core/json.js';

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
		const found = jsonErrorPlace(text);
		return {ok: false, error: `not valid JSON: ${found ? `${found.message} at line ${found.line}, column ${found.column}` : 'unreadable'}`};
	}
	if (nestedDeeperThan(value, maxJsonDepth)) return {ok: false, error: `nested deeper than ${maxJsonDepth} levels`};
	return {ok: true, value};
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
