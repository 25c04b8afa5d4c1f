import test from 'ava';
import {makeItem, type Item} from '../../source/core/item.js';
import type {Comparison, Status} from '../../source/core/status.js';
import {buildPlan, planPhases} from '../../source/core/planning.js';

const policy = (id: string, rate = 10): Item => makeItem('policy', {id, name: `P ${id}`, rate, org_id: 'o'});
const api = (id: string): Item =>
	makeItem('api', {api_definition: {api_id: id, name: `API ${id}`, proxy: {listen_path: `/${id}/`}}});

function comparison(status: Status, left?: Item, right?: Item, changes: string[] = []): Comparison {
	const item = (left ?? right)!;
	return {
		key: `${item.kind}:${item.id}`, kind: item.kind, flavor: item.flavor, id: item.id, name: item.name, status,
		left, right, changes, categories: [],
	};
}

const sides = {
	direction: 'publish' as const,
	environment: 'staging',
	source: {type: 'git' as const, label: 'git main@abc1234'},
	target: {type: 'live' as const, label: 'live staging', environment: 'staging'},
};

test('maps statuses to actions and leaves target-only items alone without prune', (t) => {
	const {plan} = buildPlan(
		[
			comparison('unchanged', api('a'), api('a')),
			comparison('changed', api('b'), api('b'), ['api_definition.proxy.target_url']),
			comparison('only-in-git', api('c')),
			comparison('only-live', undefined, api('d')),
		],
		sides,
	);
	t.deepEqual(plan.steps.map((s) => [s.id, s.action]), [['b', 'update'], ['c', 'create'], ['a', 'skip']]);
	t.deepEqual(plan.steps[0]!.changes, ['api_definition.proxy.target_url']);
});

test('prune deletes target-only items, last, and lists what it deletes', (t) => {
	const {plan} = buildPlan(
		[comparison('only-live', undefined, policy('old')), comparison('only-live', undefined, api('gone')), comparison('only-in-git', api('new'))],
		{...sides, prune: true},
	);
	t.deepEqual(plan.steps.map((s) => `${s.action}:${s.kind}:${s.id}`), ['create:api:new', 'delete:api:gone', 'delete:policy:old']);
	t.is(plan.steps[1]!.before?.id, 'gone');
	t.is(plan.steps[1]!.after, undefined);
});

test('policies are written before APIs, and each phase groups one rank', (t) => {
	const {plan} = buildPlan(
		[comparison('only-in-git', api('x')), comparison('only-in-git', policy('p1')), comparison('changed', policy('p2'), policy('p2', 5))],
		sides,
	);
	t.deepEqual(plan.steps.map((s) => s.id), ['p1', 'p2', 'x']);
	t.deepEqual(planPhases(plan).map((phase) => phase.map((s) => s.id)), [['p1', 'p2'], ['x']]);
});

test('selection keys restrict the plan; invalid and conflict entries are excluded and returned', (t) => {
	const invalid: Comparison = {key: 'invalid:api-x.json', name: 'api-x.json', status: 'invalid', changes: [], categories: [], error: 'bad'};
	const {plan, excluded} = buildPlan(
		[comparison('changed', api('a'), api('a')), comparison('changed', api('b'), api('b')), invalid],
		{...sides, keys: new Set(['api:b', 'invalid:api-x.json'])},
	);
	t.deepEqual(plan.steps.map((s) => s.id), ['b']);
	t.deepEqual(excluded.map((c) => c.key), ['invalid:api-x.json']);
});

test('selected items that only the target has are named in a note when prune is off, and planned as deletes with it', (t) => {
	const rows = [comparison('only-live', undefined, api('legacy')), comparison('changed', api('b'), api('b'))];
	const keys = new Set(['api:legacy', 'api:b']);
	const {plan} = buildPlan(rows, {...sides, keys});
	t.deepEqual(plan.steps.map((s) => s.id), ['b']);
	t.deepEqual(plan.notes, ['1 selected item(s) exist only in live staging and are left alone (prune would delete them)']);
	const pruned = buildPlan(rows, {...sides, keys, prune: true}).plan;
	t.is(pruned.notes, undefined);
	t.deepEqual(pruned.steps.map((s) => `${s.action}:${s.id}`), ['update:b', 'delete:legacy']);
});

test('a right-sourced comparison (a dump from an environment view) plans the other way, and the plan keeps its base', (t) => {
	const git = policy('p', 10);
	const live = policy('p', 20);
	const {plan} = buildPlan(
		[
			comparison('changed', git, live, ['rate']),
			comparison('only-live', undefined, api('new')),
			comparison('only-in-git', api('gone')),
		],
		{...sides, direction: 'dump', sourceSide: 'right', prune: true, base: {commit: null}},
	);
	t.deepEqual(plan.steps.map((step) => `${step.action} ${step.id}`), ['update p', 'create new', 'delete gone']);
	const update = plan.steps[0]!;
	t.is(update.after, live, 'the source (live) is what gets written');
	t.is(update.before, git, 'the target (Git) is what was there');
	t.deepEqual(plan.base, {commit: null});
	t.is(buildPlan([], sides).plan.base, undefined);
});
