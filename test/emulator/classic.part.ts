import test from 'ava';
import {createClassicApi, emulator, errorBody, hex24, hex32, oasDoc} from './helpers.js';

test('item 6: p=-1 and p=0 list Classic and OAS APIs, newest first, pages 0', async (t) => {
	const em = await emulator(t);
	const first = await createClassicApi(em, 'First', '/first/');
	const oas = await em.request('POST', '/api/apis/oas', {body: oasDoc('Second', '/second/')});
	const third = await createClassicApi(em, 'Third', '/third/');
	for (const p of ['-1', '0']) {
		const answer = await em.request('GET', `/api/apis?p=${p}`);
		t.is(answer.status, 200);
		t.is(answer.body.pages, 0);
		t.deepEqual(answer.body.apis.map((w: any) => w.api_definition.api_id), [third.ID, oas.body.ID, first.ID]);
	}
});

test('item 7: 12 APIs page by 10 with pages = total page count; omitted p = first page', async (t) => {
	const em = await emulator(t);
	for (let i = 0; i < 12; i++) await createClassicApi(em, `Api ${i}`, `/api-${i}/`);
	const one = await em.request('GET', '/api/apis?p=1');
	t.is(one.body.apis.length, 10);
	t.is(one.body.pages, 2);
	t.is(one.body.apis[0].api_definition.name, 'Api 11');
	const two = await em.request('GET', '/api/apis?p=2');
	t.is(two.body.apis.length, 2);
	t.is(two.body.pages, 2);
	t.deepEqual((await em.request('GET', '/api/apis?p=3')).body.apis, []);
	const omitted = await em.request('GET', '/api/apis');
	t.deepEqual(omitted.body.apis, one.body.apis);
});

test('item 8: empty store → {"apis":[],"pages":0}', async (t) => {
	const em = await emulator(t);
	const answer = await em.request('GET', '/api/apis?p=-1');
	t.is(answer.text, '{"apis":[],"pages":0}');
});

test('item 9: sparse POST → ids, org, timestamps, full defaults', async (t) => {
	const em = await emulator(t);
	const created = await em.request('POST', '/api/apis', {body: {api_definition: {name: 'A', proxy: {listen_path: '/a/', target_url: 'http://x'}}}});
	t.is(created.status, 200);
	t.is(created.body.Status, 'OK');
	t.is(created.body.Message, 'API created');
	t.regex(created.body.Meta, hex24);
	t.regex(created.body.ID, hex32);
	for (const id of [created.body.Meta, created.body.ID]) {
		const wrapper = (await em.request('GET', `/api/apis/${id}`)).body;
		t.is(wrapper.api_definition.id, created.body.Meta);
		t.is(wrapper.api_definition.api_id, created.body.ID);
		t.truthy(wrapper.api_definition.org_id);
		t.regex(wrapper.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		t.is(wrapper.created_at, wrapper.updated_at);
		t.false('is_oas' in wrapper.api_definition);
		t.true(Object.keys(wrapper.api_definition).length >= 85);
		t.is(wrapper.api_definition.slug, 'a');
		t.deepEqual(wrapper.api_definition.version_data.versions.Default.paths, {ignored: [], white_list: [], black_list: []});
		t.deepEqual(wrapper.user_owners, []);
	}
});

test('item 10: a supplied api_id is kept; legacy mode generates a new one', async (t) => {
	const em = await emulator(t);
	t.is((await createClassicApi(em, 'Orders', '/orders/', {api_id: 'orders'})).ID, 'orders');
	const legacy = await emulator(t, {legacyResetApiIdOnCreate: true});
	const created = await createClassicApi(legacy, 'Orders', '/orders/', {api_id: 'orders'});
	t.regex(created.ID, hex32);
	t.is((await legacy.request('GET', '/api/apis/orders')).status, 400);
});

test('item 11: an existing api_id → 409 Found API with the same ID', async (t) => {
	const em = await emulator(t);
	await createClassicApi(em, 'Orders', '/orders/', {api_id: 'orders'});
	const again = await em.request('POST', '/api/apis', {body: {api_definition: {name: 'B', api_id: 'orders', proxy: {listen_path: '/b/'}}}});
	t.is(again.status, 409);
	t.deepEqual(again.body, errorBody('Found API with the same ID'));
});

test('item 12: no listen_path → /<api_id>/', async (t) => {
	const em = await emulator(t);
	const created = await em.request('POST', '/api/apis', {body: {api_definition: {name: 'NoPath'}}});
	const wrapper = (await em.request('GET', `/api/apis/${created.body.ID}`)).body;
	t.is(wrapper.api_definition.proxy.listen_path, `/${created.body.ID}/`);
});

test('item 13: same listen path and domain → 403 unless duplicates are enabled', async (t) => {
	const em = await emulator(t);
	const first = await createClassicApi(em, 'One', '/same/');
	const clash = await em.request('POST', '/api/apis', {body: {api_definition: {name: 'Two', proxy: {listen_path: '/same/'}}}});
	t.is(clash.status, 403);
	t.deepEqual(clash.body, errorBody('Found API with same url.'));
	const otherDomain = await em.request('POST', '/api/apis', {body: {api_definition: {name: 'Three', domain: 'x.test', proxy: {listen_path: '/same/'}}}});
	t.is(otherDomain.status, 200);
	const second = await createClassicApi(em, 'Four', '/four/');
	const moved = await em.request('PUT', `/api/apis/${second.Meta}`, {body: {api_definition: {name: 'Four', proxy: {listen_path: '/same/'}}}});
	t.is(moved.status, 403);
	t.is((await em.request('PUT', `/api/apis/${first.Meta}`, {body: {api_definition: {name: 'One b', proxy: {listen_path: '/same/'}}}})).status, 200);
	const oasClash = await em.request('POST', '/api/apis/oas', {body: oasDoc('O', '/same/')});
	t.is(oasClash.status, 403);
	const relaxed = await emulator(t, {enableDuplicateSlugs: true});
	await createClassicApi(relaxed, 'One', '/same/');
	t.is((await relaxed.request('POST', '/api/apis', {body: {api_definition: {name: 'Two', proxy: {listen_path: '/same/'}}}})).status, 200);
});

test('item 14: GET by DB id or api_id; unknown → 400 Could not retrieve API detail', async (t) => {
	const em = await emulator(t);
	const created = await createClassicApi(em, 'A', '/a/');
	t.is((await em.request('GET', `/api/apis/${created.Meta}`)).body.api_definition.name, 'A');
	t.is((await em.request('GET', `/api/apis/${created.ID}`)).body.api_definition.name, 'A');
	const unknown = await em.request('GET', '/api/apis/nothing-here');
	t.is(unknown.status, 400);
	t.deepEqual(unknown.body, errorBody('Could not retrieve API detail'));
});

test('item 15: PUT replaces, keeps id/org_id/created_at, moves updated_at', async (t) => {
	const em = await emulator(t);
	const created = await createClassicApi(em, 'A', '/a/', {tags: ['old']});
	const before = (await em.request('GET', `/api/apis/${created.ID}`)).body;
	const put = await em.request('PUT', `/api/apis/${created.ID}`, {body: {api_definition: {name: 'A2', proxy: {listen_path: '/a2/', target_url: 'http://y'}}}});
	t.is(put.status, 200);
	t.deepEqual(put.body, {Status: 'OK', Message: 'API updated', Meta: null});
	const after = (await em.request('GET', `/api/apis/${created.Meta}`)).body;
	t.is(after.api_definition.name, 'A2');
	t.deepEqual(after.api_definition.tags, []);
	t.is(after.api_definition.id, before.api_definition.id);
	t.is(after.api_definition.org_id, before.api_definition.org_id);
	t.is(after.created_at, before.created_at);
	t.true(after.updated_at > before.updated_at);
});

test('item 16: PUT with a different body id → 400; unknown target → 404', async (t) => {
	const em = await emulator(t);
	const created = await createClassicApi(em, 'A', '/a/');
	const mismatch = await em.request('PUT', `/api/apis/${created.ID}`, {body: {api_definition: {id: 'ffffffffffffffffffffffff', name: 'A'}}});
	t.is(mismatch.status, 400);
	t.deepEqual(mismatch.body, errorBody('Invalid `ID` value'));
	const unknown = await em.request('PUT', '/api/apis/unknown', {body: {api_definition: {name: 'A'}}});
	t.is(unknown.status, 404);
	t.deepEqual(unknown.body, errorBody('API definition does not exist'));
});

test('item 17: PUT may change api_id; the old one stops resolving', async (t) => {
	const em = await emulator(t);
	const created = await createClassicApi(em, 'A', '/a/');
	t.is((await em.request('PUT', `/api/apis/${created.Meta}`, {body: {api_definition: {name: 'A', api_id: 'renamed', proxy: {listen_path: '/a/'}}}})).status, 200);
	t.is((await em.request('GET', '/api/apis/renamed')).body.api_definition.id, created.Meta);
	t.is((await em.request('GET', `/api/apis/${created.ID}`)).status, 400);
});

test('item 18: DELETE → 200, a second DELETE → 404', async (t) => {
	const em = await emulator(t);
	const created = await createClassicApi(em, 'A', '/a/');
	const first = await em.request('DELETE', `/api/apis/${created.ID}`);
	t.deepEqual(first.body, {Status: 'OK', Message: 'API deleted', Meta: null});
	const second = await em.request('DELETE', `/api/apis/${created.ID}`);
	t.is(second.status, 404);
	t.deepEqual(second.body, errorBody('Could not retrieve API detail'));
});

test('item 19: q filters by name substring, case-insensitive, on list and search', async (t) => {
	const em = await emulator(t);
	await createClassicApi(em, 'Orders', '/orders/');
	await createClassicApi(em, 'Payments', '/payments/');
	await em.request('POST', '/api/apis/oas', {body: oasDoc('Reorder Service', '/reorder/')});
	for (const path of ['/api/apis?p=-1&q=ORD', '/api/apis/search?q=ord&p=-1']) {
		const names = (await em.request('GET', path)).body.apis.map((w: any) => w.api_definition.name);
		t.deepEqual(names, ['Reorder Service', 'Orders']);
	}
});

test('item 20: category matches Classic #tags and OAS categories; comma means any', async (t) => {
	const em = await emulator(t);
	await createClassicApi(em, 'Orders #billing #internal', '/orders/');
	await createClassicApi(em, 'Ledger#billing', '/ledger/');
	await createClassicApi(em, 'Users #partner', '/users/');
	const oas = await em.request('POST', '/api/apis/oas', {body: oasDoc('Invoices', '/invoices/')});
	await em.request('PUT', `/api/apis/oas/${oas.body.ID}/categories`, {body: {categories: ['billing']}});
	const billing = (await em.request('GET', '/api/apis?p=-1&category=billing')).body.apis.map((w: any) => w.api_definition.name);
	t.deepEqual(billing, ['Invoices', 'Orders #billing #internal']);
	const any = (await em.request('GET', '/api/apis?p=-1&category=partner,internal')).body.apis.map((w: any) => w.api_definition.name);
	t.deepEqual(any, ['Users #partner', 'Orders #billing #internal']);
});

test('item 21: /api/apis/categories counts both kinds', async (t) => {
	const em = await emulator(t);
	await createClassicApi(em, 'Orders #billing', '/orders/');
	const oas = await em.request('POST', '/api/apis/oas', {body: oasDoc('Invoices', '/invoices/')});
	await em.request('PUT', `/api/apis/oas/${oas.body.ID}/categories`, {body: {categories: ['billing', 'finance']}});
	const answer = await em.request('GET', '/api/apis/categories');
	t.deepEqual(answer.body, {categories: [{name: 'billing', count: 2}, {name: 'finance', count: 1}]});
});

test('Classic POST ignores accept_additional_properties and sort=name orders by name', async (t) => {
	const em = await emulator(t);
	t.is((await em.request('POST', '/api/apis?accept_additional_properties=true', {body: {api_definition: {name: 'Zed', proxy: {listen_path: '/z/'}}}})).status, 200);
	await createClassicApi(em, 'Alpha', '/alpha/');
	const names = (await em.request('GET', '/api/apis?p=-1&sort=name')).body.apis.map((w: any) => w.api_definition.name);
	t.deepEqual(names, ['Alpha', 'Zed']);
});

test('item 15 with a frozen clock: updated_at and policy last_updated still move on with every save', async (t) => {
	const frozen = new Date(Date.UTC(2025, 5, 1));
	const em = await emulator(t, {now: () => frozen});
	const created = await createClassicApi(em, 'A', '/a/');
	await em.request('PUT', `/api/apis/${created.ID}`, {body: {api_definition: {name: 'B', proxy: {listen_path: '/a/'}}}});
	const wrapper = (await em.request('GET', `/api/apis/${created.ID}`)).body;
	t.is(wrapper.created_at, '2025-06-01T00:00:00Z');
	t.is(wrapper.updated_at, '2025-06-01T00:00:01Z');
	const policy = (await em.request('POST', '/api/portal/policies', {body: {name: 'P'}})).body.Message;
	const before = (await em.request('GET', `/api/portal/policies/${policy}`)).body.last_updated;
	await em.request('PUT', `/api/portal/policies/${policy}`, {body: {name: 'P', rate: 2}});
	t.is((await em.request('GET', `/api/portal/policies/${policy}`)).body.last_updated, String(Number(before) + 1));
});
