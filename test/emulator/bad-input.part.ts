import test from 'ava';
import {createClassicApi, emulator, errorBody} from './helpers.js';

test('Classic POST/PUT with non-JSON or a body without api_definition → 400', async (t) => {
	const em = await emulator(t);
	for (const raw of ['not json', '[]', '{"name":"x"}', '']) {
		const answer = await em.request('POST', '/api/apis', {raw});
		t.is(answer.status, 400, raw);
		t.deepEqual(answer.body, errorBody("Couldn't read body."));
	}
	const created = await createClassicApi(em, 'A', '/a/');
	t.is((await em.request('PUT', `/api/apis/${created.ID}`, {raw: '{'})).status, 400);
	t.is(em.store.apis.size, 1);
});

test('OAS bodies that are not objects, lack a name, or are broken YAML are refused', async (t) => {
	const em = await emulator(t);
	t.is((await em.request('POST', '/api/apis/oas', {raw: '"text"'})).status, 400);
	t.is((await em.request('POST', '/api/apis/oas', {raw: 'a: [', headers: {'Content-Type': 'application/x-yaml'}})).status, 400);
	const noExtension = await em.request('POST', '/api/apis/oas', {body: {openapi: '3.0.3', info: {title: 'x', version: '1'}, paths: {}}});
	t.deepEqual([noExtension.status, noExtension.body], [400, errorBody('The payload should contain x-tyk-api-gateway.')]);
	const noName = await em.request('POST', '/api/apis/oas', {body: {openapi: '3.0.3', info: {title: 'x', version: '1'}, paths: {}, 'x-tyk-api-gateway': {info: {}}}});
	t.deepEqual([noName.status, noName.body], [500, errorBody('Error while validating schema.')]);
	t.is((await em.request('PUT', '/api/apis/oas/x/categories', {body: {categories: 'a'}})).status, 404);
});

test('policy and admin bodies of the wrong shape are refused, nothing is stored', async (t) => {
	const em = await emulator(t);
	t.deepEqual((await em.request('POST', '/api/portal/policies', {raw: '[1]'})).body, errorBody('Request body malformed.'));
	const admin = {key: null, headers: {'admin-auth': 'test-key-admin'}};
	t.deepEqual((await em.request('POST', '/admin/apis/import', {...admin, body: {nope: []}})).body, errorBody('Request body malformed'));
	t.deepEqual((await em.request('POST', '/admin/policies/import', {...admin, raw: '{'})).body, errorBody('Request body malformed'));
	t.deepEqual((await em.request('POST', '/api/assets', {raw: '[]'})).body, errorBody('error reading json body.'));
	t.is(em.store.listPolicies().length, 0);
	t.is(em.store.listTemplates().length, 0);
});

test('unknown ids everywhere get the documented status', async (t) => {
	const em = await emulator(t);
	const cases: Array<[string, string, number]> = [
		['GET', '/api/apis/zzz', 400], ['PUT', '/api/apis/zzz', 404], ['DELETE', '/api/apis/zzz', 404],
		['GET', '/api/apis/oas/zzz', 400], ['PUT', '/api/apis/oas/zzz', 404], ['DELETE', '/api/apis/oas/zzz', 404],
		['GET', '/api/portal/policies/zzz', 404], ['DELETE', '/api/assets/zzz', 404],
	];
	for (const [method, path, status] of cases) {
		const body = method === 'PUT' ? (path.includes('/oas/') ? {'x-tyk-api-gateway': {info: {name: 'n'}}, openapi: '3.0.3'} : {api_definition: {name: 'n'}}) : undefined;
		t.is((await em.request(method, path, {body})).status, status, `${method} ${path}`);
	}
});

test('ids are percent-decoded and a trailing slash is tolerated', async (t) => {
	const em = await emulator(t);
	await createClassicApi(em, 'Spaced', '/spaced/', {api_id: 'a b'});
	t.is((await em.request('GET', '/api/apis/a%20b')).body.api_definition.name, 'Spaced');
	t.is((await em.request('GET', '/api/apis/')).status, 200);
});
