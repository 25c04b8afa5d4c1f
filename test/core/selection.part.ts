import test from 'ava';
import {isSelected, selectsAll, textMatches, unknownIds, unknownIdsError, type Selectable} from '../../source/core/selection.js';

const payments: Selectable = {key: 'api:pay-1', kind: 'api', id: 'pay-1', name: 'Payments', categories: ['finance'], texts: ['/payments/']};
const gold: Selectable = {key: 'policy:gold', kind: 'policy', id: 'gold', name: 'Gold tier', categories: []};
const unreadable: Selectable = {key: 'invalid:apis/broken.json', name: 'apis/broken.json', categories: [], file: 'apis/broken.json'};

test('no filters select everything; any filter or key list makes a selection', (t) => {
	t.true(selectsAll({}));
	t.true(selectsAll({ids: [], text: '  '}));
	t.false(selectsAll({keys: []}));
	t.false(selectsAll({kind: 'api'}));
	t.true(isSelected(payments, {}));
});

test('keys select exactly those rows and ignore the filters', (t) => {
	t.true(isSelected(payments, {keys: ['api:pay-1'], kind: 'policy'}));
	t.false(isSelected(gold, {keys: ['api:pay-1']}));
	t.true(isSelected({kind: 'policy', id: 'gold', name: '', categories: []}, {keys: ['policy:gold']}), 'the key is derived from kind and id');
	t.false(isSelected(unreadable, {keys: []}));
});

test('ids, kind, category and text narrow together; entries without a kind pass a kind filter', (t) => {
	t.true(isSelected(payments, {ids: ['pay-1'], kind: 'api', category: 'finance'}));
	t.false(isSelected(payments, {ids: ['pay-1'], category: 'ops'}));
	t.false(isSelected(gold, {kind: 'api'}));
	t.true(isSelected(unreadable, {kind: 'api'}));
	t.false(isSelected(unreadable, {ids: ['x']}));
	t.true(isSelected(payments, {text: 'PAYMENTS/'}), 'listen paths and case-insensitive');
	t.true(isSelected(unreadable, {text: 'broken'}), 'the file is matched');
	t.true(textMatches(gold, 'tier'));
	t.false(textMatches(gold, 'silver'));
});

test('unknown ids are named in order, with where they were looked for and how to list what exists', (t) => {
	t.deepEqual(unknownIds([payments, gold], {ids: ['nope', 'gold', 'also']}), ['nope', 'also']);
	t.deepEqual(unknownIds([payments], {kind: 'api'}), []);
	t.is(unknownIdsError(['nope'], 'git main or live staging', 'run diff').message, 'no item with ID "nope" in git main or live staging; run diff');
});
