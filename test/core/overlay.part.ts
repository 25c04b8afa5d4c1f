import test from 'ava';
import {makeItem, type Item} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {adoptSecrets, renderItem, renderSet, reverseForDump, stripOverlay, valueAt, type Overlay} from '../../source/core/overlay.js';
import {parsePath, type Segment} from '../../source/core/paths.js';
import {apiId, classicFile, oasFile, oasId, policyLive} from './fixtures.js';

const policyId = 'gold';
const target = 'api_definition.proxy.target_url';
const field = (text: string, value: JsonObject[string]) => ({path: parsePath(text) as Segment[], text, value});

function prod(overrides: Partial<Overlay> = {}): Overlay {
	return {
		environment: 'prod', file: '.tyk-console/overlays/prod.yaml', text: '',
		replace: [{from: 'inventory.internal', to: 'inventory.prod.internal'}],
		set: new Map([[`api:${apiId}`, [field(target, 'https://orders.prod.internal/')]], [`policy:${policyId}`, [field('rate', 200)]]]),
		secrets: new Map([[`api:${oasId}`, [{path: parsePath('oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password') as Segment[], text: 'oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password', source: {type: 'env' as const, variable: 'INVENTORY_PASSWORD'}}]]]),
		...overrides,
	};
}

const classic = (): Item => makeItem('api', classicFile(), 'apis/orders.json');
const oas = (): Item => makeItem('api', oasFile(), 'apis/inventory.json');
const policy = (): Item => makeItem('policy', {...policyLive(), id: policyId}, 'policies/gold.json');

test('render: set gives a Classic API its prod upstream and a policy its prod rate, and names those fields', (t) => {
	const api = renderItem(classic(), prod());
	t.is(valueAt(api.item.body, parsePath(target) as Segment[]), 'https://orders.prod.internal/');
	t.deepEqual(api.fields, [target]);
	t.is(api.item.id, apiId);
	const gold = renderItem(policy(), prod());
	t.is(gold.item.body['rate'], 200);
	t.deepEqual(gold.fields, ['rate']);
});

test('render: replace changes every string of an OAS API (never its ID), secrets are listed but keep the base value', (t) => {
	const rendered = renderItem(oas(), prod());
	const doc = rendered.item.body['oas'] as JsonObject;
	t.deepEqual(doc['servers'], [{url: 'http://inventory.prod.internal:8080'}]);
	t.true(rendered.fields.includes('oas.servers[0].url'));
	t.true(rendered.fields.includes('oas.x-tyk-api-gateway.upstream.url'));
	t.true(rendered.fields.includes('oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password'));
	t.is(valueAt(rendered.item.body, parsePath('oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password') as Segment[]), 'upstream-pass-9f8e7d');
	t.is(rendered.item.id, oasId);
	// The base item is not touched.
	t.deepEqual((oas().body['oas'] as JsonObject)['servers'], [{url: 'http://inventory.internal:8080'}]);
});

test('render of a set: only touched items carry fields; an overlay touching nothing returns the same item', (t) => {
	const none = prod({replace: [], set: new Map(), secrets: new Map()});
	const item = classic();
	t.is(renderItem(item, none).item, item);
	// A replace that matches none of its strings leaves the item as it is (no copy of a large definition).
	t.is(renderItem(item, prod({replace: [{from: 'nowhere.example', to: 'x'}], set: new Map(), secrets: new Map()})).item, item);
	const {fields} = renderSet({items: [classic(), policy()], invalid: [], conflicts: []}, prod({replace: []}));
	t.deepEqual([...fields.keys()], [`api:${apiId}`, `policy:${policyId}`]);
});

test('dump reversal: live equal to the overlay keeps Git\'s value; a hotfix becomes a new overlay value, never a base change', (t) => {
	const overlay = prod();
	const base = classic();
	const live = renderItem(base, overlay).item;
	const same = reverseForDump(live, base, overlay);
	t.deepEqual(same.item.body, base.body);
	t.deepEqual(same.hotfixes, []);
	const hot = structuredClone(live.body);
	((hot['api_definition'] as JsonObject)['proxy'] as JsonObject)['target_url'] = 'https://orders-2.prod.internal/';
	const fixed = reverseForDump(makeItem('api', hot), base, overlay);
	t.deepEqual(fixed.item.body, base.body);
	t.deepEqual(fixed.hotfixes.map((f) => [f.text, f.value]), [[target, 'https://orders-2.prod.internal/']]);
});

test('dump reversal: replace is reversed on strings; a secret field keeps Git\'s value or is left out of a new item', (t) => {
	const overlay = prod();
	const base = oas();
	const live = structuredClone(renderItem(base, overlay).item.body);
	const upstream = ((live['oas'] as JsonObject)['x-tyk-api-gateway'] as JsonObject)['upstream'] as JsonObject;
	((upstream['authentication'] as JsonObject)['basicAuth'] as JsonObject)['password'] = 'the-real-prod-password';
	const back = reverseForDump(makeItem('api', live), base, overlay);
	t.deepEqual(back.item.body, base.body);
	t.deepEqual(back.secrets, ['oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password']);
	const fresh = reverseForDump(makeItem('api', live), undefined, overlay);
	t.false(JSON.stringify(fresh.item.body).includes('the-real-prod-password'));
	t.is(valueAt(fresh.item.body, parsePath('oas.x-tyk-api-gateway.upstream.url') as Segment[]), 'http://inventory.internal:8080');
});

test('migration strip: staging\'s overlay comes off (set fields back to Git, replace reversed); then prod\'s applies', (t) => {
	const staging = prod({environment: 'staging', replace: [], set: new Map([[`policy:${policyId}`, [field('rate', 5000)]]]), secrets: new Map()});
	const base = policy();
	const liveStaging = renderItem(base, staging).item;
	const stripped = stripOverlay(liveStaging, base, staging);
	t.is(stripped.body['rate'], 1000);
	t.is(renderItem(stripped, prod()).item.body['rate'], 200);
});

test('adoptSecrets: a secret field takes live\'s value so it is not compared; other fields stay', (t) => {
	const overlay = prod();
	const live = structuredClone(oas().body);
	((((live['oas'] as JsonObject)['x-tyk-api-gateway'] as JsonObject)['upstream'] as JsonObject)['authentication'] as JsonObject)['basicAuth'] = {enabled: true, username: 'svc', password: 'live-secret'};
	const adopted = adoptSecrets(oas(), makeItem('api', live), overlay);
	t.is(valueAt(adopted.body, parsePath('oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password') as Segment[]), 'live-secret');
	const api = classic();
	t.is(adoptSecrets(api, makeItem('api', classicFile()), overlay), api);
});
