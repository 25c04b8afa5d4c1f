import test from 'ava';
import {canonicalJson, sortedCopy} from '../../source/core/canonical.js';
import type {JsonObject, JsonValue} from '../../source/core/json.js';

function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function randomValue(random: () => number, depth = 0): JsonValue {
	const pick = Math.floor(random() * (depth > 3 ? 4 : 6));
	if (pick === 0) return null;
	if (pick === 1) return random() < 0.5;
	if (pick === 2) return Math.floor(random() * 1000) / 8;
	if (pick === 3) return `s${Math.floor(random() * 50)}\u00e9"\n`;
	if (pick === 4) return Array.from({length: Math.floor(random() * 4)}, () => randomValue(random, depth + 1));
	const out: JsonObject = {};
	for (let i = Math.floor(random() * 5); i > 0; i--) out[`k${Math.floor(random() * 20)}`] = randomValue(random, depth + 1);
	return out;
}

/** The same content with every object's keys in a shuffled order. */
function shuffled(value: JsonValue, random: () => number): JsonValue {
	if (Array.isArray(value)) return value.map((entry) => shuffled(entry, random));
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value).sort(() => random() - 0.5);
	const out: JsonObject = {};
	for (const key of keys) out[key] = shuffled(value[key]!, random);
	return out;
}

test('canonical JSON is independent of key order (300 random values) and parses back to the same content', (t) => {
	const random = rng(7);
	for (let round = 0; round < 300; round++) {
		const value = randomValue(random);
		const text = canonicalJson(value);
		t.is(text, JSON.stringify(sortedCopy(value)), 'the compact text is written directly, byte for byte the sorted copy\'s');
		t.is(canonicalJson(shuffled(value, random)), text);
		t.deepEqual(JSON.parse(text), value);
		t.is(canonicalJson(value, 2), JSON.stringify(JSON.parse(text), null, 2), 'indented text is the same document');
	}
});

test('keys sort by code unit at every level; arrays keep their order', (t) => {
	t.is(canonicalJson({b: 1, a: [{d: null, c: 'x'}], e: {g: true, f: 1.5}}), '{"a":[{"c":"x","d":null}],"b":1,"e":{"f":1.5,"g":true}}');
	t.is(canonicalJson({é: 1, Z: 2, a: 3}), '{"Z":2,"a":3,"é":1}');
	t.is(canonicalJson([3, 1, 2]), '[3,1,2]');
	t.is(canonicalJson({b: 1, a: 2}, 2), '{\n  "a": 2,\n  "b": 1\n}');
});

test('a "__proto__" key from JSON.parse survives the copy instead of vanishing into the prototype', (t) => {
	const value = JSON.parse('{"b":1,"__proto__":{"x":1}}') as JsonValue;
	t.is(canonicalJson(value), '{"__proto__":{"x":1},"b":1}');
	const copy = sortedCopy(value) as JsonObject;
	t.true(Object.hasOwn(copy, '__proto__'));
	t.is(Object.getPrototypeOf(copy), Object.prototype);
});
