import test from 'ava';
import {completeLive, DashboardError, listApiWrappers, listLive, listPolicies, listTemplates, loadLive} from '../../../source/sources/dashboard/index.js';
import {json, startServer} from './helpers/server.js';
import {testClient} from './helpers/client.js';

function page(url: string): number {
	return Number(new URL(url, 'http://x').searchParams.get('p'));
}

function api(id: string) {
	return {api_definition: {api_id: id, id: `db-${id}`, name: id}, hook_references: []};
}

test('a server that pages anyway: the remaining pages are fetched and concatenated in order', async (t) => {
	const server = await startServer(t, (q, r) => {
		const p = page(q.url!);
		const items = p === -1 ? ['a', 'b'] : p === 2 ? ['c', 'd'] : ['e'];
		json(r, 200, {apis: items.map(api), pages: 3});
	});
	const wrappers = await listApiWrappers(testClient(t, server.url));
	t.deepEqual(wrappers.map((w) => (w['api_definition'] as {api_id: string}).api_id), ['a', 'b', 'c', 'd', 'e']);
	t.deepEqual(server.requests.map((r) => r.url).sort(), ['/api/apis?p=-1', '/api/apis?p=2', '/api/apis?p=3']);
});

test('policies page with the capitalised envelope', async (t) => {
	const server = await startServer(t, (q, r) => {
		const p = page(q.url!);
		json(r, 200, {Data: [{id: p === -1 ? 'one' : 'two', name: 'x'}], Pages: 2});
	});
	const policies = await listPolicies(testClient(t, server.url));
	t.deepEqual(policies.map((p) => p['id']), ['one', 'two']);
});

test('null lists are empty lists', async (t) => {
	const server = await startServer(t, (q, r) => {
		if (q.url!.startsWith('/api/apis')) json(r, 200, {apis: null, pages: 0});
		else if (q.url!.startsWith('/api/portal')) json(r, 200, {Data: null, Pages: 0});
		else json(r, 200, null);
	});
	const snapshot = await loadLive(testClient(t, server.url));
	t.deepEqual(snapshot, {apis: [], policies: [], templates: []});
});

test('a list in the wrong envelope is a bad response, never read as empty', async (t) => {
	const server = await startServer(t, (q, r) => {
		if (q.url!.startsWith('/api/apis')) json(r, 200, {Data: [], Pages: 0});
		else if (q.url!.startsWith('/api/portal')) json(r, 200, {Data: 'nope', Pages: 0});
		else json(r, 200, {apis: []});
	});
	const client = testClient(t, server.url);
	const apis = await t.throwsAsync(listApiWrappers(client), {instanceOf: DashboardError});
	t.is(apis?.kind, 'bad-response');
	t.regex(apis!.message, /^staging: GET \/api\/apis\?p=-1 failed with 200: the list has no "apis" member\./);
	const policies = await t.throwsAsync(listPolicies(client), {instanceOf: DashboardError});
	t.regex(policies!.message, /the list is not an array/);
	const templates = await t.throwsAsync(listTemplates(client), {instanceOf: DashboardError});
	t.regex(templates!.message, /GET \/api\/assets failed with 200: the list is not an array/);
});

test('list entries that are not objects are a bad response', async (t) => {
	const server = await startServer(t, (_q, r) => json(r, 200, {apis: [api('a'), 'junk'], pages: 0}));
	await t.throwsAsync(listApiWrappers(testClient(t, server.url)), {message: /a list entry is not a JSON object/});
});

function oasServer(t: Parameters<typeof startServer>[0], wrapper: Record<string, unknown>, doc: object) {
	return startServer(t, (q, r) => {
		const url = q.url!;
		if (url === '/api/apis?p=-1') json(r, 200, {apis: [{...api('c1'), oas: {x: 1}}, wrapper], pages: 0});
		else if (url === '/api/apis/oas/inv') json(r, 200, doc);
		else if (url === '/api/apis/oas/inv/categories') json(r, 200, {categories: ['from-endpoint']});
		else if (url.startsWith('/api/portal/policies')) json(r, 200, {Data: [{_id: 'p1', id: 'gold', name: 'Gold'}], Pages: 0});
		else if (url === '/api/assets') json(r, 200, [{_id: 't1', id: 'tpl', name: 'T', kind: 'oas-template', data: {}}]);
		else json(r, 404, {Status: 'Error', Message: 'Not found', Meta: null});
	});
}

const oasDoc = {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id: 'inv', dbId: 'db-inv', name: 'Inventory'}}};

test('loadLive reads OAS through the Classic list, then the full doc; categories come from the list entry', async (t) => {
	const oasWrapper = {
		api_definition: {api_id: 'inv', id: 'db-inv', is_oas: true, name: 'Inventory'},
		categories: ['logistics'], hook_references: [{event_name: 'x'}], is_site: false, sort_by: 0, user_group_owners: [], user_owners: ['u1'],
		oas: {projection: true},
	};
	const server = await oasServer(t, oasWrapper, oasDoc);
	const snapshot = await loadLive(testClient(t, server.url));
	t.deepEqual(snapshot.apis, [
		api('c1'),
		{oas: oasDoc, categories: ['logistics'], hook_references: [{event_name: 'x'}], is_site: false, sort_by: 0, user_group_owners: [], user_owners: ['u1']},
	]);
	t.is(snapshot.policies.length, 1);
	t.is(snapshot.templates.length, 1);
	t.false(server.requests.some((r) => r.url.startsWith('/api/apis/oas?')), 'one OAS API is read on its own, not through the OAS list');
	t.false(server.requests.some((r) => r.url.endsWith('/categories')), 'one request per OAS API: the list entry has the categories');
});

test('loadLive asks the categories endpoint when a list entry does not carry categories', async (t) => {
	const oasWrapper = {api_definition: {api_id: 'inv', id: 'db-inv', is_oas: true, name: 'Inventory'}, user_owners: []};
	const server = await oasServer(t, oasWrapper, oasDoc);
	const snapshot = await loadLive(testClient(t, server.url));
	t.deepEqual(snapshot.apis[1]!['categories'], ['from-endpoint']);
	t.true(server.requests.some((r) => r.url === '/api/apis/oas/inv/categories'));
});

test('loadLive skips an OAS API deleted between the list and the read', async (t) => {
	const server = await startServer(t, (q, r) => {
		const url = q.url!;
		if (url === '/api/apis?p=-1') json(r, 200, {apis: [{api_definition: {api_id: 'gone', is_oas: true}}], pages: 0});
		else if (url.startsWith('/api/apis/oas/gone')) json(r, 400, {Status: 'Error', Message: 'Could not retrieve API detail.', Meta: null});
		else if (url.startsWith('/api/portal')) json(r, 200, {Data: [], Pages: 0});
		else json(r, 200, []);
	});
	t.deepEqual((await loadLive(testClient(t, server.url))).apis, []);
});

/** A Dashboard with `count` OAS APIs; `oasList` answers the OAS list (with only the listed ids), or 404 when absent. */
function manyOasServer(t: Parameters<typeof startServer>[0], count: number, oasList: readonly string[] | 'absent') {
	const ids = Array.from({length: count}, (_, i) => `oas-${i}`);
	const doc = (id: string) => ({openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id, dbId: `db-${id}`, name: id}}});
	return startServer(t, (q, r) => {
		const url = q.url!;
		const single = /^\/api\/apis\/oas\/([^/?]+)$/.exec(url);
		if (url === '/api/apis?p=-1') json(r, 200, {apis: ids.map((id) => ({api_definition: {api_id: id, id: `db-${id}`, is_oas: true, name: id}, categories: [id === 'oas-1' ? 'picked' : 'other']})), pages: 0});
		else if (url === '/api/apis/oas?p=-1' && oasList !== 'absent') json(r, 200, {apis: oasList.map(doc), pages: 0});
		else if (single && ids.includes(single[1]!)) json(r, 200, doc(single[1]!));
		else if (url.startsWith('/api/portal/policies')) json(r, 200, {Data: [], Pages: 0});
		else if (url === '/api/assets') json(r, 200, []);
		else json(r, 404, {Status: 'Error', Message: 'Not found', Meta: null});
	});
}

const docIds = (apis: readonly Record<string, any>[]) => apis.map((body) => body['oas']['x-tyk-api-gateway'].info.id);

test('a whole load reads OAS documents through the OAS list; documents it lacks are read one by one', async (t) => {
	const server = await manyOasServer(t, 5, ['oas-0', 'oas-2', 'oas-3']);
	const snapshot = await loadLive(testClient(t, server.url));
	t.deepEqual(docIds(snapshot.apis), ['oas-0', 'oas-1', 'oas-2', 'oas-3', 'oas-4']);
	const singles = server.requests.map((r) => r.url).filter((url) => /^\/api\/apis\/oas\/oas-/.test(url)).sort();
	t.deepEqual(singles, ['/api/apis/oas/oas-1', '/api/apis/oas/oas-4']);
});

test('a Dashboard without the OAS list (404) is read one OAS API at a time, with the same result', async (t) => {
	const server = await manyOasServer(t, 4, 'absent');
	const snapshot = await loadLive(testClient(t, server.url));
	t.deepEqual(docIds(snapshot.apis), ['oas-0', 'oas-1', 'oas-2', 'oas-3']);
	t.is(server.requests.filter((r) => /^\/api\/apis\/oas\/oas-/.test(r.url)).length, 4);
});

test('completeLive with a selection reads only the selected OAS APIs, never the OAS list', async (t) => {
	const server = await manyOasServer(t, 40, ['oas-0']);
	const client = testClient(t, server.url);
	const index = await listLive(client);
	t.is(index.apis.length, 40);
	const snapshot = await completeLive(client, index, (stub) => stub.categories?.includes('picked') ?? false);
	t.deepEqual(docIds(snapshot.apis), ['oas-1']);
	t.deepEqual(server.requests.map((r) => r.url).filter((url) => url.startsWith('/api/apis/oas')), ['/api/apis/oas/oas-1']);
});
