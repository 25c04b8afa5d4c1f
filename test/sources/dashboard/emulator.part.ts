import test from 'ava';
import {startEmulator, type RunningEmulator} from '../../../source/emulator/index.js';
import {makeItem} from '../../../source/core/item.js';
import type {JsonObject} from '../../../source/core/json.js';
import {
	createDashboardClient, createItem, deleteItem, getItem, liveItems, loadLive, updateItem, DashboardError, type DashboardClient,
} from '../../../source/sources/dashboard/index.js';

async function emulator(t: {teardown(fn: () => unknown): void}, options: {seed?: number; legacyResetApiIdOnCreate?: boolean} = {}): Promise<{emu: RunningEmulator; client: DashboardClient}> {
	const emu = await startEmulator({secret: 'k', seed: 0, ...options});
	const client = createDashboardClient({name: 'staging', url: emu.url, key: 'k', retryDelayMs: 1});
	t.teardown(async () => {
		client.close();
		await emu.close();
	});
	return {emu, client};
}

const hex24 = /^[0-9a-f]{24}$/;

function classicBody(apiId: string, name: string): JsonObject {
	return {
		api_definition: {
			id: 'aaaaaaaaaaaaaaaaaaaaaaaa', api_id: apiId, org_id: 'foreign-org', name,
			proxy: {listen_path: `/${apiId}/`, target_url: 'http://orders.internal', strip_listen_path: true}, active: true,
		},
		hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
	};
}

function oasBody(id: string, name: string, categories: string[]): JsonObject {
	return {
		oas: {
			openapi: '3.0.3', info: {title: name, version: '1.0.0'}, paths: {},
			'x-tyk-api-gateway': {
				info: {id, dbId: 'bbbbbbbbbbbbbbbbbbbbbbbb', orgId: 'foreign-org', name, state: {active: true}},
				upstream: {url: 'http://inventory.internal'}, server: {listenPath: {value: `/${id}/`, strip: true}},
			},
		},
		categories, hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [],
	};
}

function def(body: JsonObject | undefined): JsonObject {
	return body!['api_definition'] as JsonObject;
}

function oasInfo(body: JsonObject | undefined): JsonObject {
	return ((body!['oas'] as JsonObject)['x-tyk-api-gateway'] as JsonObject)['info'] as JsonObject;
}

test('loadLive loads every seeded API, policy and template in the file shape', async (t) => {
	const {emu, client} = await emulator(t, {seed: 12});
	const snapshot = await loadLive(client);
	t.is(snapshot.apis.length, emu.store.listApis().length);
	t.is(snapshot.policies.length, emu.store.listPolicies().length);
	t.is(snapshot.templates.length, emu.store.listTemplates().length);
	const items = liveItems(snapshot);
	const oas = items.filter((item) => item.flavor === 'oas');
	const classic = items.filter((item) => item.flavor === 'classic');
	t.true(oas.length > 0 && classic.length > 0);
	for (const item of oas) {
		t.deepEqual(Object.keys(item.body).sort(), ['categories', 'hook_references', 'is_site', 'oas', 'sort_by', 'user_group_owners', 'user_owners']);
		t.truthy(item.id);
		t.regex(item.dbId!, hex24);
	}
	for (const item of classic) t.false('oas' in item.body);
	t.true(items.filter((item) => item.kind === 'policy').every((item) => item.id !== ''));
});

test('Classic: create keeps the portable id, strips foreign ids; get, update, delete by api_id', async (t) => {
	const {client} = await emulator(t);
	const item = makeItem('api', classicBody('orders', 'Orders #billing'));
	const created = await createItem(client, item);
	t.is(created.id, 'orders');
	t.regex(created.dbId, hex24);
	const stored = await getItem(client, 'api', 'classic', 'orders');
	t.is(def(stored)['id'], created.dbId);
	t.is(def(stored)['api_id'], 'orders');
	t.not(def(stored)['org_id'], 'foreign-org');
	t.is(def(stored)['name'], 'Orders #billing');

	await updateItem(client, makeItem('api', classicBody('orders', 'Orders v2 #billing')), 'orders');
	t.is(def(await getItem(client, 'api', 'classic', created.dbId))['name'], 'Orders v2 #billing');

	await deleteItem(client, 'api', 'classic', 'orders');
	t.is(await getItem(client, 'api', 'classic', 'orders'), undefined);
	const again = await t.throwsAsync(deleteItem(client, 'api', 'classic', 'orders'), {instanceOf: DashboardError});
	t.is(again?.kind, 'not-found');
	t.regex(again!.message, /^staging: DELETE \/api\/apis\/orders failed with 404: Could not retrieve API detail\./);
});

test('Classic: a Dashboard that resets api_id on create gets it pinned with a PUT', async (t) => {
	const {client} = await emulator(t, {legacyResetApiIdOnCreate: true});
	const created = await createItem(client, makeItem('api', classicBody('payments', 'Payments')));
	t.is(created.id, 'payments');
	t.is(def(await getItem(client, 'api', 'classic', 'payments'))['id'], created.dbId);
});

test('Classic: a duplicate api_id is a conflict', async (t) => {
	const {client} = await emulator(t);
	await createItem(client, makeItem('api', classicBody('dup', 'Dup')));
	const error = await t.throwsAsync(createItem(client, makeItem('api', classicBody('dup', 'Dup 2'))), {instanceOf: DashboardError});
	t.is(error?.kind, 'conflict');
});

test('OAS: create with info.id and categories; get, update, delete', async (t) => {
	const {client} = await emulator(t);
	const created = await createItem(client, makeItem('api', oasBody('inv', 'Inventory', ['logistics', 'retail'])));
	t.is(created.id, 'inv');
	t.regex(created.dbId, hex24);
	const stored = await getItem(client, 'api', 'oas', 'inv');
	t.is(oasInfo(stored)['dbId'], created.dbId);
	t.not(oasInfo(stored)['orgId'], 'foreign-org');
	t.deepEqual(stored!['categories'], ['logistics', 'retail']);
	t.deepEqual(await getItem(client, 'api', 'classic', 'inv'), stored, 'a Classic-flavoured read of an OAS API gives the OAS shape');

	await updateItem(client, makeItem('api', oasBody('inv', 'Inventory 2', [])), 'inv');
	const updated = await getItem(client, 'api', 'oas', created.dbId);
	t.is(oasInfo(updated)['name'], 'Inventory 2');
	t.deepEqual(updated!['categories'], []);

	const live = liveItems(await loadLive(client));
	t.deepEqual(live.map((item) => [item.kind, item.flavor, item.id]), [['api', 'oas', 'inv']]);

	await deleteItem(client, 'api', 'oas', 'inv');
	t.is(await getItem(client, 'api', 'oas', 'inv'), undefined);
});

test('policies: create keeps the explicit id and reads the new _id from Message; update and delete by id', async (t) => {
	const {client} = await emulator(t);
	const body = {_id: 'cccccccccccccccccccccccc', id: 'gold-tier', name: 'Gold', org_id: 'foreign-org', rate: 10, per: 1, access_rights: {}};
	const created = await createItem(client, makeItem('policy', body));
	t.is(created.id, 'gold-tier');
	t.regex(created.dbId, hex24);
	t.not(created.dbId, 'cccccccccccccccccccccccc');
	const stored = await getItem(client, 'policy', undefined, 'gold-tier');
	t.is(stored!['_id'], created.dbId);
	t.is(stored!['rate'], 10);

	await updateItem(client, makeItem('policy', {...body, rate: 20}), created.dbId);
	t.is((await getItem(client, 'policy', undefined, 'gold-tier'))!['rate'], 20);
	await deleteItem(client, 'policy', undefined, 'gold-tier');
	t.is(await getItem(client, 'policy', undefined, 'gold-tier'), undefined);
});

test('policies: a duplicate name is a validation error with the Dashboard message', async (t) => {
	const {client} = await emulator(t);
	await createItem(client, makeItem('policy', {id: 'a', name: 'Same', access_rights: {}}));
	const error = await t.throwsAsync(createItem(client, makeItem('policy', {id: 'b', name: 'Same', access_rights: {}})), {instanceOf: DashboardError});
	t.is(error?.kind, 'validation');
	t.regex(error!.message, /POST \/api\/portal\/policies failed with 400: This policy name has already been used/);
});

test('templates: create (201, Status success), get, update, delete by id', async (t) => {
	const {client} = await emulator(t);
	const body = {_id: 'dddddddddddddddddddddddd', id: 'tpl-1', kind: 'oas-template', name: 'T', description: '', data: {info: {title: 't'}}};
	const created = await createItem(client, makeItem('template', body));
	t.is(created.id, 'tpl-1');
	t.regex(created.dbId, hex24);
	await updateItem(client, makeItem('template', {...body, name: 'T2'}), 'tpl-1');
	t.is((await getItem(client, 'template', undefined, 'tpl-1'))!['name'], 'T2');
	const bad = await t.throwsAsync(createItem(client, makeItem('template', {...body, id: 'tpl-2', kind: 'foo'})), {instanceOf: DashboardError});
	t.is(bad?.status, 422);
	await deleteItem(client, 'template', undefined, 'tpl-1');
	t.is(await getItem(client, 'template', undefined, 'tpl-1'), undefined);
});

test('unknown ids: reads give undefined, updates a not-found error', async (t) => {
	const {client} = await emulator(t);
	t.is(await getItem(client, 'api', 'classic', 'nope'), undefined);
	t.is(await getItem(client, 'api', 'oas', 'nope'), undefined);
	t.is(await getItem(client, 'policy', undefined, 'nope'), undefined);
	t.is(await getItem(client, 'template', undefined, 'nope'), undefined);
	const error = await t.throwsAsync(updateItem(client, makeItem('api', classicBody('nope', 'Nope')), 'nope'), {instanceOf: DashboardError});
	t.is(error?.kind, 'not-found');
	t.is(error?.message, 'staging: PUT /api/apis/nope failed with 404: API definition does not exist.');
});

test('a wrong key against the emulator is an authentication error without the key', async (t) => {
	const {emu} = await emulator(t);
	const client = createDashboardClient({name: 'prod', url: emu.url, key: 'wrong-key-123'});
	t.teardown(() => client.close());
	const error = await t.throwsAsync(loadLive(client), {instanceOf: DashboardError});
	t.is(error?.kind, 'authentication');
	t.false(error!.message.includes('wrong-key-123'));
});

test('a failing write is reported once and leaves nothing behind', async (t) => {
	const {emu, client} = await emulator(t);
	emu.store.setFaults({failRate: 1, failOn: 'writes'});
	const error = await t.throwsAsync(createItem(client, makeItem('policy', {id: 'x', name: 'X', access_rights: {}})), {instanceOf: DashboardError});
	t.is(error?.kind, 'server');
	t.is(emu.store.listPolicies().length, 0);
});
