import test from 'ava';
import {isJsonObject, type JsonValue} from '../../../source/core/json.js';
import {ElementTooLarge, ListSplitter} from '../../../source/sources/dashboard/list-json.js';

/** Chunk sizes the text is fed in: one byte at a time, small odd pieces (splitting UTF-8 and escapes), all at once. */
const chunkSizes = [1, 2, 3, 7, 64, Number.MAX_SAFE_INTEGER];

/** The text as the network hands it over, `size` bytes at a time. */
function split(text: string, size: number, map: (entry: JsonValue) => JsonValue = (entry) => entry): JsonValue {
	const bytes = Buffer.from(text, 'utf8');
	const splitter = new ListSplitter('apis', map);
	for (let at = 0; at < bytes.length; at += size) splitter.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
	return splitter.finish();
}

/** The reference: JSON.parse, then the same map over the member when it is a list. */
function reference(text: string, map: (entry: JsonValue) => JsonValue = (entry) => entry): JsonValue {
	const value = JSON.parse(text) as JsonValue;
	if (isJsonObject(value) && Array.isArray(value['apis'])) value['apis'] = value['apis'].map(map);
	return value;
}

function outcome(run: () => JsonValue): {value?: JsonValue; error?: string} {
	try {
		return {value: run()};
	} catch (error) {
		return {error: (error as Error).name};
	}
}

const wellFormed = [
	'{"apis":[],"pages":0}',
	'  {\n "apis" : [ ] }  ',
	'{"pages":1,"apis":[{"a":1},{"b":[1,2,{"c":"]"}]},3,"x",null,true,[{"d":"}"}]]}',
	'{"apis":[{"s":"quote \\" inside, comma, bracket ] brace }"},{"t":"ends with a backslash \\\\"}]}',
	'{"apis":[{"runs":"\\\\\\\\\\" still open \\\\\\\\","after":"]}"},{"u":"\\\\\\"x\\\\"}]}',
	'{"apis":[{"name":"Ünïcødé ✓ 漢字","emoji":"😀"}],"more":{"apis":[1]}}',
	'{"ap\\u0069s":[{"escaped":"key"}]}',
	'{"apis":[{"api_definition":{"is_oas":true,"api_id":"x"},"oas":{"big":[1,2,3]}}]}',
	'{"apis":null,"pages":0}',
	'{"apis":{"not":"a list"}}',
	'{"apis":"text"}',
	'[{"apis":[]}]',
	'{"other":[1,2]}',
	'{}',
];

test('element by element gives exactly what JSON.parse gives, for every well-formed shape and chunking', (t) => {
	for (const text of wellFormed) {
		for (const size of chunkSizes) t.deepEqual(outcome(() => split(text, size)), outcome(() => reference(text)), `${text} in ${size}-byte chunks`);
	}
});

test('each element is handed to map as it is parsed, and the map result is what is kept', (t) => {
	const seen: JsonValue[] = [];
	const map = (entry: JsonValue): JsonValue => {
		seen.push(entry);
		return isJsonObject(entry) ? {kept: Object.keys(entry).length} : entry;
	};
	const text = '{"apis":[{"a":1,"b":2},"x",{"c":{"d":[]}}],"pages":1}';
	const bytes = Buffer.from(text);
	const splitter = new ListSplitter('apis', map);
	splitter.push(bytes.subarray(0, 23));
	t.deepEqual(seen, [{a: 1, b: 2}], 'the first entry is handed over before the answer is complete');
	splitter.push(bytes.subarray(23));
	t.deepEqual(splitter.finish(), {apis: [{kept: 2}, 'x', {kept: 1}], pages: 1});
	t.deepEqual(seen, [{a: 1, b: 2}, 'x', {c: {d: []}}]);
});

test('shapes that are not a list are parsed whole, untouched by map', (t) => {
	const map = (): JsonValue => 'mapped';
	for (const text of ['{"apis":null}', '{"apis":{"a":[1]}}', '{"apis":"x"}', '[{"apis":[1]}]', '"apis"', '{"Data":[1]}']) {
		for (const size of chunkSizes) t.deepEqual(split(text, size, map), JSON.parse(text) as JsonValue, text);
	}
});

test('a document naming the list twice is refused (JSON.parse would silently keep the last)', (t) => {
	for (const text of ['{"apis":[1],"apis":[2]}', '{"apis":[1],"apis":null}']) {
		for (const size of chunkSizes) t.throws(() => split(text, size), {instanceOf: SyntaxError, message: /"apis" twice/});
	}
});

test('malformed JSON is never accepted: every cut-off prefix and corruption fails as JSON.parse fails', (t) => {
	const text = wellFormed[2]! + ' ';
	const broken = [
		'{"apis":[1,]}', '{"apis":[,1]}', '{"apis":[1 2]}', '{"apis":[{"a":1}}]}', '{"apis":[1]]}', '{"apis":[1]', '{"apis":[1]} x',
		'{"apis" x :[1]}', '{"apis":[{"a":"unterminated}]}', '\uFEFF{"apis":[]}',
	];
	for (let cut = 1; cut < text.length - 1; cut++) broken.push(text.slice(0, cut));
	for (const bad of broken) {
		const expected = outcome(() => reference(bad));
		for (const size of [1, 5, Number.MAX_SAFE_INTEGER]) t.deepEqual(outcome(() => split(bad, size)), expected, `${bad} in ${size}-byte chunks`);
	}
});

test('an element longer than the bound throws ElementTooLarge as soon as it is past it; shorter ones and the envelope are not bounded', (t) => {
	const splitter = new ListSplitter('apis', (entry) => entry, 100);
	splitter.push(Buffer.from(`{"apis":[{"a":"${'x'.repeat(80)}"},`));
	const error = t.throws(() => splitter.push(Buffer.from(`{"b":"${'y'.repeat(200)}`)), {instanceOf: ElementTooLarge});
	t.is(error!.limit, 100);
	const small = new ListSplitter('apis', (entry) => entry, 100);
	for (const chunk of [`{"note":"${'z'.repeat(500)}","apis":[`, '{"a":1},', '{"a":2}', '],"pages":1}']) small.push(Buffer.from(chunk));
	t.deepEqual(small.finish(), {note: 'z'.repeat(500), apis: [{a: 1}, {a: 2}], pages: 1});
});

test('the depth bound is kept while splitting: deeper than the limit anywhere is flagged, at the limit is not', (t) => {
	const nest = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
	for (const size of chunkSizes) {
		const check = (text: string): {checked: boolean; tooDeep: boolean} => {
			const bytes = Buffer.from(text, 'utf8');
			const splitter = new ListSplitter('apis', (entry) => entry, Number.POSITIVE_INFINITY, 5);
			for (let at = 0; at < bytes.length; at += size) splitter.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
			splitter.finish();
			return {checked: splitter.depthChecked, tooDeep: splitter.tooDeep};
		};
		// Root object 1, the list 2, so an element may open 3 more levels.
		t.deepEqual(check(`{"apis":[${nest(3)}]}`), {checked: true, tooDeep: false}, `chunks of ${size}`);
		t.deepEqual(check(`{"apis":[1,${nest(4)}]}`), {checked: true, tooDeep: true}, `chunks of ${size}`);
		t.deepEqual(check(`{"apis":[{"s":"[[[[[[[[[[\\"[[[[[["}],"x":${nest(3)}}`), {checked: true, tooDeep: false}, `brackets in strings do not count, chunks of ${size}`);
		t.deepEqual(check(`{"apis":[],"x":${nest(5)}}`), {checked: true, tooDeep: true}, `outside the list too, chunks of ${size}`);
		t.false(check(`[${nest(10)}]`).checked, 'a document that is not split is left to the caller');
	}
});
