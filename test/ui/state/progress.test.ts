import test from 'ava';
import {initialProgress, outcomeCounts, progressReducer} from '../../../source/ui/state/progress.js';
import type {StepResult} from '../../../source/core/plan.js';

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
	state = progressReducer(state, {type: 'finished', result: {operation: 'op-9', environment: 'x', direction: 'publish', results: final}});
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
