import test from 'ava';
import {clampTop, currentHunk, diffViewReducer, initialDiffView, type DiffViewAction} from '../../../source/ui/state/diff-view.js';

const bounds = {rows: 1000, viewport: 20, hunks: [10, 400, 990]};
const run = (actions: DiffViewAction[]) => actions.reduce((s, a) => diffViewReducer(s, a, bounds), initialDiffView);

test('scrolling stays within the rows and never shows blank space past the end', (t) => {
	t.is(run([{type: 'scroll', move: 'down'}, {type: 'scroll', move: 'down'}]).top, 2);
	t.is(run([{type: 'scroll', move: 'pageDown'}]).top, 19);
	t.is(run([{type: 'scroll', move: 'bottom'}]).top, 980);
	t.is(run([{type: 'scroll', move: 'bottom'}, {type: 'scroll', move: 'down'}]).top, 980);
	t.is(run([{type: 'scroll', move: 'up'}]).top, 0);
	t.is(run([{type: 'scroll', move: 'pageDown'}, {type: 'scroll', move: 'top'}]).top, 0);
	t.is(clampTop(5, {rows: 3, viewport: 20, hunks: []}), 0);
});

test('n and N jump to the next and previous change', (t) => {
	t.is(run([{type: 'nextChange'}]).top, 10);
	t.is(run([{type: 'nextChange'}, {type: 'nextChange'}]).top, 400);
	t.is(run([{type: 'nextChange'}, {type: 'nextChange'}, {type: 'nextChange'}]).top, 980, 'the last change is clamped to the last page');
	t.is(run([{type: 'nextChange'}, {type: 'nextChange'}, {type: 'prevChange'}]).top, 10);
	t.is(run([{type: 'prevChange'}]).top, 0);
});

test('toggles flip their flag; model-changing toggles reset the scroll, wrap keeps it', (t) => {
	const scrolled = run([{type: 'scroll', move: 'pageDown'}]);
	const wrapped = diffViewReducer(scrolled, {type: 'toggle', what: 'wrap'}, bounds);
	t.true(wrapped.wrap);
	t.is(wrapped.top, 19);
	for (const what of ['fold', 'swap', 'showHidden'] as const) {
		const toggled = diffViewReducer(scrolled, {type: 'toggle', what}, bounds);
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
