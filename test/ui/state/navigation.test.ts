import test from 'ava';
import {currentEnvironment, initialStack, navReducer, routeTitle} from '../../../source/ui/state/navigation.js';

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
