import test from 'ava';
import {barSegments} from '../../../source/ui/components/drift-bar.js';

test('segments are proportional and fill the width exactly', (t) => {
	t.deepEqual(barSegments([50, 50], 10), [5, 5]);
	t.deepEqual(barSegments([1, 0, 3], 8), [2, 0, 6]);
	for (const counts of [[7, 1, 1, 0, 2, 0], [1000, 1, 0, 0, 0, 0], [3, 3, 3, 0, 0, 1]]) {
		t.is(barSegments(counts, 40).reduce((a, b) => a + b, 0), 40);
	}
});

test('a single drifted item among thousands still gets a cell', (t) => {
	const cells = barSegments([2999, 1], 20);
	t.is(cells[1], 1);
	t.is(cells[0], 19);
});

test('no items or no room gives an empty bar', (t) => {
	t.deepEqual(barSegments([0, 0], 10), [0, 0]);
	t.deepEqual(barSegments([1, 2], 0), [0, 0]);
});
