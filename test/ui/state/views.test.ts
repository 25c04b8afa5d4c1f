import test from 'ava';
import {shownView, viewKey, viewsReducer} from '../../../source/ui/state/views.js';
import type {EnvironmentView} from '../../../source/engine/services.js';

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
