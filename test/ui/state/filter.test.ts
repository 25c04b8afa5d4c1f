import test from 'ava';
import {compareSets} from '../../../source/core/compare.js';
import {listenPath, nextKindTab, nextStatusFilter, statusFilters, visibleComparisons, initialFilter} from '../../../source/ui/state/filter.js';
import {classicApi, oasApi, policy} from '../helpers/items.js';

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
