import test from 'ava';
import {makeItem, type Item, type ItemSet} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {compareSets, compareSetsCounted, hiddenCounts} from '../../source/core/compare.js';
import {normalize} from '../../source/core/normalize.js';
import {classicFile, classicLive, oasFile, oasLive, policyLive, templateLive} from './fixtures.js';

function set(items: Item[]): ItemSet {
	return {items, invalid: [], conflicts: []};
}

const ignore = {ignore: {api: ['api_definition.proxy.target_url', 'oas.info.description'], policy: ['tags']}};

const items = (): Item[] => [
	makeItem('api', classicFile()), makeItem('api', classicLive()), makeItem('api', oasFile()), makeItem('api', oasLive()),
	makeItem('policy', policyLive({id: 'gold', name: 'Gold'})), makeItem('template', templateLive()),
];

test('every hidden mode gives the same value; list and count agree on how many fields were hidden', t => {
	for (const options of [{}, ignore]) {
		for (const item of items()) {
			const full = normalize(item, options);
			const counted = normalize(item, {...options, hidden: 'count'});
			const bare = normalize(item, {...options, hidden: 'none'});
			t.deepEqual(counted.value, full.value);
			t.deepEqual(bare.value, full.value);
			t.is(full.hiddenCount, full.hidden.length);
			t.is(counted.hiddenCount, full.hidden.length);
			t.deepEqual(counted.hidden, []);
			t.deepEqual(bare.hidden, []);
			t.true(counted.hiddenCount > 0, `${item.kind} ${item.id} hides server-managed fields`);
		}
	}
});

test('compareSetsCounted pairs like compareSets and counts hidden fields per key as the larger side does (as the Diff screen)', t => {
	const changed = classicLive();
	((changed['api_definition'] as JsonObject)['proxy'] as JsonObject)['listen_path'] = '/moved/';
	const left = set([makeItem('api', classicFile()), makeItem('api', oasFile()), makeItem('policy', policyLive({id: 'only-git', name: 'G'}))]);
	const right = set([makeItem('api', changed), makeItem('api', oasLive()), makeItem('template', templateLive())]);
	const counted = compareSetsCounted(left, right, ignore);
	t.deepEqual(counted.comparisons, compareSets(left, right, ignore));
	t.deepEqual(counted.hidden, hiddenCounts([left, right], ignore));
	const classic = left.items[0]!;
	const key = `${classic.kind}:${classic.id}`;
	t.is(counted.hidden[key], Math.max(normalize(classic, ignore).hidden.length, normalize(right.items[0]!, ignore).hidden.length));
	t.is(Object.keys(counted.hidden).length, 4);
});

test('a one-sided item is normalised for its hidden count only when that count is read, and then once', t => {
	let reads = 0;
	const body = policyLive({id: 'only-live', name: 'L'});
	// plainCopy reads every key of the body: the getter counts each normalisation of this item.
	Object.defineProperty(body, 'rate', {enumerable: true, configurable: true, get: () => (reads++, 10)});
	const lonely = makeItem('policy', body);
	const paired = makeItem('api', classicLive());
	const counted = compareSetsCounted(set([makeItem('api', classicFile())]), set([paired, lonely]), ignore);
	reads = 0;
	const key = `policy:only-live`;
	t.is(Object.keys(counted.hidden).length, 2);
	t.is(reads, 0, 'not counted up front');
	const expected = normalize(lonely, ignore).hidden.length;
	reads = 0;
	t.is(counted.hidden[key], expected);
	t.is(counted.hidden[key], expected);
	t.is(reads, 1, 'counted once, on first read');
	t.deepEqual({...counted.hidden}, hiddenCounts([set([makeItem('api', classicFile())]), set([paired, lonely])], ignore));
});

test('a pair with equal raw bodies is unchanged without being normalised; its hidden count still comes on demand', t => {
	let reads = 0;
	const body = policyLive({id: 'same', name: 'S'});
	Object.defineProperty(body, 'rate', {enumerable: true, configurable: true, get: () => (reads++, 10)});
	const [left, right] = [makeItem('policy', body), makeItem('policy', body)];
	reads = 0;
	const counted = compareSetsCounted(set([left]), set([right]), ignore);
	t.deepEqual(counted.comparisons.map((row) => [row.status, row.changes]), [['unchanged', []]]);
	t.is(reads, 0, 'not normalised');
	t.is(counted.hidden['policy:same'], normalize(left, ignore).hidden.length);
	const edited = makeItem('policy', {...policyLive({id: 'same', name: 'S'}), rate: 11});
	t.deepEqual(compareSets(set([left]), set([edited]), ignore).map((row) => [row.status, row.changes]), [['changed', ['rate']]]);
});
