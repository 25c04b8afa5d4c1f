import test from 'ava';
import {makeItem, type Item} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {compareItems, comparePair, compareSets, comparisonDetail} from '../../source/core/compare.js';
import {rawDetail} from '../../source/core/pair-detail.js';
import type {Comparison} from '../../source/core/status.js';
import {classicFile, classicLive, oasFile, policyLive} from './fixtures.js';

const ignore = {ignore: {api: ['api_definition.proxy.target_url']}};

function rows(): Comparison[] {
	const changed = classicLive();
	((changed['api_definition'] as JsonObject)['proxy'] as JsonObject)['listen_path'] = '/moved/';
	const set = (items: Item[]) => ({items, invalid: [], conflicts: []});
	return compareSets(set([makeItem('api', classicFile()), makeItem('api', oasFile())]), set([makeItem('api', changed), makeItem('policy', policyLive())]), ignore);
}

test('a compared row carries its diff detail: the same texts and counts as comparing the pair on its own', t => {
	for (const row of rows()) {
		const detail = row.detail!();
		const alone = compareItems(row.left, row.right, ignore);
		t.is(detail.leftText, alone.leftText, row.key);
		t.is(detail.rightText, alone.rightText, row.key);
		t.deepEqual(detail.masked, alone.masked);
		t.is(detail.hidden, Math.max(alone.leftHidden.length, alone.rightHidden.length));
	}
});

test('the detail is computed once and cached with the row; JSON, spreads and deepEqual do not see it', t => {
	const [row] = rows();
	t.is(row!.detail!(), row!.detail!());
	t.is(comparisonDetail(row!), row!.detail!());
	t.false(Object.keys(row!).includes('detail'));
	t.false(JSON.stringify(row).includes('detail'));
	const copy = {...row!};
	t.is(copy.detail, undefined);
	t.deepEqual(copy, row);
});

test('a row built elsewhere (no detail) gets one from comparisonDetail, cached per row, with the given options', t => {
	const left = makeItem('api', classicFile());
	const right = makeItem('api', classicLive());
	const row: Comparison = {key: `api:${left.id}`, name: left.name, status: 'changed', left, right, changes: [], categories: []};
	const first = comparisonDetail(row, ignore);
	t.is(comparisonDetail(row, ignore), first);
	t.is(first.leftText, compareItems(left, right, ignore).leftText);
	t.is(comparisonDetail({...row, right: undefined}).rightText, undefined);
});

test('the raw detail (the i view) shows whole bodies, keys sorted, secrets masked, nothing hidden', t => {
	const live = makeItem('api', classicLive());
	const raw = rawDetail(undefined, live);
	t.is(raw.leftText, undefined);
	t.is(raw.hidden, 0);
	t.true(raw.rightText!.includes('"created_at"'), 'server-managed fields are shown');
	t.true(raw.masked.length > 0);
	t.false(raw.rightText!.includes('hook-signing-secret-1234'));
});

test('a "__proto__" key is compared like any other (it used to vanish in the copy)', t => {
	const body = (extra: string) => JSON.parse(`{"id":"p","name":"P","org_id":"o","rate":1,"per":1,"meta_data":{"__proto__":{"a":"${extra}"}}}`) as JsonObject;
	t.deepEqual(compareItems(makeItem('policy', body('x')), makeItem('policy', body('y'))).changes, ['meta_data.__proto__.a']);
});

test('comparePair gives a single pair the row compareSets would, detail included', t => {
	const left = makeItem('api', classicFile());
	const right = makeItem('api', classicLive());
	const set = (items: Item[]) => ({items, invalid: [], conflicts: []});
	const row = comparePair(left, right, ignore);
	t.deepEqual(row, compareSets(set([left]), set([right]), ignore)[0]);
	t.is(row.detail!().leftText, compareItems(left, right, ignore).leftText);
	t.is(comparePair(undefined, right).status, 'only-live');
	t.throws(() => comparePair(undefined, undefined));
});
