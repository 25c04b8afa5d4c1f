import test from 'ava';
import {parse, stringify} from 'yaml';
import {emulator, errorBody, hex24, hex32, oasDoc} from './helpers.js';

test('item 22: OAS create keeps info.id, generates it when absent', async (t) => {
	const em = await emulator(t);
	const kept = await em.request('POST', '/api/apis/oas', {body: oasDoc('Inventory', '/inv/', 'inv')});
	t.is(kept.status, 200);
	t.is(kept.body.Message, 'API created');
	t.is(kept.body.ID, 'inv');
	t.regex(kept.body.Meta, hex24);
	const generated = await em.request('POST', '/api/apis/oas', {body: oasDoc('Other', '/other/')});
	t.regex(generated.body.ID, hex32);
});

test('item 23: stored doc has dbId, orgId, the Gateway URL first in servers, security and securitySchemes', async (t) => {
	const em = await emulator(t, {gatewayBase: 'http://gw.test:8080'});
	const doc = {...oasDoc('Inventory', '/inventory/', 'inv'), servers: [{url: 'http://upstream.test'}]};
	const created = await em.request('POST', '/api/apis/oas', {body: doc});
	const stored = (await em.request('GET', '/api/apis/oas/inv')).body;
	t.is(stored['x-tyk-api-gateway'].info.dbId, created.body.Meta);
	t.truthy(stored['x-tyk-api-gateway'].info.orgId);
	t.deepEqual(stored.servers, [{url: 'http://gw.test:8080/inventory/'}, {url: 'http://upstream.test'}]);
	t.deepEqual(stored.security, []);
	t.deepEqual(stored.components, {securitySchemes: {}});
	const again = await em.request('PUT', '/api/apis/oas/inv', {body: stored});
	t.is(again.status, 200);
	t.is((await em.request('GET', '/api/apis/oas/inv')).body.servers.length, 2, 'a GET → PUT round trip does not stack Gateway URLs');
});

test('item 24: duplicate info.id → 409; non-JSON → 400; YAML with x-yaml is accepted', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'dup')});
	const duplicate = await em.request('POST', '/api/apis/oas', {body: oasDoc('B', '/b/', 'dup')});
	t.is(duplicate.status, 409);
	t.deepEqual(duplicate.body, errorBody('Found API with the same ID.'));
	const broken = await em.request('POST', '/api/apis/oas', {raw: '{not json'});
	t.is(broken.status, 400);
	t.deepEqual(broken.body, errorBody("Couldn't read body."));
	const yaml = await em.request('POST', '/api/apis/oas', {raw: stringify(oasDoc('Yam', '/yam/', 'yam')), headers: {'Content-Type': 'application/x-yaml'}});
	t.is(yaml.status, 200);
	t.is(yaml.body.ID, 'yam');
});

test('item 25: GET by info.id or dbId returns the bare doc; unknown and Classic ids → 400', async (t) => {
	const em = await emulator(t);
	const created = await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a-id')});
	const byId = await em.request('GET', '/api/apis/oas/a-id');
	t.is(byId.body.openapi, '3.0.3');
	t.deepEqual((await em.request('GET', `/api/apis/oas/${created.body.Meta}`)).body, byId.body);
	const unknown = await em.request('GET', '/api/apis/oas/none');
	t.is(unknown.status, 400);
	t.deepEqual(unknown.body, errorBody('Could not retrieve API detail.'));
	const classic = await em.request('POST', '/api/apis', {body: {api_definition: {name: 'C', proxy: {listen_path: '/c/'}}}});
	t.is((await em.request('GET', `/api/apis/oas/${classic.body.ID}`)).status, 400);
});

test('item 26: PUT replaces, restores dbId/orgId, checks the extension and ids', async (t) => {
	const em = await emulator(t);
	const created = await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a-id')});
	const put = await em.request('PUT', `/api/apis/oas/${created.body.Meta}`, {body: oasDoc('A renamed', '/a/')});
	t.deepEqual(put.body, {Status: 'OK', Message: 'API updated.', Meta: null});
	const stored = (await em.request('GET', '/api/apis/oas/a-id')).body;
	t.is(stored['x-tyk-api-gateway'].info.name, 'A renamed');
	t.is(stored['x-tyk-api-gateway'].info.dbId, created.body.Meta);
	t.is(stored['x-tyk-api-gateway'].info.id, 'a-id');
	t.truthy(stored['x-tyk-api-gateway'].info.orgId);
	const noExtension = await em.request('PUT', '/api/apis/oas/a-id', {body: {openapi: '3.0.3', info: {title: 'x', version: '1'}, paths: {}}});
	t.is(noExtension.status, 400);
	t.deepEqual(noExtension.body, errorBody('The payload should contain x-tyk-api-gateway.'));
	const mismatch = await em.request('PUT', '/api/apis/oas/a-id', {body: oasDoc('A', '/a/', 'other')});
	t.is(mismatch.status, 400);
	t.deepEqual(mismatch.body, errorBody('Invalid `ID` value'));
	const unknown = await em.request('PUT', '/api/apis/oas/none', {body: oasDoc('A', '/a/')});
	t.is(unknown.status, 404);
	t.deepEqual(unknown.body, errorBody('API definition does not exist'));
});

test('item 27: DELETE → 200 API deleted.; unknown → 404', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a-id')});
	t.deepEqual((await em.request('DELETE', '/api/apis/oas/a-id')).body, {Status: 'OK', Message: 'API deleted.', Meta: null});
	const again = await em.request('DELETE', '/api/apis/oas/a-id');
	t.is(again.status, 404);
	t.deepEqual(again.body, errorBody('Could not retrieve API detail.'));
});

test('item 28: export equals GET; mode=public drops the extension', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a-id')});
	const doc = (await em.request('GET', '/api/apis/oas/a-id')).body;
	t.deepEqual((await em.request('GET', '/api/apis/oas/a-id/export')).body, doc);
	const pub = (await em.request('GET', '/api/apis/oas/a-id/export?mode=public')).body;
	t.false('x-tyk-api-gateway' in pub);
	t.deepEqual(pub.info, doc.info);
	t.is((await em.request('GET', '/api/apis/oas/none/export')).status, 400);
});

test('item 29: import generates the extension from the query; a doc with the extension → 400', async (t) => {
	const em = await emulator(t);
	const plain = {openapi: '3.0.3', info: {title: 'Pets', version: '1'}, servers: [{url: 'http://pets.test'}], paths: {'/pets': {get: {responses: {200: {description: 'ok'}}}}}};
	const imported = await em.request('POST', '/api/apis/oas/import?listenPath=/p/&upstreamURL=http://u', {body: plain});
	t.is(imported.status, 200);
	t.is(imported.body.Message, 'API created');
	const stored = (await em.request('GET', `/api/apis/oas/${imported.body.ID}`)).body;
	t.is(stored['x-tyk-api-gateway'].server.listenPath.value, '/p/');
	t.is(stored['x-tyk-api-gateway'].upstream.url, 'http://u');
	t.is(stored['x-tyk-api-gateway'].info.name, 'Pets');
	const refused = await em.request('POST', '/api/apis/oas/import', {body: oasDoc('X', '/x/')});
	t.is(refused.status, 400);
	t.deepEqual(refused.body, errorBody('The import payload should not contain x-tyk-api-gateway.'));
});

test('item 30: OAS APIs appear in /api/apis as a projection with is_oas; Classic items have no is_oas', async (t) => {
	const em = await emulator(t);
	const created = await em.request('POST', '/api/apis/oas', {body: oasDoc('Inventory', '/inventory/', 'inv')});
	await em.request('POST', '/api/apis', {body: {api_definition: {name: 'C', proxy: {listen_path: '/c/'}}}});
	const [classic, oas] = (await em.request('GET', '/api/apis?p=-1')).body.apis;
	t.false('is_oas' in classic.api_definition);
	t.is(oas.api_definition.is_oas, true);
	t.is(oas.api_definition.api_id, 'inv');
	t.is(oas.api_definition.id, created.body.Meta);
	t.is(oas.api_definition.name, 'Inventory');
	t.is(oas.api_definition.proxy.listen_path, '/inventory/');
	t.is(oas.oas['x-tyk-api-gateway'].info.id, 'inv');
	t.is((await em.request('GET', '/api/apis/inv')).body.api_definition.is_oas, true);
});

test('item 31: /api/apis/oas?p=-1 lists OAS docs only', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a')});
	await em.request('POST', '/api/apis', {body: {api_definition: {name: 'C', proxy: {listen_path: '/c/'}}}});
	await em.request('POST', '/api/apis/oas', {body: oasDoc('B', '/b/', 'b')});
	const answer = await em.request('GET', '/api/apis/oas?p=-1');
	t.is(answer.body.pages, 0);
	t.deepEqual(answer.body.apis.map((doc: any) => doc['x-tyk-api-gateway'].info.id), ['b', 'a']);
});

test('item 32: categories PUT cleans labels and leaves the document alone', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a')});
	const before = (await em.request('GET', '/api/apis/oas/a')).body;
	const put = await em.request('PUT', '/api/apis/oas/a/categories', {body: {categories: ['a', 'a', '', ' b']}});
	t.deepEqual(put.body, {Status: 'OK', Message: 'API categories updated.', Meta: null});
	t.deepEqual((await em.request('GET', '/api/apis/oas/a/categories')).body, {categories: ['a', 'b']});
	t.deepEqual((await em.request('GET', '/api/apis/oas/a')).body, before);
	t.is((await em.request('GET', '/api/apis/oas/none/categories')).status, 404);
});

test('child versions (item 33) are refused with a clear 400 instead of being faked', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('A', '/a/', 'a')});
	const child = await em.request('POST', '/api/apis/oas?base_api_id=a&new_version_name=v2', {body: oasDoc('A2', '/a2/')});
	t.is(child.status, 400);
	t.regex(child.body.Message, /not supported/);
});

test('export as YAML when the request asks for application/x-yaml', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/apis/oas', {body: oasDoc('Yaml Out', '/yaml-out/', 'yo')});
	const answer = await em.request('GET', '/api/apis/oas/yo/export', {headers: {'Content-Type': 'application/x-yaml'}});
	t.is(answer.status, 200);
	t.is(answer.contentType, 'application/x-yaml');
	t.deepEqual(parse(answer.text), (await em.request('GET', '/api/apis/oas/yo')).body);
});
