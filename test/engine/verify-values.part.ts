import test from 'ava';
import {makeItem} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {contentHash, readBackDifferences, sameState} from '../../source/engine/verify.js';
import {classicFile, classicLive, oasFile, oasLive, policyLive} from '../core/fixtures.js';

const none = {};

function withTarget(body: JsonObject, url: string): JsonObject {
	((body['api_definition'] as JsonObject)['proxy'] as JsonObject)['target_url'] = url;
	return body;
}

test('the same state read from a Dashboard and planned from a file is the same; a changed field is not', t => {
	t.true(sameState('api', classicLive(), makeItem('api', classicFile()), none));
	t.true(sameState('api', oasLive(), makeItem('api', oasFile()), none));
	t.false(sameState('api', withTarget(classicLive(), 'http://elsewhere/'), makeItem('api', classicFile()), none));
	t.true(sameState('api', undefined, undefined, none));
	t.false(sameState('api', classicLive(), undefined, none));
	t.false(sameState('api', undefined, makeItem('api', classicFile()), none));
});

test('ignore paths count for verification as for comparison', t => {
	const ignore = {ignore: {api: ['api_definition.proxy.target_url']}};
	t.true(sameState('api', withTarget(classicLive(), 'http://elsewhere/'), makeItem('api', classicFile()), ignore));
	t.deepEqual(readBackDifferences('api', withTarget(classicLive(), 'http://elsewhere/'), makeItem('api', classicFile()), ignore), []);
});

test('a read-back names the differing paths, secrets included (values are compared, nothing is masked)', t => {
	const wanted = makeItem('api', oasFile());
	const live = oasLive();
	const rotated = JSON.stringify(live).replace('upstream-pass-9f8e7d', 'rotated-pass-000000');
	t.deepEqual(readBackDifferences('api', live, wanted, none), []);
	t.deepEqual(readBackDifferences('api', JSON.parse(rotated) as JsonObject, wanted, none),
		['oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password']);
	t.deepEqual(readBackDifferences('api', undefined, wanted, none), ['(the item is missing after the write)']);
	t.deepEqual(readBackDifferences('api', live, undefined, none), ['(the item still exists)']);
	t.deepEqual(readBackDifferences('api', undefined, undefined, none), []);
});

test('the content hash is equal exactly for equal states: key order, server fields and defaults do not count', t => {
	const hash = contentHash('api', classicFile());
	t.regex(hash, /^sha256:[0-9a-f]{64}$/);
	t.is(contentHash('api', classicLive()), hash);
	t.not(contentHash('api', withTarget(classicLive(), 'http://elsewhere/')), hash);
	t.is(contentHash('api', withTarget(classicLive(), 'http://elsewhere/'), {ignore: {api: ['api_definition.proxy.target_url']}}),
		contentHash('api', classicFile(), {ignore: {api: ['api_definition.proxy.target_url']}}));
	const policy = policyLive();
	const reversed = Object.fromEntries(Object.entries(policy).reverse()) as JsonObject;
	t.is(contentHash('policy', reversed), contentHash('policy', policy));
	t.is(contentHash('api', oasLive()), contentHash('api', oasFile()));
});

test('a read-back equal to the planned body is the same state without normalising either side', t => {
	let reads = 0;
	const body = policyLive({id: 'gold', name: 'Gold'});
	Object.defineProperty(body, 'rate', {enumerable: true, configurable: true, get: () => (reads++, 10)});
	const planned = makeItem('policy', body);
	reads = 0;
	t.true(sameState('policy', body, planned, none));
	t.is(reads, 0, 'equal bodies are not copied for normalisation');
	t.false(sameState('policy', {...policyLive({id: 'gold', name: 'Gold'}), rate: 11}, planned, none));
});
