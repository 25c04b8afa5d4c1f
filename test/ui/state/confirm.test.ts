import test from 'ava';
import {confirmReducer, initialConfirm, type ConfirmAction, type ConfirmState} from '../../../source/ui/state/confirm.js';

const run = (actions: ConfirmAction[], protectedEnv: boolean): ConfirmState =>
	actions.reduce((s, a) => confirmReducer(s, a, 'prod', protectedEnv), initialConfirm);

test('an unprotected environment confirms with y alone', (t) => {
	t.true(run([{type: 'request'}], false).confirmed);
});

test('a protected environment needs the exact typed name', (t) => {
	t.false(run([{type: 'request'}], true).confirmed);
	t.false(run([{type: 'request'}, {type: 'input', text: 'y'}, {type: 'submit'}], true).confirmed);
	const wrong = run([{type: 'request'}, {type: 'input', text: 'Prod'}, {type: 'submit'}], true);
	t.false(wrong.confirmed);
	t.regex(wrong.error ?? '', /not "prod"/);
	const typed = run([{type: 'request'}, {type: 'input', text: 'prox'}, {type: 'backspace'}, {type: 'input', text: 'd'}, {type: 'submit'}], true);
	t.true(typed.confirmed);
});

test('cancel resets, and typing without a request does nothing', (t) => {
	t.deepEqual(run([{type: 'request'}, {type: 'input', text: 'pr'}, {type: 'cancel'}], true), initialConfirm);
	t.is(run([{type: 'input', text: 'prod'}, {type: 'submit'}], true).confirmed, false);
});
