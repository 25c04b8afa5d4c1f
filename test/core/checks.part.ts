import test from 'ava';
import {apiRoute, checkPlan, grantedApis, idRefusal, indexItems, missingDependencies, oasRefusal} from '../../source/core/checks.js';
import {makeItem, type Item} from '../../source/core/item.js';
import type {Action, Plan, PlanStep} from '../../source/core/plan.js';

const classic = (id: string, listenPath: string, domain = ''): Item =>
	makeItem('api', {api_definition: {api_id: id, name: `API ${id}`, proxy: {listen_path: listenPath}, domain}});
const oas = (id: string, listenPath: string, extra: Record<string, unknown> = {}): Item =>
	makeItem('api', {oas: {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id, name: `OAS ${id}`}, server: {listenPath: {value: listenPath}, ...extra}}}});
const policy = (id: string, apis: string[]): Item =>
	makeItem('policy', {id, name: `P ${id}`, access_rights: Object.fromEntries(apis.map((api) => [api, {api_id: api, versions: ['Default']}]))});

function step(action: Action, item: Item): PlanStep {
	const written = action === 'create' || action === 'update';
	return {key: `${item.kind}:${item.id}`, kind: item.kind, flavor: item.flavor, id: item.id, name: item.name, action, changes: [], ...(written ? {after: item} : {before: item})};
}

function plan(steps: PlanStep[]): Plan {
	return {
		direction: 'publish', environment: 'prod', source: {type: 'git', label: 'git main@abc1234'},
		target: {type: 'live', label: 'live prod', environment: 'prod'}, steps,
	};
}

test('routes: Classic listen path and domain (empty path is /<api_id>/), OAS listen path and custom domain unless disabled', (t) => {
	t.deepEqual(apiRoute(classic('a', '/pay/', 'x.example')), {id: 'a', name: 'API a', listenPath: '/pay/', domain: 'x.example'});
	t.is(apiRoute(classic('a', '')).listenPath, '/a/');
	t.is(apiRoute(oas('b', '/b/', {customDomain: {enabled: true, name: 'y.example'}})).domain, 'y.example');
	t.is(apiRoute(oas('b', '/b/', {customDomain: {enabled: false, name: 'y.example'}})).domain, '');
	t.deepEqual(grantedApis({access_rights: {k1: {api_id: 'a1'}, k2: {}}}), ['a1', 'k2']);
});

test('a new API on a live listen path and domain is blocked, naming the other API; another domain or allowed duplicates pass', (t) => {
	const target = indexItems([classic('live1', '/pay/')]);
	const blocked = checkPlan(plan([step('create', oas('new1', '/pay/'))]), target);
	t.is(blocked.length, 1);
	t.is(blocked[0]!.id, 'new1');
	t.regex(blocked[0]!.reason, /listen path \/pay\/ is also used by API "API live1" \(live1\) in live prod/);
	t.deepEqual(checkPlan(plan([step('create', classic('new1', '/pay/', 'other.example'))]), target), []);
	t.deepEqual(checkPlan(plan([step('create', classic('new1', '/pay/'))]), target, {duplicateListenPaths: true}), []);
	// The live API moves away in the same plan: no clash after the plan.
	t.deepEqual(checkPlan(plan([step('update', classic('live1', '/old/')), step('create', classic('new1', '/pay/'))]), target), []);
	// Deleting the live API frees its path too.
	t.deepEqual(checkPlan(plan([step('delete', classic('live1', '/pay/')), step('create', classic('new1', '/pay/'))]), target), []);
});

test('two planned APIs on one route block each other', (t) => {
	const blocked = checkPlan(plan([step('create', classic('a', '/same/')), step('create', classic('b', '/same/'))]), indexItems([]));
	t.deepEqual(blocked.map((entry) => entry.id), ['a', 'b']);
	t.regex(blocked[0]!.reason, /in this plan/);
});

test('a policy granting an API neither live nor planned is blocked and names it; the dependency is reported', (t) => {
	const target = indexItems([classic('here', '/here/')]);
	const withMissing = plan([step('create', policy('gold', ['here', 'gone']))]);
	const blocked = checkPlan(withMissing, target);
	t.is(blocked.length, 1);
	t.regex(blocked[0]!.reason, /grants API gone, which is neither in live prod nor in this plan \(adding dependencies takes it from git main@abc1234\)/);
	t.deepEqual(missingDependencies(withMissing, target), ['gone']);
	t.is(blocked[0]!.missingApi, 'gone');
	t.regex(checkPlan(withMissing, target, {sourceApis: new Map([['here', 'API here']])})[0]!.reason, /grants API gone, .*git main@abc1234 lacks it too/);
	t.regex(checkPlan(withMissing, target, {sourceApis: new Map([['gone', 'Gone API']])})[0]!.reason, /grants API "Gone API" \(gone\), which is neither/);
	// With the API in the plan, nothing is missing.
	const added = plan([step('create', policy('gold', ['here', 'gone'])), step('create', classic('gone', '/gone/'))]);
	t.deepEqual(checkPlan(added, target), []);
	t.deepEqual(missingDependencies(added, target), []);
	// A policy granting an API the plan deletes.
	const deleting = plan([step('update', policy('gold', ['here'])), step('delete', classic('here', '/here/'))]);
	t.true(checkPlan(deleting, target).some((entry) => entry.id === 'gold' && /grants API "API here" \(here\), which this plan deletes/.test(entry.reason)));
});

test('a delete of an API that a remaining policy grants is blocked with the policy named; deleting the policy too passes', (t) => {
	const target = indexItems([classic('a', '/a/'), policy('gold', ['a'])]);
	const blocked = checkPlan(plan([step('delete', classic('a', '/a/'))]), target);
	t.deepEqual(blocked.map((entry) => [entry.kind, entry.id]), [['api', 'a']]);
	t.regex(blocked[0]!.reason, /policy "P gold" \(gold\) grants this API and stays in live prod/);
	t.deepEqual(checkPlan(plan([step('delete', policy('gold', ['a'])), step('delete', classic('a', '/a/'))]), target), []);
});

test('IDs a Dashboard refuses: empty, dots, and policy IDs with other characters', (t) => {
	t.regex(idRefusal(makeItem('policy', {id: '..', name: 'x'}))!, /only dots/);
	t.regex(idRefusal(makeItem('policy', {id: 'gold tier/1', name: 'x'}))!, /characters a Dashboard refuses/);
	t.is(idRefusal(makeItem('policy', {id: 'gold_tier.1~-', name: 'x'})), undefined);
	t.regex(idRefusal(classic('', '/x/'))!, /empty/);
	const blocked = checkPlan(plan([step('create', makeItem('policy', {id: 'a b', name: 'x'}))]), indexItems([]));
	t.is(blocked.length, 1);
});

test('a Tyk OAS document without the extension, openapi or info.name is refused; a dump is never checked', (t) => {
	const bare = makeItem('api', {oas: {openapi: '3.0.3', info: {title: 't'}}});
	t.regex(oasRefusal(bare)!, /no x-tyk-api-gateway object/);
	const nameless = makeItem('api', {oas: {'x-tyk-api-gateway': {info: {id: 'n'}}}});
	t.regex(oasRefusal(nameless)!, /lacks openapi and x-tyk-api-gateway.info.name/);
	t.is(oasRefusal(oas('ok', '/ok/')), undefined);
	t.true(checkPlan(plan([step('create', bare)]), indexItems([])).some((entry) => /no x-tyk-api-gateway/.test(entry.reason)));
	t.deepEqual(checkPlan({...plan([step('create', bare)]), direction: 'dump'}, indexItems([])), []);
});
