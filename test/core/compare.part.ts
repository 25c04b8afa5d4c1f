import test from 'ava';
import {makeItem, type ItemSet, type Item} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {compareItems, compareSets, countStatuses} from '../../source/core/compare.js';
import {changedPaths} from '../../source/core/changes.js';
import {classicFile, classicLive, oasFile, oasLive, policyLive, templateLive} from './fixtures.js';

function set(items: Item[], extra: Partial<ItemSet> = {}): ItemSet {
	return {items, invalid: [], conflicts: [], ...extra};
}

function policy(id: string, name: string, rate = 1000): Item {
	return makeItem('policy', policyLive({_id: '', id, name, rate}), `policies/${id}.json`);
}

test('pairs by portable ID and gives every status', t => {
	const changedLive = classicLive();
	((changedLive['api_definition'] as JsonObject)['proxy'] as JsonObject)['target_url'] = 'http://elsewhere/';
	const git = set([makeItem('api', classicFile(), 'apis/orders.json'), makeItem('api', oasFile(), 'apis/inv.json'), policy('gold', 'Gold'), policy('silver', 'Silver')],
		{invalid: [{file: 'apis/broken.json', error: 'apis/broken.json: Unexpected token } in JSON at line 14'}]});
	const live = set([makeItem('api', changedLive), makeItem('api', oasLive()), policy('gold', 'Gold'), policy('bronze', 'Bronze')]);
	const rows = compareSets(git, live);
	const byName = Object.fromEntries(rows.map(r => [r.name, r]));
	t.is(byName['Orders API #billing #internal']!.status, 'changed');
	t.deepEqual(byName['Orders API #billing #internal']!.changes, ['api_definition.proxy.target_url']);
	t.is(byName['Orders API #billing #internal']!.file, 'apis/orders.json');
	t.is(byName['Inventory API']!.status, 'unchanged');
	t.deepEqual(byName['Inventory API']!.categories, ['logistics', 'retail']);
	t.is(byName['Gold']!.status, 'unchanged');
	t.is(byName['Silver']!.status, 'only-in-git');
	t.is(byName['Bronze']!.status, 'only-live');
	const invalid = rows.find(r => r.status === 'invalid')!;
	t.is(invalid.key, 'invalid:apis/broken.json');
	t.regex(invalid.error!, /broken\.json: Unexpected token/);
	t.deepEqual(countStatuses(rows), {unchanged: 2, changed: 1, 'only-in-git': 1, 'only-live': 1, invalid: 1, conflict: 0, total: 6});
	t.deepEqual(rows.map(r => `${r.kind ?? '-'}:${r.name}`), [
		'api:Inventory API', 'api:Orders API #billing #internal', 'policy:Bronze', 'policy:Gold', 'policy:Silver', '-:apis/broken.json',
	]);
	t.is(new Set(rows.map(r => r.key)).size, rows.length);
});

test('an unreadable Git file that names its ID takes the live item along instead of leaving it only-live', t => {
	const git = set([], {invalid: [{file: 'policies/gold.json', error: 'policies/gold.json: org_id is missing', kind: 'policy', id: 'gold'}]});
	const rows = compareSets(git, set([policy('gold', 'Gold')]));
	t.is(rows.length, 1);
	t.is(rows[0]!.status, 'invalid');
	t.is(rows[0]!.right?.id, 'gold');
	t.is(rows[0]!.name, 'Gold');
});

test('conflicting IDs on either side become one conflict row naming the files', t => {
	const a = policy('gold', 'Gold A');
	const b = policy('gold', 'Gold B');
	const git = set([a, b], {conflicts: [{kind: 'policy', id: 'gold', files: ['policies/a.json', 'policies/b.json'], items: [a, b]}]});
	const rows = compareSets(git, set([policy('gold', 'Gold')]));
	t.is(rows.length, 1);
	t.is(rows[0]!.status, 'conflict');
	t.regex(rows[0]!.error!, /policies\/a\.json, policies\/b\.json/);
	t.is(rows[0]!.right?.name, 'Gold');
	const liveConflict = compareSets(set([]), set([a], {conflicts: [{kind: 'policy', id: 'gold', files: [], items: [a, b]}]}));
	t.is(liveConflict[0]!.status, 'conflict');
	t.regex(liveConflict[0]!.error!, /target/);
});

test('user ignore paths reach the comparison', t => {
	const rows = compareSets(set([policy('gold', 'Gold', 10)]), set([policy('gold', 'Gold', 20)]), {ignore: {policy: ['rate']}});
	t.is(rows[0]!.status, 'unchanged');
	t.is(compareSets(set([policy('gold', 'Gold', 10)]), set([policy('gold', 'Gold', 20)]))[0]!.status, 'changed');
});

test('property: comparing a set with itself (or its other-environment twin) is all unchanged', t => {
	const items = [makeItem('api', classicLive()), makeItem('api', oasLive()), policy('a', 'A'), makeItem('template', templateLive())];
	for (const rows of [compareSets(set(items), set(items)), compareSets(set([makeItem('api', classicFile()), makeItem('api', oasFile())]), set(items.slice(0, 2)))]) {
		t.true(rows.every(r => r.status === 'unchanged'), JSON.stringify(rows.map(r => [r.key, r.status, r.changes])));
	}
	const forward = compareSets(set(items.slice(0, 2)), set([makeItem('api', classicFile()), makeItem('api', oasFile())]));
	t.true(forward.every(r => r.status === 'unchanged'));
});

test('changed paths: notation, arrays and type changes', t => {
	t.deepEqual(changedPaths({paths: {'/items': {get: 1}}}, {paths: {'/items': {get: 2}}}), ['paths["/items"].get']);
	t.deepEqual(changedPaths({a: [1, {b: 2}]}, {a: [1, {b: 3}]}), ['a[1].b']);
	t.deepEqual(changedPaths({a: [1, 2]}, {a: [1, 2, 3]}), ['a']);
	t.deepEqual(changedPaths({a: {b: 1}}, {a: 'x', c: null}), ['a', 'c']);
	t.deepEqual(changedPaths({'a.b': 1}, {'a.b': 2}), ['["a.b"]']);
	t.deepEqual(changedPaths(1, 2), ['(whole item)']);
});

test('compareItems prepares both masked texts, hidden fields and the status', t => {
	const result = compareItems(makeItem('api', classicFile()), makeItem('api', classicLive()));
	t.is(result.status, 'unchanged');
	t.is(result.leftText, result.rightText);
	t.true(result.rightHidden.length > result.leftHidden.length);
	t.is(compareItems(makeItem('api', oasFile()), undefined).status, 'only-in-git');
	const onlyLive = compareItems(undefined, makeItem('api', oasLive()));
	t.is(onlyLive.status, 'only-live');
	t.is(onlyLive.leftText, undefined);
});
