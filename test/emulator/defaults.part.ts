import test from 'ava';
import {makeItem, type Kind} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {readBackDifferences} from '../../source/engine/verify.js';
import {emulator, oasDoc, type TestEmulator} from './helpers.js';

// Every field the emulator fills in on save must read back as what the sparse file meant: compared through the same
// normalisation as `diff`, a sparse item published and read back is unchanged. A default that differs (-1 stored,
// absent compared as 0) would fail publish verification and drift forever.

async function roundTrip(t: {true: (a: boolean, m?: string) => void; is: (a: unknown, b: unknown, m?: string) => void; deepEqual: (a: unknown, b: unknown, m?: string) => void}, em: TestEmulator, kind: Kind, body: JsonObject, create: string, read: (answer: any) => string, wrap: (stored: any) => JsonObject = (stored) => stored): Promise<void> {
	const created = await em.request('POST', create, {body: kind === 'api' && 'oas' in body ? body['oas'] : body});
	t.true(created.status === 200 || created.status === 201, created.text);
	const stored = await em.request('GET', read(created.body));
	t.is(stored.status, 200, stored.text);
	t.deepEqual(readBackDifferences(kind, wrap(stored.body), makeItem(kind, body), {}), [], `${create} ${JSON.stringify(body).slice(0, 120)}`);
}

test('sparse Classic APIs read back unchanged: every default the emulator fills (versions, use_extended_paths, auth, CORS…) compares as absent', async (t) => {
	const em = await emulator(t);
	const bodies: JsonObject[] = [
		{api_definition: {api_id: 'bare', name: 'Bare', proxy: {listen_path: '/bare/', target_url: 'http://upstream.test/'}}},
		{api_definition: {api_id: 'versioned', name: 'Versioned', proxy: {listen_path: '/versioned/', target_url: 'http://upstream.test/'}, version_data: {not_versioned: true, versions: {Default: {name: 'Default'}}}}},
		{api_definition: {api_id: 'two', name: 'Two', proxy: {listen_path: '/two/', target_url: 'http://upstream.test/'}, version_data: {not_versioned: false, default_version: 'v1', versions: {v1: {name: 'v1'}, v2: {name: 'v2', paths: {}}}}}},
	];
	for (const body of bodies) await roundTrip(t, em, 'api', body, '/api/apis', (answer) => `/api/apis/${answer.Meta}`);
});

test('sparse policies read back unchanged: throttle, query depth, quota, active and partitions default to Go zero values', async (t) => {
	const em = await emulator(t);
	const bodies: JsonObject[] = [
		{id: 'sparse', name: 'Sparse'},
		{id: 'rights', name: 'Rights', rate: 10, per: 1, access_rights: {orders: {api_id: 'orders', api_name: 'Orders', versions: ['Default']}}},
		{id: 'limits', name: 'Limits', quota_max: -1, quota_renewal_rate: -1, throttle_interval: -1, throttle_retry_limit: -1, max_query_depth: -1, active: true},
	];
	for (const body of bodies) await roundTrip(t, em, 'policy', body, '/api/portal/policies', (answer) => `/api/portal/policies/${answer.Message}`);
});

test('sparse Tyk OAS APIs and templates read back unchanged', async (t) => {
	const em = await emulator(t);
	await roundTrip(t, em, 'api', {oas: oasDoc('Sparse OAS', '/sparse-oas/', 'sparse-oas') as JsonObject}, '/api/apis/oas', (answer) => `/api/apis/oas/${answer.ID}`, (stored) => ({oas: stored}));
	await roundTrip(t, em, 'template', {id: 'tpl', name: 'Template', kind: 'oas-template', data: {openapi: '3.0.3', info: {title: 't', version: '1'}, paths: {}}}, '/api/assets', (answer) => `/api/assets/${answer.ID ?? answer.Meta ?? answer.Message}`);
});
