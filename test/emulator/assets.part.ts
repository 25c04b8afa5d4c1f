import test from 'ava';
import {emulator, errorBody, hex24, oasDoc} from './helpers.js';

const template = {kind: 'oas-template', name: 't', id: 'tpl-1', description: 'd', data: {info: {title: 'T', version: '1'}}};

test('item 44: create → 201 success envelope; no id → generated', async (t) => {
	const em = await emulator(t);
	const created = await em.request('POST', '/api/assets', {body: template});
	t.is(created.status, 201);
	t.is(created.body.Status, 'success');
	t.is(created.body.Message, 'asset created');
	t.regex(created.body.Meta, hex24);
	t.is(created.body.ID, 'tpl-1');
	const generated = await em.request('POST', '/api/assets', {body: {kind: 'oas-template', name: 'u', data: {}}});
	t.is(generated.status, 201);
	t.truthy(generated.body.ID);
	t.not(generated.body.ID, generated.body.Meta);
});

test('item 45: duplicate id → 409, bad kind → 422, non-JSON → 400', async (t) => {
	const em = await emulator(t);
	await em.request('POST', '/api/assets', {body: template});
	const duplicate = await em.request('POST', '/api/assets', {body: template});
	t.deepEqual([duplicate.status, duplicate.body], [409, errorBody("Asset ID already exists: 'tpl-1'.")]);
	const kind = await em.request('POST', '/api/assets', {body: {...template, id: 'x', kind: 'foo'}});
	t.deepEqual([kind.status, kind.body], [422, errorBody("unsupported asset kind: 'foo'.")]);
	const broken = await em.request('POST', '/api/assets', {raw: 'nope'});
	t.deepEqual([broken.status, broken.body], [400, errorBody('error reading json body.')]);
});

test('item 46: list is a bare array; an unknown kind filter → 400', async (t) => {
	const em = await emulator(t);
	t.is((await em.request('GET', '/api/assets')).text, '[]');
	await em.request('POST', '/api/assets', {body: template});
	const list = await em.request('GET', '/api/assets?kind=oas-template');
	t.true(Array.isArray(list.body));
	t.is(list.body[0].id, 'tpl-1');
	t.is(list.body[0].kind, 'oas-template');
	t.truthy(list.body[0].org_id);
	t.regex(list.body[0].last_updated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
	const bad = await em.request('GET', '/api/assets?kind=foo');
	t.deepEqual([bad.status, bad.body], [400, errorBody("unsupported asset kind: 'foo'")]);
});

test('item 47: GET/PUT/DELETE by _id or id; unknown → 404', async (t) => {
	const em = await emulator(t);
	const created = (await em.request('POST', '/api/assets', {body: template})).body;
	t.is((await em.request('GET', `/api/assets/${created.Meta}`)).body.name, 't');
	t.is((await em.request('GET', '/api/assets/tpl-1')).body._id, created.Meta);
	const put = await em.request('PUT', '/api/assets/tpl-1', {body: {...template, name: 't2'}});
	t.deepEqual([put.status, put.body], [200, {Status: 'success', Message: 'asset updated', Meta: created.Meta, ID: 'tpl-1'}]);
	t.is((await em.request('GET', '/api/assets/tpl-1')).body.name, 't2');
	t.deepEqual([(await em.request('GET', '/api/assets/none')).status, (await em.request('GET', '/api/assets/none')).body], [404, errorBody('Asset not found')]);
	t.is((await em.request('PUT', '/api/assets/none', {body: template})).status, 404);
	const del = await em.request('DELETE', `/api/assets/${created.Meta}`);
	t.deepEqual([del.status, del.body], [200, {Status: 'success', Message: 'Asset removed successfully', Meta: null}]);
	t.deepEqual((await em.request('DELETE', '/api/assets/tpl-1')).body, errorBody('asset not found'));
});

test('item 48: templateID merges paths, components and the extension; request wins; servers/tags from request', async (t) => {
	const em = await emulator(t, {gatewayBase: 'http://gw'});
	await em.request('POST', '/api/assets', {
		body: {
			kind: 'oas-template', name: 'base', id: 'tpl-1',
			data: {
				servers: [{url: 'http://template-server'}], tags: [{name: 'template'}],
				paths: {'/health': {get: {responses: {200: {description: 'tpl'}}}}, '/items': {get: {responses: {200: {description: 'tpl'}}}}},
				components: {securitySchemes: {key: {type: 'apiKey', in: 'header', name: 'X'}}, schemas: {A: {type: 'string'}}},
				'x-tyk-api-gateway': {middleware: {global: {cors: {enabled: true}, trafficLogs: {enabled: false}}}, upstream: {url: 'http://tpl'}},
			},
		},
	});
	const request: Record<string, any> = {
		...oasDoc('Merged', '/merged/', 'merged'),
		tags: [{name: 'mine'}],
		paths: {'/items': {get: {responses: {200: {description: 'mine'}}}}},
		components: {schemas: {B: {type: 'integer'}}},
	};
	request['x-tyk-api-gateway'].middleware = {global: {trafficLogs: {enabled: true}}};
	const created = await em.request('POST', '/api/apis/oas?templateID=tpl-1', {body: request});
	t.is(created.status, 200);
	const doc = (await em.request('GET', '/api/apis/oas/merged')).body;
	t.deepEqual(Object.keys(doc.paths).sort(), ['/health', '/items']);
	t.is(doc.paths['/items'].get.responses['200'].description, 'mine');
	t.deepEqual(Object.keys(doc.components.schemas).sort(), ['A', 'B']);
	t.truthy(doc.components.securitySchemes.key);
	t.deepEqual(doc.servers, [{url: 'http://gw/merged/'}]);
	t.deepEqual(doc.tags, [{name: 'mine'}]);
	const ext = doc['x-tyk-api-gateway'];
	t.deepEqual(ext.middleware.global, {cors: {enabled: true}, trafficLogs: {enabled: true}});
	t.is(ext.upstream.url, 'http://upstream.test');
	const imported = await em.request('POST', `/api/apis/oas/import?templateID=tpl-1&listenPath=/imp/`, {body: {openapi: '3.0.3', info: {title: 'Imp', version: '1'}, paths: {}}});
	t.is(imported.status, 200);
	const importedDoc = (await em.request('GET', `/api/apis/oas/${imported.body.ID}`)).body;
	t.is(importedDoc['x-tyk-api-gateway'].upstream.url, 'http://tpl', 'template values fill what the query does not set');
	t.is(importedDoc['x-tyk-api-gateway'].server.listenPath.value, '/imp/');
	t.true(importedDoc['x-tyk-api-gateway'].middleware.global.cors.enabled);
	const unknown = await em.request('POST', '/api/apis/oas?templateID=nope', {body: oasDoc('U', '/u/')});
	t.is(unknown.status, 404);
});
