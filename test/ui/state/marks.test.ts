import test from 'ava';
import {actionKeys, marksReducer} from '../../../source/ui/state/marks.js';

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
});

test('actions use the marks that still exist, else the cursor row', (t) => {
	const marks = new Set(['api:a', 'api:gone']);
	t.deepEqual(actionKeys(marks, ['api:a', 'api:b'], 'api:b'), ['api:a']);
	t.deepEqual(actionKeys(new Set(['api:gone']), ['api:a', 'api:b'], 'api:b'), ['api:b']);
	t.deepEqual(actionKeys(new Set(), [], undefined), []);
});
