import test from 'ava';
import {emulator, errorBody, secret} from './helpers.js';

test('item 1: no Authorization header → 401 Not authorised', async (t) => {
	const em = await emulator(t);
	const answer = await em.request('GET', '/api/apis?p=-1', {key: null});
	t.is(answer.status, 401);
	t.is(answer.contentType, 'application/json');
	t.deepEqual(answer.body, errorBody('Not authorised'));
});

test('item 2: a wrong key → the same 401 body', async (t) => {
	const em = await emulator(t);
	const answer = await em.request('GET', '/api/apis', {key: 'nope'});
	t.is(answer.status, 401);
	t.deepEqual(answer.body, errorBody('Not authorised'));
	t.false(answer.text.includes(secret));
});

test('item 3: raw key and Bearer key are both accepted', async (t) => {
	const em = await emulator(t);
	t.is((await em.request('GET', '/api/apis', {key: secret})).status, 200);
	t.is((await em.request('GET', '/api/apis', {key: `Bearer ${secret}`})).status, 200);
	t.is((await em.request('GET', '/api/apis', {key: `Bearer wrong`})).status, 401);
});

test('item 4: /admin accepts only admin-auth with the admin secret', async (t) => {
	const em = await emulator(t);
	const body = {apis: []};
	t.is((await em.request('POST', '/admin/apis/import', {body, key: null, headers: {'admin-auth': `${secret}-admin`}})).status, 200);
	const userKey = await em.request('POST', '/admin/apis/import', {body});
	t.is(userKey.status, 401);
	t.deepEqual(userKey.body, errorBody('Not authorised'));
	t.is((await em.request('POST', '/admin/apis/import', {body, key: null, headers: {'admin-auth': 'wrong'}})).status, 401);
	t.is((await em.request('POST', '/admin/apis/import', {body, key: null})).status, 401);
});

test('item 4: a custom admin secret replaces the default', async (t) => {
	const em = await emulator(t, {adminSecret: 'adm'});
	t.is((await em.request('POST', '/admin/policies/import', {body: {Data: []}, key: null, headers: {'Admin-Auth': 'adm'}})).status, 200);
	t.is((await em.request('POST', '/admin/policies/import', {body: {Data: []}, key: null, headers: {'admin-auth': `${secret}-admin`}})).status, 401);
});

test('item 5: a read-only key reads but writes get 403 naming the route template', async (t) => {
	const em = await emulator(t, {readOnlySecret: 'viewer'});
	t.is((await em.request('GET', '/api/apis?p=-1', {key: 'viewer'})).status, 200);
	const create = await em.request('POST', '/api/apis', {key: 'viewer', body: {api_definition: {name: 'A'}}});
	t.is(create.status, 403);
	t.deepEqual(create.body, errorBody('access denied: You do not have permission to access  /api/apis'));
	const update = await em.request('PUT', '/api/portal/policies/abc', {key: 'viewer', body: {}});
	t.deepEqual(update.body, errorBody('access denied: You do not have permission to access  /api/portal/policies/{id}'));
	t.is(em.store.apis.size, 0);
});
