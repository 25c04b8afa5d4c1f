import test from 'ava';
import {makeItem} from '../../../source/core/item.js';
import {DashboardError, liveAddress, updateItem, writeBody} from '../../../source/sources/dashboard/index.js';
import {json, startServer} from './helpers/server.js';
import {testClient} from './helpers/client.js';

const classic = makeItem('api', {api_definition: {id: 'db1', api_id: 'a', org_id: 'o1', name: 'A'}, hook_references: [], oas: null});
const oas = makeItem('api', {oas: {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id: 'b', dbId: 'db2', orgId: 'o1', name: 'B'}}}, categories: ['c']});
const policy = makeItem('policy', {_id: 'db3', name: 'P', org_id: 'o1'});
const template = makeItem('template', {_id: 'db4', id: 't', org_id: 'o1', kind: 'oas-template'});

test('environment-local ids and org are stripped when no orgId is configured', (t) => {
	t.deepEqual(writeBody(classic), {api_definition: {api_id: 'a', name: 'A'}, hook_references: []});
	t.deepEqual(writeBody(oas), {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id: 'b', name: 'B'}}});
	t.deepEqual(writeBody(policy), {name: 'P', id: 'db3'}, 'a policy without id keeps its portable id (the old _id) as id');
	t.deepEqual(writeBody(template), {id: 't', kind: 'oas-template'});
});

test('a configured orgId is stamped', (t) => {
	t.is((writeBody(classic, 'org9')['api_definition'] as {org_id: string}).org_id, 'org9');
	t.is(((writeBody(oas, 'org9')['x-tyk-api-gateway'] as {info: {orgId: string}}).info.orgId), 'org9');
	t.is(writeBody(policy, 'org9')['org_id'], 'org9');
	t.is(writeBody(template, 'org9')['org_id'], 'org9');
});

test('the item body itself is never modified', (t) => {
	writeBody(classic, 'org9');
	t.is((classic.body['api_definition'] as {id: string}).id, 'db1');
});

test('a live policy is addressed by its DB _id (every Dashboard version accepts it), anything else by its id', (t) => {
	const live = makeItem('policy', {_id: '5fd202b669710900018bc19c', id: 'gold', name: 'Gold'});
	t.is(liveAddress(live, 'gold'), '5fd202b669710900018bc19c');
	t.is(liveAddress(makeItem('policy', {_id: 'not-hex', id: 'gold'}), 'gold'), 'gold');
	t.is(liveAddress(undefined, 'gold'), 'gold', 'nothing live yet (a create): the portable id');
	t.is(liveAddress(classic, 'a'), 'a');
});

test('a policy update carries the live _id in its body, as Tyk Sync and the Operator send it', async (t) => {
	const server = await startServer(t, (_q, r) => json(r, 200, {Status: 'OK', Message: 'Data updated', Meta: null}));
	await updateItem(testClient(t, server.url), makeItem('policy', {id: 'gold', name: 'Gold', rate: 5}), '5fd202b669710900018bc19c');
	t.deepEqual(server.requests.map((r) => [r.method, r.url]), [['PUT', '/api/portal/policies/5fd202b669710900018bc19c']]);
	t.like(JSON.parse(server.requests[0]!.body), {_id: '5fd202b669710900018bc19c', id: 'gold', rate: 5});
});

test('an OAS update whose categories fail says the document is already written', async (t) => {
	const server = await startServer(t, (q, r) => {
		if (q.url!.endsWith('/categories')) json(r, 500, {Status: 'Error', Message: 'Failed to update ApiDef object to DB.', Meta: null});
		else json(r, 200, {Status: 'OK', Message: 'API updated.', Meta: null});
	});
	const failure = updateItem(testClient(t, server.url), oas, 'b');
	const error = await t.throwsAsync(failure, {instanceOf: DashboardError});
	t.regex(error!.message, /staging: PUT \/api\/apis\/oas\/b\/categories failed with 500: the API document was updated, but setting its categories failed: Failed to update ApiDef object to DB/);
	t.is(error!.status, 500);
	t.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`), ['PUT /api/apis/oas/b', 'PUT /api/apis/oas/b/categories']);
});
