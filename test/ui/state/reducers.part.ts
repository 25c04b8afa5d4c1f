import test from 'ava';
import {clampList, initialList, moveList} from '../../../source/ui/state/list.js';
import {actionKeys, marksReducer} from '../../../source/ui/state/marks.js';
import {planViewKey} from '../../../source/ui/state/views.js';
import type {Plan} from '../../../source/core/plan.js';
import {compareSets} from '../../../source/core/compare.js';
import {listenPath, nextKindTab, nextStatusFilter, statusFilters, visibleComparisons, initialFilter} from '../../../source/ui/state/filter.js';
import {classicApi, oasApi, policy} from '../helpers/items.js';
import {currentEnvironment, initialStack, navReducer, routeTitle} from '../../../source/ui/state/navigation.js';
import {confirmReducer, initialConfirm, type ConfirmAction, type ConfirmState} from '../../../source/ui/state/confirm.js';
import {clampTop, currentHunk, diffViewReducer, initialDiffView, type DiffViewAction} from '../../../source/ui/state/diff-view.js';
import {initialProgress, outcomeCounts, progressReducer} from '../../../source/ui/state/progress.js';
import type {StepResult} from '../../../source/core/plan.js';
import {shownView, viewKey, viewsReducer} from '../../../source/ui/state/views.js';
import type {EnvironmentView} from '../../../source/engine/services.js';
import {findMatches, matchFrom, matchLabel, noSearch, stepMatch} from '../../../source/ui/state/diff-search.js';
import {linePaths} from '../../../source/ui/screens/diff/line-paths.js';
import {markMatches, skipCells} from '../../../source/ui/screens/diff/spans.js';

// --- list ---
const listBounds = {count: 100, viewport: 10};

test('down and up move the cursor and scroll only when it leaves the viewport', (t) => {
	let state = initialList;
	for (let i = 0; i < 9; i++) state = moveList(state, 'down', listBounds);
	t.deepEqual(state, {cursor: 9, offset: 0});
	state = moveList(state, 'down', listBounds);
	t.deepEqual(state, {cursor: 10, offset: 1});
	state = moveList(state, 'up', listBounds);
	t.deepEqual(state, {cursor: 9, offset: 1});
});

test('page moves, top and bottom stay inside the list', (t) => {
	t.deepEqual(moveList(initialList, 'pageDown', listBounds), {cursor: 9, offset: 9});
	t.deepEqual(moveList(initialList, 'bottom', listBounds), {cursor: 99, offset: 90});
	t.deepEqual(moveList({cursor: 99, offset: 90}, 'down', listBounds), {cursor: 99, offset: 90});
	t.deepEqual(moveList({cursor: 3, offset: 0}, 'pageUp', listBounds), {cursor: 0, offset: 0});
	t.deepEqual(moveList({cursor: 50, offset: 45}, 'top', listBounds), {cursor: 0, offset: 0});
});

test('clamping after a filter shrinks the list keeps the cursor visible', (t) => {
	t.deepEqual(clampList({cursor: 80, offset: 75}, {count: 5, viewport: 10}), {cursor: 4, offset: 0});
	t.deepEqual(clampList({cursor: 3, offset: 0}, {count: 0, viewport: 10}), {cursor: 0, offset: 0});
	t.deepEqual(clampList({cursor: 30, offset: 0}, {count: 100, viewport: 5}), {cursor: 30, offset: 26});
});

// --- marks ---
test('toggle, mark all and clear never mutate the previous set', (t) => {
	const empty = new Set<string>();
	const one = marksReducer(empty, {type: 'toggle', key: 'api:a'});
	t.deepEqual([...one], ['api:a']);
	t.is(empty.size, 0);
	const all = marksReducer(one, {type: 'markAll', keys: ['api:a', 'api:b', 'policy:c']});
	t.deepEqual([...all].sort(), ['api:a', 'api:b', 'policy:c']);
	t.deepEqual([...marksReducer(all, {type: 'toggle', key: 'api:b'})].sort(), ['api:a', 'policy:c']);
	t.is(marksReducer(all, {type: 'clear'}).size, 0);
	t.is(marksReducer(empty, {type: 'clear'}), empty);
	t.deepEqual([...marksReducer(all, {type: 'unmark', keys: ['api:a', 'api:zzz']})].sort(), ['api:b', 'policy:c']);
	t.is(marksReducer(all, {type: 'unmark', keys: ['api:zzz']}), all, 'nothing to unmark: the same set');
});

test('a plan unmarks the view it came from: the environment, or the comparison for a migration', (t) => {
	const plan = (direction: Plan['direction'], source: Plan['source']): Plan => ({direction, environment: 'prod', source, target: {type: 'live', label: 'live prod', environment: 'prod'}, steps: []});
	t.is(planViewKey(plan('publish', {type: 'git', label: 'git main'})), 'prod');
	t.is(planViewKey(plan('dump', {type: 'live', label: 'live prod', environment: 'prod'})), 'prod');
	t.is(planViewKey(plan('migrate', {type: 'live', label: 'live staging', environment: 'staging'})), 'staging→prod');
	t.is(planViewKey(plan('undo', {type: 'snapshot', label: 'snapshot'})), undefined);
	t.is(planViewKey(plan('rollback', {type: 'git', label: 'git main@1'})), undefined);
});

test('actions use the marks that still exist, else the cursor row', (t) => {
	const marks = new Set(['api:a', 'api:gone']);
	t.deepEqual(actionKeys(marks, ['api:a', 'api:b'], 'api:b'), ['api:a']);
	t.deepEqual(actionKeys(new Set(['api:gone']), ['api:a', 'api:b'], 'api:b'), ['api:b']);
	t.deepEqual(actionKeys(new Set(), [], undefined), []);
});

// --- filter ---
const git = [classicApi('a1', 'Payments #finance', '/pay/', 'http://x'), oasApi('o1', 'Orders', '/orders/', 'http://o', ['shop']), policy('p1', 'Gold', 10)];
const live = [classicApi('a1', 'Payments #finance', '/pay/', 'http://y'), oasApi('o1', 'Orders', '/orders/', 'http://o', ['shop']), policy('p2', 'Silver', 5)];
const rows = compareSets({items: git, invalid: [], conflicts: []}, {items: live, invalid: [], conflicts: []});

test('the default status filter hides unchanged rows', (t) => {
	const visible = visibleComparisons(rows, initialFilter);
	t.deepEqual(visible.map((r) => r.key).sort(), ['api:a1', 'policy:p1', 'policy:p2']);
	t.is(visibleComparisons(rows, {...initialFilter, status: 'all'}).length, 4);
	t.deepEqual(visibleComparisons(rows, {...initialFilter, status: 'unchanged'}).map((r) => r.key), ['api:o1']);
});

test('text filter matches name, ID, category and listen path, case-insensitively', (t) => {
	const all = {...initialFilter, status: 'all' as const};
	t.deepEqual(visibleComparisons(rows, {...all, text: 'ORDERS'}).map((r) => r.key), ['api:o1']);
	t.deepEqual(visibleComparisons(rows, {...all, text: 'shop'}).map((r) => r.key), ['api:o1']);
	t.deepEqual(visibleComparisons(rows, {...all, text: '/pay/'}).map((r) => r.key), ['api:a1']);
	t.deepEqual(visibleComparisons(rows, {...all, text: 'finance'}).map((r) => r.key), ['api:a1']);
	t.deepEqual(visibleComparisons(rows, {...all, text: 'p2'}).map((r) => r.key), ['policy:p2']);
	t.deepEqual(visibleComparisons(rows, {...all, text: 'nothing-like-this'}), []);
});

test('kind tabs narrow by kind and cycle', (t) => {
	t.deepEqual(visibleComparisons(rows, {...initialFilter, status: 'all', tab: 'policy'}).map((r) => r.kind), ['policy', 'policy']);
	t.is(nextKindTab('all'), 'api');
	t.is(nextKindTab('template'), 'all');
});

test('status filter cycles through every value and wraps', (t) => {
	let current = statusFilters[0]!;
	const seen = [current];
	for (let i = 0; i < statusFilters.length; i++) {
		current = nextStatusFilter(current);
		seen.push(current);
	}
	t.deepEqual(seen.slice(0, -1), [...statusFilters]);
	t.is(seen.at(-1), 'drift');
});

test('listen paths are read from Classic and OAS bodies', (t) => {
	t.is(listenPath(git[0]), '/pay/');
	t.is(listenPath(git[1]), '/orders/');
	t.is(listenPath(git[2]), undefined);
});

// --- navigation ---
test('push, pop and replace; the bottom screen is never popped', (t) => {
	let stack = navReducer(initialStack, {type: 'push', route: {type: 'items', environment: 'staging'}});
	t.is(stack.length, 2);
	stack = navReducer(stack, {type: 'push', route: {type: 'plan', request: {type: 'undo', environment: 'staging'}}});
	stack = navReducer(stack, {type: 'replace', route: {type: 'history', environment: 'staging', kind: 'api', id: 'a', name: 'A'}});
	t.deepEqual(stack.map((r) => r.type), ['environments', 'items', 'history']);
	stack = navReducer(navReducer(navReducer(stack, {type: 'pop'}), {type: 'pop'}), {type: 'pop'});
	t.deepEqual(stack, initialStack);
});

test('the current environment and titles follow the stack', (t) => {
	t.is(currentEnvironment(initialStack), undefined);
	const stack = navReducer(initialStack, {type: 'push', route: {type: 'items', environment: 'prod', base: 'staging'}});
	t.is(currentEnvironment(stack), 'prod');
	t.is(routeTitle(stack[1]!), 'Compare staging → prod');
});

// --- confirm ---
const runConfirm = (actions: ConfirmAction[], protectedEnv: boolean): ConfirmState =>
	actions.reduce((s, a) => confirmReducer(s, a, 'prod', protectedEnv), initialConfirm);

test('an unprotected environment confirms with y alone', (t) => {
	t.true(runConfirm([{type: 'request'}], false).confirmed);
});

test('a protected environment needs the exact typed name', (t) => {
	t.false(runConfirm([{type: 'request'}], true).confirmed);
	t.false(runConfirm([{type: 'request'}, {type: 'input', text: 'y'}, {type: 'submit'}], true).confirmed);
	const wrong = runConfirm([{type: 'request'}, {type: 'input', text: 'Prod'}, {type: 'submit'}], true);
	t.false(wrong.confirmed);
	t.regex(wrong.error ?? '', /not "prod"/);
	const typed = runConfirm([{type: 'request'}, {type: 'input', text: 'prox'}, {type: 'backspace'}, {type: 'input', text: 'd'}, {type: 'submit'}], true);
	t.true(typed.confirmed);
});

test('cancel resets, and typing without a request does nothing', (t) => {
	t.deepEqual(runConfirm([{type: 'request'}, {type: 'input', text: 'pr'}, {type: 'cancel'}], true), initialConfirm);
	t.is(runConfirm([{type: 'input', text: 'prod'}, {type: 'submit'}], true).confirmed, false);
});

// --- diff-view ---
const diffBounds = {rows: 1000, viewport: 20, hunks: [10, 400, 990]};
const runDiff = (actions: DiffViewAction[]) => actions.reduce((s, a) => diffViewReducer(s, a, diffBounds), initialDiffView);

test('scrolling stays within the rows and never shows blank space past the end', (t) => {
	t.is(runDiff([{type: 'scroll', move: 'down'}, {type: 'scroll', move: 'down'}]).top, 2);
	t.is(runDiff([{type: 'scroll', move: 'pageDown'}]).top, 19);
	t.is(runDiff([{type: 'scroll', move: 'bottom'}]).top, 980);
	t.is(runDiff([{type: 'scroll', move: 'bottom'}, {type: 'scroll', move: 'down'}]).top, 980);
	t.is(runDiff([{type: 'scroll', move: 'up'}]).top, 0);
	t.is(runDiff([{type: 'scroll', move: 'pageDown'}, {type: 'scroll', move: 'top'}]).top, 0);
	t.is(clampTop(5, {rows: 3, viewport: 20, hunks: []}), 0);
});

test('n and N jump to the next and previous change', (t) => {
	t.is(runDiff([{type: 'nextChange'}]).top, 10);
	t.is(runDiff([{type: 'nextChange'}, {type: 'nextChange'}]).top, 400);
	t.is(runDiff([{type: 'nextChange'}, {type: 'nextChange'}, {type: 'nextChange'}]).top, 980, 'the last change is clamped to the last page');
	t.is(runDiff([{type: 'nextChange'}, {type: 'nextChange'}, {type: 'prevChange'}]).top, 10);
	t.is(runDiff([{type: 'prevChange'}]).top, 0);
});

test('toggles flip their flag; model-changing toggles reset the scroll, wrap keeps it', (t) => {
	const scrolled = runDiff([{type: 'scroll', move: 'pageDown'}]);
	const wrapped = diffViewReducer(scrolled, {type: 'toggle', what: 'wrap'}, diffBounds);
	t.true(wrapped.wrap);
	t.is(wrapped.top, 19);
	for (const what of ['fold', 'swap', 'showHidden'] as const) {
		const toggled = diffViewReducer(scrolled, {type: 'toggle', what}, diffBounds);
		t.is(toggled[what], !scrolled[what]);
		t.is(toggled.top, 0);
	}
});

test('the footer position names the first visible change, else the last one passed', (t) => {
	t.is(currentHunk(0, 20, [10, 400]), 1);
	t.is(currentHunk(100, 20, [10, 400]), 1);
	t.is(currentHunk(395, 20, [10, 400]), 2);
	t.is(currentHunk(0, 5, [10, 400]), 0);
	t.is(currentHunk(0, 20, []), 0);
});

// --- progress ---
const result = (id: string, status: StepResult['status'], extra: Partial<StepResult> = {}): StepResult => ({
	key: `api:${id}`, kind: 'api', id, name: id, action: 'update', status, ...extra,
});

test('events stream results in; the final result replaces them', (t) => {
	let state = progressReducer(initialProgress, {type: 'event', event: {type: 'start', total: 2, operation: 'op-9'}});
	t.is(state.operation, 'op-9');
	state = progressReducer(state, {type: 'event', event: {type: 'step', result: result('a', 'failed', {error: 'boom'}), done: 1, total: 2}});
	t.is(state.done, 1);
	t.is(state.results.length, 1);
	const final = [result('a', 'failed', {error: 'boom'}), result('b', 'applied', {verified: true})];
	state = progressReducer(state, {type: 'finished', result: {operation: 'op-9', environment: 'x', direction: 'publish', results: final, target: [], uncertain: []}});
	t.is(state.done, 2);
	t.deepEqual(state.results, final);
	t.truthy(state.finished);
	t.is(progressReducer(state, {type: 'crashed', error: 'socket closed'}).error, 'socket closed');
});

test('outcome counts separate applied, verified, skipped and failed', (t) => {
	t.deepEqual(outcomeCounts([
		result('a', 'applied', {verified: true}), result('b', 'applied'), result('c', 'skipped'), result('d', 'failed'),
	]), {applied: 2, verified: 1, skipped: 1, failed: 1});
});

// --- views ---
const view = {name: 'staging'} as EnvironmentView;

test('a reload keeps the previous view visible; a failure replaces only its own entry', (t) => {
	let store = viewsReducer({}, {type: 'loading', key: 'staging'});
	t.is(shownView(store['staging']), undefined);
	store = viewsReducer(store, {type: 'loaded', key: 'staging', view});
	store = viewsReducer(store, {type: 'loading', key: 'staging'});
	t.is(shownView(store['staging']), view);
	store = viewsReducer(store, {type: 'failed', key: 'prod', error: 'unreachable'});
	t.is(shownView(store['staging']), view);
	t.deepEqual(store['prod'], {state: 'failed', error: 'unreachable'});
});

test('comparison views have their own key', (t) => {
	t.is(viewKey('prod'), 'prod');
	t.is(viewKey('prod', 'staging'), 'staging→prod');
});

// --- diff search, line paths, sideways scroll (issue 14) ---
test('diff search: matches are case-insensitive, n/N wrap around, the label counts', (t) => {
	const rows = ['alpha', 'Beta', 'gamma beta', '', 'BETA'];
	t.deepEqual(findMatches(rows, 'beta'), [1, 2, 4]);
	t.deepEqual(findMatches(rows, ''), []);
	t.is(matchFrom([1, 2, 4], 3, 'next'), 2);
	t.is(matchFrom([1, 2, 4], 5, 'next'), 0, 'past the last match it wraps to the first');
	t.is(matchFrom([1, 2, 4], 2, 'previous'), 0);
	t.is(matchFrom([1, 2, 4], 0, 'previous'), 2);
	t.is(matchFrom([], 0, 'next'), -1);
	t.is(stepMatch(3, 2, 'next'), 0);
	t.is(stepMatch(3, 0, 'previous'), 2);
	t.is(stepMatch(0, 0, 'next'), -1);
	t.is(matchLabel({...noSearch, query: 'beta', current: 1}, 3), 'match 2/3 "beta"');
	t.is(matchLabel({...noSearch, query: 'zeta'}, 0), 'no match for "zeta"');
	t.is(matchLabel(noSearch, 0), '');
});

test('line paths: every line of 2-space JSON names its field, arrays by index, odd keys quoted', (t) => {
	const text = JSON.stringify({a: {b: 1, 'c.d': [10, {e: true}]}, paths: {'/items': {get: {}}}, list: []}, null, 2);
	const paths = linePaths(text);
	const at = (fragment: string) => paths[text.split('\n').findIndex((line) => line.includes(fragment))];
	t.is(paths[0], '');
	t.is(at('"b": 1'), 'a.b');
	t.is(at('"c.d"'), 'a["c.d"]');
	t.is(at('10,'), 'a["c.d"][0]');
	t.is(at('"e": true'), 'a["c.d"][1].e');
	t.is(at('"get"'), 'paths["/items"].get');
	t.is(at('"list"'), 'list');
	t.is(paths.length, text.split('\n').length);
});

test('sideways scroll drops whole cells and keeps changed flags; matches are split out case-insensitively', (t) => {
	t.deepEqual(skipCells([{text: 'abc', changed: false}, {text: 'def', changed: true}], 4), [{text: 'ef', changed: true}]);
	t.deepEqual(skipCells([{text: '支付x', changed: false}], 2), [{text: '付x', changed: false}]);
	t.deepEqual(markMatches([{text: 'a Beta b beta', changed: false}], 'beta'), [
		{text: 'a ', changed: false}, {text: 'Beta', changed: false, match: true}, {text: ' b ', changed: false}, {text: 'beta', changed: false, match: true},
	]);
	const bounds = {rows: 10, viewport: 5, hunks: []};
	const shifted = diffViewReducer(initialDiffView, {type: 'shift', by: 30, max: 12}, bounds);
	t.is(shifted.offset, 12);
	t.is(diffViewReducer(shifted, {type: 'shift', by: -50, max: 12}, bounds).offset, 0);
	t.is(diffViewReducer(shifted, {type: 'toggle', what: 'wrap'}, bounds).offset, 0, 'wrapping shows lines from their start');
});
