import test from 'ava';
import {parseJsonText, toTykSyncJson} from '../../../source/sources/layout/json-text.js';

test('toTykSyncJson writes Go MarshalIndent bytes: 2 spaces, no trailing newline, HTML escaped', (t) => {
	const text = toTykSyncJson({a: '<b> & c', n: 3, f: 1.5, big: 1e3, list: [], empty: {}, nested: {x: [1, true, null]}, sep: '\u2028'});
	t.is(
		text,
		'{\n  "a": "\\u003cb\\u003e \\u0026 c",\n  "n": 3,\n  "f": 1.5,\n  "big": 1000,\n  "list": [],\n  "empty": {},\n  "nested": {\n    "x": [\n      1,\n      true,\n      null\n    ]\n  },\n  "sep": "\\u2028"\n}',
	);
	t.deepEqual(JSON.parse(text), {a: '<b> & c', n: 3, f: 1.5, big: 1000, list: [], empty: {}, nested: {x: [1, true, null]}, sep: '\u2028'});
	t.is(toTykSyncJson(JSON.parse('{"i": 5.0}')), '{\n  "i": 5\n}');
	t.is(toTykSyncJson({'<key>': 1}), '{\n  "\\u003ckey\\u003e": 1\n}');
});

test('syntax errors are located by line and column', (t) => {
	const cases: [string, RegExp][] = [
		['{\n  "a": 1,\n}', /expected a property name in double quotes at line 3, column 1/],
		['{"a" 1}', /expected ':' at line 1, column 6/],
		['[1 2]', /expected ',' or '\]' at line 1, column 4/],
		['{"a": tru}', /expected a value at line 1, column 7/],
		['{"a": "x\ny"}', /control character inside a string at line 1, column 9/],
		['"\\q"', /invalid escape/],
		['{} {}', /after the end of the JSON value at line 1, column 4/],
		['', /unexpected end of input, expected a value at line 1, column 1/],
		['\uFEFF{}', /character U\+FEFF, expected a value at line 1, column 1/],
		['{"a": "open', /unterminated string/],
	];
	for (const [text, expected] of cases) {
		const result = parseJsonText(text);
		t.false(result.ok, text);
		if (!result.ok) t.regex(result.error, expected, text);
	}
});

test('deeply nested JSON is refused, not a crash; writing one throws a clear error', (t) => {
	const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
	const result = parseJsonText(deep);
	t.false(result.ok);
	if (!result.ok) t.regex(result.error, /nested deeper than 200 levels/);
	t.true(parseJsonText(`${'['.repeat(150)}${']'.repeat(150)}`).ok);
	let value: unknown[] = [];
	const root = value;
	for (let i = 0; i < 20_000; i++) {
		const next: unknown[] = [];
		value.push(next);
		value = next;
	}
	t.throws(() => toTykSyncJson(root as never), {message: /nested this deeply/});
});
