import test from 'ava';
import {clampList, initialList, moveList} from '../../../source/ui/state/list.js';

const bounds = {count: 100, viewport: 10};

test('down and up move the cursor and scroll only when it leaves the viewport', (t) => {
	let state = initialList;
	for (let i = 0; i < 9; i++) state = moveList(state, 'down', bounds);
	t.deepEqual(state, {cursor: 9, offset: 0});
	state = moveList(state, 'down', bounds);
	t.deepEqual(state, {cursor: 10, offset: 1});
	state = moveList(state, 'up', bounds);
	t.deepEqual(state, {cursor: 9, offset: 1});
});

test('page moves, top and bottom stay inside the list', (t) => {
	t.deepEqual(moveList(initialList, 'pageDown', bounds), {cursor: 9, offset: 9});
	t.deepEqual(moveList(initialList, 'bottom', bounds), {cursor: 99, offset: 90});
	t.deepEqual(moveList({cursor: 99, offset: 90}, 'down', bounds), {cursor: 99, offset: 90});
	t.deepEqual(moveList({cursor: 3, offset: 0}, 'pageUp', bounds), {cursor: 0, offset: 0});
	t.deepEqual(moveList({cursor: 50, offset: 45}, 'top', bounds), {cursor: 0, offset: 0});
});

test('clamping after a filter shrinks the list keeps the cursor visible', (t) => {
	t.deepEqual(clampList({cursor: 80, offset: 75}, {count: 5, viewport: 10}), {cursor: 4, offset: 0});
	t.deepEqual(clampList({cursor: 3, offset: 0}, {count: 0, viewport: 10}), {cursor: 0, offset: 0});
	t.deepEqual(clampList({cursor: 30, offset: 0}, {count: 100, viewport: 5}), {cursor: 30, offset: 26});
});
