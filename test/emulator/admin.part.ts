import test from 'ava';
import {createClassicApi, emulator, oasDoc, secret, type TestEmulator} from './helpers.js';

const admin = {key: null, headers: {'admin-auth': `${secret}-admin`}};

test('item 49: admin API import keeps id and api_id, Classic and OAS', async (t) => {
	const em = await emulator(t);
	const classic = {api_model: {}, api_definition: {id: '0123456789abcdef01234567', api_id: 'classic-1', name: 'Imported', proxy: {listen_path: '/imp/'}}, created_at: '2020-01-02T03:04:05Z'};
	const oas = {api_definition: {id: '89abcdef0123456789abcdef', api_id: 'oas-1', is_oas: true}, categories: ['x'], oas: oasDoc('Imported OAS', '/imp-oas/', 'oas-1')};
	const answer = await em.request('POST', '/admin/apis/import', {...admin, body: {apis: [classic, oas]}});
	t.is(answer.status, 200);
	t.deepEqual(answer.body, {Status: 'OK', Message: 'APIs imported', Meta: {'classic-1': true, 'oas-1': true}});
	const stored = (await em.request('GET', '/api/apis/0123456789abcdef01234567')).body;
	t.is(stored.api_definition.api_id, 'classic-1');
	t.is(stored.created_at, '2020-01-02T03:04:05Z');
	const doc = (await em.request('GET', '/api/apis/oas/oas-1')).body;
	t.is(doc['x-tyk-api-gateway'].info.dbId, '89abcdef0123456789abcdef');
	t.deepEqual((await em.request('GET', '/api/apis/oas/oas-1/categories')).body, {categories: ['x']});
	t.is((await em.request('POST', '/admin/apis/import', {...admin, raw: 'nope'})).status, 403);
});

test('item 50: admin policy import keeps _id', async (t) => {
	const em = await emulator(t);
	const answer = await em.request('POST', '/admin/policies/import', {...admin, body: {Data: [{_id: '5ead7120575961000181867e', name: 'Imported', rate: 1, per: 1}], Pages: 0}});
	t.deepEqual(answer.body, {Status: 'OK', Message: 'Policies imported', Meta: {'5ead7120575961000181867e': true}});
	const policy = (await em.request('GET', '/api/portal/policies/5ead7120575961000181867e')).body;
	t.is(policy.id, '5ead7120575961000181867e');
	t.is(policy.name, 'Imported');
});

async function lists(em: TestEmulator): Promise<[string, string]> {
	return [(await em.request('GET', '/api/apis?p=-1')).text, (await em.request('GET', '/api/portal/policies?p=-1')).text];
}

test('item 51: list output imported into an empty emulator reproduces identical lists', async (t) => {
	const source = await emulator(t, {seed: 12});
	const api = await createClassicApi(source, 'Extra #billing', '/extra/');
	await source.request('POST', '/api/apis/oas', {body: oasDoc('Extra OAS', '/extra-oas/', 'extra-oas')});
	await source.request('PUT', '/api/apis/oas/extra-oas/categories', {body: {categories: ['billing']}});
	await source.request('POST', '/api/portal/policies', {body: {name: 'Extra policy', id: 'extra', access_rights: {[api.ID]: {api_id: api.ID}}}});
	const [apis, policies] = await lists(source);
	const target = await emulator(t);
	t.is((await target.request('POST', '/admin/apis/import', {...admin, raw: apis})).status, 200);
	t.is((await target.request('POST', '/admin/policies/import', {...admin, raw: policies})).status, 200);
	const [apisAgain, policiesAgain] = await lists(target);
	t.is(apisAgain, apis);
	t.is(policiesAgain, policies);
});

test('item 52: unknown routes → 404 JSON error object', async (t) => {
	const em = await emulator(t);
	for (const [method, path] of [['GET', '/api/nothing'], ['PATCH', '/api/apis'], ['GET', '/other'], ['GET', '/api/apis/a/b/c/d']] as const) {
		const answer = await em.request(method, path);
		t.is(answer.status, 404, `${method} ${path}`);
		t.is(answer.contentType, 'application/json');
		t.is(answer.body.Status, 'Error');
	}
	t.is((await em.request('GET', '/admin/nothing', admin)).status, 404);
});
