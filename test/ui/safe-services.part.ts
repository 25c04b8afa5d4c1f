import test from 'ava';
import type {Plan} from '../../source/core/plan.js';
import type {Comparison} from '../../source/core/status.js';
import type {ConsoleServices, EnvironmentView} from '../../source/engine/services.js';
import type {PlanRequest} from '../../source/engine/plans.js';
import {safeServices} from '../../source/ui/safe-services.js';

const id = 'evil\u001B[2Jid';
const row = {key: `api:${id}`, kind: 'api', id, name: 'Evil \u202Ename', status: 'changed', changes: ['a'], categories: ['c\u009Bx']} as unknown as Comparison;
const rawView = {name: 'staging', reachability: 'ok', reason: undefined, left: {type: 'git', label: 'git main'}, right: {type: 'live', label: 'live staging'}, comparisons: [row], hidden: {[`api:${id}`]: 2}, partial: {side: 'left', rows: [row]}, blame: {[`api:${id}`]: {by: 'mallory\u001B]0;pwned\u0007', at: '2026-12-03T10:00:00Z', via: 'dashboard'}}, overlay: {environment: 'staging', fields: {[`api:${id}`]: ['a\u001B[2Jb']}}} as unknown as EnvironmentView;
const rawPlan = {direction: 'publish', environment: 'staging', source: rawView.left, target: rawView.right, steps: [{key: `api:${id}`, kind: 'api', id, name: 'Evil', action: 'update', changes: [], overlay: {environment: 'staging', fields: ['a\u001B[2Jb']}}]} as unknown as Plan;

function fake(calls: unknown[]): ConsoleServices {
	return {
		environments: () => [],
		loadEnvironment: async () => rawView,
		compareEnvironments: async () => Promise.reject(new Error('denied \u001B]0;x\u0007')),
		plan: async (request: PlanRequest) => (calls.push(request), {plan: rawPlan, excluded: []}),
		apply: async (plan) => (calls.push(plan), {operation: 'op', environment: 'staging', direction: 'publish', results: [], target: [], uncertain: []} as any),
		refreshView: async (view) => (calls.push(view), view),
		history: async (_environment, _kind, historyId) => (calls.push(historyId), {revisions: [{commit: 'abc', date: 'd', author: 'M\u001B[1m', subject: 's\r\nx'}], snapshots: []}),
		versionComparison: async () => row,
		compareOptions: () => ({}),
		savePlan: async (plan) => (calls.push(plan), '/tmp/plan-\u001B[2J.json'),
		operations: async () => [{
			id: 'op-1', kind: 'publish', source: 'git m\u001B[31main', user: 'u\u0007', startedAt: 't', outcome: 'partly failed', undo: {operation: 'op-1'},
			steps: [{kind: 'api', id, name: 'Evil \u202Ename', action: 'update', status: 'failed', error: 'no \u001B[2J'}],
		}],
	};
}

test('safeServices: outside strings come out escaped, and what the UI hands back is mapped to the engine\'s own objects and IDs', async (t) => {
	const calls: unknown[] = [];
	const services = safeServices(fake(calls));
	const view = await services.loadEnvironment('staging');
	const shown = view.comparisons[0]!;
	t.is(shown.id, 'evil\\u001b[2Jid');
	t.is(shown.key, 'api:evil\\u001b[2Jid');
	t.is(shown.name, 'Evil \\u202ename');
	t.deepEqual(shown.categories, ['c\\u009bx']);
	t.is(view.blame?.[shown.key]?.by, 'mallory\\u001b]0;pwned\\u0007', 'blame is keyed like the rows and escaped');
	t.deepEqual(Object.keys(view.hidden), ['api:evil\\u001b[2Jid']);
	t.deepEqual(view.overlay?.fields, {'api:evil\\u001b[2Jid': ['a\\u001b[2Jb']}, 'overlay field paths (from Git) are escaped, keyed like the rows');
	t.is(view.partial?.rows[0]?.name, 'Evil \\u202ename', 'the rows of a half-read view are made safe too');
	t.is(await services.loadEnvironment('staging'), view, 'the same engine view gives the same UI view');

	const planned = await services.plan({type: 'publish', environment: 'staging', selection: {keys: [shown.key]}, view});
	const request = calls.at(-1) as any;
	t.is(request.view, rawView);
	t.deepEqual(request.selection.keys, [`api:${id}`]);
	t.is(planned.plan.steps[0]!.id, 'evil\\u001b[2Jid');
	t.deepEqual(planned.plan.steps[0]!.overlay?.fields, ['a\\u001b[2Jb']);
	await services.apply(planned.plan, () => {});
	t.is(calls.at(-1), rawPlan);
	t.is(await services.refreshView(view, {} as any), view, 'an untouched view stays the same object');
	t.is(calls.at(-1), rawView);

	const history = await services.history('staging', 'api', shown.id!);
	t.is(calls.at(-1), id);
	t.is(history.revisions[0]!.author, 'M\\u001b[1m');
	t.is(history.revisions[0]!.subject, 's\\u000d\\u000ax');
	await t.throwsAsync(services.compareEnvironments('a', 'b'), {message: 'denied \\u001b]0;x\\u0007'});
});

test('safeServices: the operations log comes out escaped, and an undo of a hostile operation ID is asked for by its real ID', async (t) => {
	const calls: unknown[] = [];
	const services = safeServices(fake(calls));
	const [entry] = await services.operations('staging');
	t.is(entry!.source, 'git m\\u001b[31main');
	t.is(entry!.user, 'u\\u0007');
	t.is(entry!.steps[0]!.id, 'evil\\u001b[2Jid');
	t.is(entry!.steps[0]!.name, 'Evil \\u202ename');
	t.is(entry!.steps[0]!.error, 'no \\u001b[2J');
	await services.plan({type: 'undo', environment: 'staging', operation: entry!.undo!.operation!});
	t.deepEqual(calls.at(-1), {type: 'undo', environment: 'staging', operation: 'op-1'});
});
