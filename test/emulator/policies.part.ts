import test from 'ava';
import {createClassicApi, emulator, errorBody, hex24, type TestEmulator} from './helpers.js';

async function createPolicy(em: TestEmulator, body: Record<string, unknown>): Promise<string> {
	const answer = await em.request('POST', '/api/portal/policies', {body});
	if (answer.status !== 200) throw new Error(`policy create failed: ${answer.text}`);
	return answer.body.Message;
}

test('item 34: list envelope is Data/Pages; paging mirrors APIs', async (t) => {
	const em = await emulator(t);
	t.is((await em.request('GET', '/api/portal/policies?p=-1')).text, '{"Data":[],"Pages":0}');
	for (let i = 0; i < 12; i++) await createPolicy(em, {name: `P${i}`});
	const all = await em.request('GET', '/api/portal/policies?p=-1');
	t.is(all.body.Data.length, 12);
	t.is(all.body.Pages, 0);
	t.is(all.body.Data[0].name, 'P11');
	const one = await em.request('GET', '/api/portal/policies?p=1');
	t.is(one.body.Data.length, 10);
	t.is(one.body.Pages, 2);
	t.is((await em.request('GET', '/api/portal/policies?p=2')).body.Data.length, 2);
	t.deepEqual((await em.request('GET', '/api/portal/policies?p=3')).body.Data, []);
});

test('item 35: create returns the _id in Message; stored policy has computed fields', async (t) => {
	const em = await emulator(t);
	const api = await createClassicApi(em, 'Orders', '/orders/', {use_standard_auth: true});
	const answer = await em.request('POST', '/api/portal/policies', {body: {name: 'Gold', access_rights: {[api.ID]: {api_id: api.ID, versions: ['Default']}}, rate: 10, per: 1}});
	t.is(answer.status, 200);
	t.is(answer.body.Status, 'OK');
	t.is(answer.body.Meta, null);
	t.regex(answer.body.Message, hex24);
	const policy = (await em.request('GET', `/api/portal/policies/${answer.body.Message}`)).body;
	t.is(policy._id, answer.body.Message);
	t.is(policy.id, policy._id);
	t.truthy(policy.org_id);
	t.regex(policy.date_created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	t.regex(policy.last_updated, /^\d+$/);
	t.is(policy.state, 'active');
	t.is(policy.auth_type, 'authToken');
	t.deepEqual(policy.auth_types, ['authToken']);
	t.is(policy.graphql_enabled, false);
	t.is(policy.access_rights_array.length, 1);
	t.is(policy.access_rights_array[0].api_name, 'Orders');
	t.deepEqual(policy.access_rights_array[0], policy.access_rights[api.ID]);
});

test('item 36: a custom id is kept, a body _id is ignored', async (t) => {
	const em = await emulator(t);
	const dbId = await createPolicy(em, {name: 'Gold', id: 'gold-tier', _id: 'aaaaaaaaaaaaaaaaaaaaaaaa'});
	t.not(dbId, 'aaaaaaaaaaaaaaaaaaaaaaaa');
	const policy = (await em.request('GET', '/api/portal/policies/gold-tier')).body;
	t.is(policy.id, 'gold-tier');
	t.is(policy._id, dbId);
});

test('item 37: an id with unsafe characters → 400', async (t) => {
	const em = await emulator(t);
	const answer = await em.request('POST', '/api/portal/policies', {body: {name: 'X', id: 'a/b'}});
	t.is(answer.status, 400);
	t.is(answer.body.Status, 'Error');
	t.regex(answer.body.Message, /policy ID/);
	const dbId = await createPolicy(em, {name: 'Y', id: 'ok_id.1~-'});
	t.is((await em.request('PUT', `/api/portal/policies/${dbId}`, {body: {name: 'Y', id: 'bad id'}})).status, 400);
});

test('item 38: a used name → 400 on POST and PUT', async (t) => {
	const em = await emulator(t);
	await createPolicy(em, {name: 'Gold'});
	const silver = await createPolicy(em, {name: 'Silver'});
	const message = 'This policy name has already been used. Enter a unique policy name.';
	const post = await em.request('POST', '/api/portal/policies', {body: {name: 'Gold'}});
	t.is(post.status, 400);
	t.deepEqual(post.body, errorBody(message));
	const put = await em.request('PUT', `/api/portal/policies/${silver}`, {body: {name: 'Gold'}});
	t.deepEqual([put.status, put.body], [400, errorBody(message)]);
	t.is((await em.request('PUT', `/api/portal/policies/${silver}`, {body: {name: 'Silver', rate: 5}})).status, 200, 'keeping its own name is fine');
});

test('item 39: a body that is not JSON → 403 Request body malformed.', async (t) => {
	const em = await emulator(t);
	const post = await em.request('POST', '/api/portal/policies', {raw: 'name=Gold'});
	t.deepEqual([post.status, post.body], [403, errorBody('Request body malformed.')]);
	const dbId = await createPolicy(em, {name: 'Gold'});
	const put = await em.request('PUT', `/api/portal/policies/${dbId}`, {raw: '{'});
	t.deepEqual([put.status, put.body], [403, errorBody('Request body malformed.')]);
});

test('item 40: GET/PUT/DELETE by _id and by id; unknown → 404 with per-verb messages', async (t) => {
	const em = await emulator(t);
	const dbId = await createPolicy(em, {name: 'Gold', id: 'gold'});
	t.is((await em.request('GET', `/api/portal/policies/${dbId}`)).body.name, 'Gold');
	t.is((await em.request('GET', '/api/portal/policies/gold')).body._id, dbId);
	t.is((await em.request('PUT', '/api/portal/policies/gold', {body: {name: 'Gold', rate: 3}})).status, 200);
	const get = await em.request('GET', '/api/portal/policies/missing');
	t.deepEqual([get.status, get.body], [404, errorBody('Could not retrieve portal object.')]);
	const put = await em.request('PUT', '/api/portal/policies/missing', {body: {name: 'x'}});
	t.deepEqual([put.status, put.body], [404, errorBody('Could not retrieve portal object.')]);
	const del = await em.request('DELETE', '/api/portal/policies/missing');
	t.deepEqual([del.status, del.body], [404, errorBody('Could not retrieve object for deletion')]);
	t.is((await em.request('DELETE', '/api/portal/policies/gold')).status, 200);
});

test('item 41: PUT keeps _id/date_created/org_id, moves last_updated, recomputes fields', async (t) => {
	const em = await emulator(t);
	const keyless = await createClassicApi(em, 'Open', '/open/', {use_keyless: true});
	const jwt = await createClassicApi(em, 'Jwt', '/jwt/', {enable_jwt: true});
	const dbId = await createPolicy(em, {name: 'Gold', access_rights: {[keyless.ID]: {api_id: keyless.ID}}});
	const before = (await em.request('GET', `/api/portal/policies/${dbId}`)).body;
	t.is(before.auth_type, 'keyless');
	const put = await em.request('PUT', `/api/portal/policies/${dbId}`, {body: {...before, _id: 'ffffffffffffffffffffffff', access_rights: {[keyless.ID]: {api_id: keyless.ID}, [jwt.ID]: {api_id: jwt.ID}}}});
	t.deepEqual(put.body, {Status: 'OK', Message: 'Data updated', Meta: null});
	const after = (await em.request('GET', `/api/portal/policies/${dbId}`)).body;
	t.is(after._id, dbId);
	t.is(after.date_created, before.date_created);
	t.is(after.org_id, before.org_id);
	t.true(Number(after.last_updated) > Number(before.last_updated));
	t.deepEqual(after.auth_types, ['keyless', 'jwt']);
	t.is(after.access_rights_array.length, 2);
});

test('item 42: DELETE → Data deleted', async (t) => {
	const em = await emulator(t);
	const dbId = await createPolicy(em, {name: 'Gold'});
	t.deepEqual((await em.request('DELETE', `/api/portal/policies/${dbId}`)).body, {Status: 'OK', Message: 'Data deleted', Meta: null});
	t.is((await em.request('GET', `/api/portal/policies/${dbId}`)).status, 404);
});

test('item 43: search by name substring or by id', async (t) => {
	const em = await emulator(t);
	const gold = await createPolicy(em, {name: 'Gold Plan'});
	await createPolicy(em, {name: 'Silver', id: 'silver-tier'});
	const byName = await em.request('GET', '/api/portal/policies/search?q=Gold');
	t.deepEqual(byName.body.Data.map((p: any) => p._id), [gold]);
	t.is(byName.body.Pages, 1);
	t.deepEqual((await em.request('GET', '/api/portal/policies/search?q=silver-tier&p=-1')).body.Data.map((p: any) => p.name), ['Silver']);
	t.deepEqual((await em.request('GET', `/api/portal/policies/search?q=${gold}&p=-1`)).body.Data.map((p: any) => p.name), ['Gold Plan']);
});

test('computed auth types use Dashboard labels: ba for basic auth, other for no APIs', async (t) => {
	const em = await emulator(t);
	const basic = await createClassicApi(em, 'Basic', '/basic/', {use_basic_auth: true});
	const empty = (await em.request('GET', `/api/portal/policies/${await createPolicy(em, {name: 'Empty'})}`)).body;
	t.deepEqual([empty.auth_type, empty.auth_types], ['other', []]);
	const ba = (await em.request('GET', `/api/portal/policies/${await createPolicy(em, {name: 'Ba', access_rights: {[basic.ID]: {}}})}`)).body;
	t.deepEqual([ba.auth_type, ba.auth_types], ['ba', ['ba']]);
	t.is(ba.access_rights[basic.ID].api_id, basic.ID);
	t.is(ba.access_rights[basic.ID].api_name, 'Basic');
});
