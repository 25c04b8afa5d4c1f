import test from 'ava';
import {jsonErrorPlace, lineColumn, locateJsonError} from '../../source/core/json-error.js';
import {maxJsonDepth, nestedDeeperThan, type JsonValue} from '../../source/core/json.js';

function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const samples: JsonValue[] = [
	{environments: [{name: 'a', dashboard: 'http://x', tags: ['p', 'q'], n: -1.5e3, ok: true, none: null}]},
	[1, 2, {a: 'x\\"y\u00e9', b: []}, {}],
	{oas: {paths: {'/items/{id}': {get: {parameters: [{name: 'id', in: 'path'}]}}}}},
];

test('line and column are 1-based and count from the last newline', (t) => {
	t.deepEqual(lineColumn('ab\ncd\nef', 7), {line: 3, column: 2});
	t.deepEqual(lineColumn('abc', 0), {line: 1, column: 1});
	t.deepEqual(lineColumn('a\n', 2), {line: 2, column: 1});
});

test('the locator names the place of the error', (t) => {
	t.deepEqual(jsonErrorPlace('{\n  "a": 1,\n}'), {offset: 12, line: 3, column: 1, message: 'unexpected \'}\', expected a property name in double quotes'});
	t.like(jsonErrorPlace('{"stateDir": "x",\n "environments": [1,]}'), {line: 2, column: 21, message: 'unexpected \']\', expected a value'});
	t.like(jsonErrorPlace('{\n  "environments": [\n'), {line: 3, column: 1, message: 'unexpected end of input, expected a value'});
	t.is(jsonErrorPlace('{"ok": [1, 2.5e3, "x", {"y": null}]}'), undefined);
});

test('property: the locator agrees with JSON.parse on 2,000 random edits of valid documents, and points inside the text', (t) => {
	const random = rng(11);
	const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '1', '-', 'e', '.', 't', 'n', 'x', '\u0001'];
	for (let round = 0; round < 2000; round++) {
		const base = JSON.stringify(samples[round % samples.length], null, round % 2 === 0 ? 2 : 0);
		const at = Math.floor(random() * (base.length + 1));
		const edit = random();
		const text = edit < 0.3 ? base.slice(0, at)
			: edit < 0.6 ? base.slice(0, at) + base.slice(at + 1)
				: base.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + base.slice(at);
		let valid = true;
		try {
			JSON.parse(text);
		} catch {
			valid = false;
		}
		const found = locateJsonError(text);
		t.is(found === undefined, valid, JSON.stringify(text));
		if (found) {
			t.true(found.offset >= 0 && found.offset <= text.length);
			const place = jsonErrorPlace(text)!;
			t.is(text.split('\n').slice(0, place.line - 1).join('\n').length + (place.line > 1 ? 1 : 0) + place.column - 1, found.offset);
		}
	}
});

test('one depth limit: a value as deep as the limit passes, one level more does not; no recursion', (t) => {
	const nest = (levels: number): JsonValue => {
		let value: JsonValue = [];
		for (let i = 1; i < levels; i++) value = [value];
		return value;
	};
	t.false(nestedDeeperThan(nest(maxJsonDepth)));
	t.true(nestedDeeperThan(nest(maxJsonDepth + 1)));
	t.true(nestedDeeperThan(nest(100_000)));
	t.false(nestedDeeperThan({a: {b: {c: 1}}}, 3));
	t.true(nestedDeeperThan({a: {b: {c: {}}}}, 3));
	t.false(nestedDeeperThan('text', 0));
});
