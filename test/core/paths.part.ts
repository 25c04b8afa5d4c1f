import test from 'ava';
import {formatPath, parsePath, pathMatches, PathSyntaxError, wildcard, type Segment} from '../../source/core/paths.js';

test('formats paths in the product notation', t => {
	t.is(formatPath(['a', 'b', 2, 'c']), 'a.b[2].c');
	t.is(formatPath(['oas', 'paths', '/items', 'get']), 'oas.paths["/items"].get');
	t.is(formatPath(['x-tyk-api-gateway', 'info']), 'x-tyk-api-gateway.info');
	t.is(formatPath(['a.b', 'responses', '200']), '["a.b"].responses.200');
	t.is(formatPath(['with space', '']), '["with space"][""]');
	t.is(formatPath([]), '');
});

test('parses what it formats (round trip over awkward keys)', t => {
	const cases: Segment[][] = [
		['a', 'b', 2, 'c'], ['paths', '/items/{id}', 'get'], ['q"uote', 'back\\slash', 0], ['*'], ['a.b', 'c[d]'], ['200', 0, 1],
	];
	for (const segments of cases) t.deepEqual(parsePath(formatPath(segments)), segments, formatPath(segments));
});

test('wildcards match any key or index', t => {
	t.deepEqual(parsePath('hook_references[*].hook.id'), ['hook_references', wildcard, 'hook', 'id']);
	t.deepEqual(parsePath('access_rights.*.limit'), ['access_rights', wildcard, 'limit']);
	t.true(pathMatches(parsePath('a.*.c'), ['a', 'x', 'c']));
	t.true(pathMatches(parsePath('a[*]'), ['a', 3]));
	t.false(pathMatches(parsePath('a.*.c'), ['a', 'x', 'd']));
	t.false(pathMatches(parsePath('a.b'), ['a', 'b', 'c']));
});

test('bad paths get a clear message saying where', t => {
	for (const [text, why] of [['', /empty/], ['a..b', /empty segment/], ['a.', /ends with/], ['a[1', /missing "]"/], ['a[x]', /inside brackets/], ['a[1]b', /expected "\." or "\["/]] as const) {
		const error = t.throws(() => parsePath(text), {instanceOf: PathSyntaxError});
		t.regex(error!.message, why, text);
	}
});
