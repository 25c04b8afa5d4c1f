import test from 'ava';
import {bindings, bindingsFor, commandFor, hintsFor, keyTable, type ScreenName} from '../../source/ui/keys.js';
import {splitKeys} from '../../source/ui/hooks/use-keys.js';
import type {Key} from 'ink';

const screens: ScreenName[] = ['environments', 'items', 'diff', 'plan', 'progress', 'history'];
const noKey = {} as Key;

test('no key means two things on one screen', (t) => {
	for (const screen of [...screens, 'global' as const]) {
		const seen = new Map<string, string>();
		for (const binding of bindings.filter((b) => b.screens.includes(screen))) {
			for (const key of binding.keys) {
				const previous = seen.get(key);
				t.true(previous === undefined || previous === binding.command, `${screen}: ${key} is ${previous} and ${binding.command}`);
				seen.set(key, binding.command);
			}
		}
	}
});

test('screen bindings win over global ones; vim keys and arrows both move', (t) => {
	t.is(commandFor('history', 'r'), 'rollback');
	t.is(commandFor('environments', 'r'), 'refresh');
	t.is(commandFor('diff', 'esc'), 'back');
	t.is(commandFor('items', 'j'), 'down');
	t.is(commandFor('items', 'down'), 'down');
	t.is(commandFor('diff', 'x'), undefined);
	t.is(commandFor('items', undefined), undefined);
});

test('hints and help come from the same registry', (t) => {
	const hints = hintsFor('diff').map((h) => h.description);
	t.true(hints.includes('next change'));
	t.true(hints.includes('help'));
	t.deepEqual(bindingsFor('plan').filter((b) => b.command === 'confirm').map((b) => b.keys), [['y']]);
	const table = keyTable();
	t.regex(table, /^\| Screen \| Keys \| Action \|/);
	t.regex(table, /\| diff \| `z` \| fold \/ unfold unchanged lines \|/);
	t.is(table.split('\n').length, bindings.length + 2);
});

test('chunks of several typed characters become single keys', (t) => {
	t.deepEqual(splitKeys('jjk', noKey), ['j', 'j', 'k']);
	t.deepEqual(splitKeys('j', noKey), ['j']);
	t.deepEqual(splitKeys('a b', noKey), ['a', 'space', 'b']);
	t.deepEqual(splitKeys('', {...noKey, return: true}), ['enter']);
});
