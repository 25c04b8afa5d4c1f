import '../helpers/force-color.js';
import test from 'ava';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

const bg = (hex: string) => {
	const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
	return `\u001B[48;2;${r};${g};${b}m`;
};
const strip = (text: string) => text.replace(/\u001B\[[\d;]*m/g, '');

test.serial('changed lines are tinted and the changed words inside them highlighted; unchanged lines are not', async (t) => {
	const app = renderApp(new FakeServices(), {width: 200, height: 40, initialEnvironment: 'staging', color: true});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	await app.waitFor('Diff: Payments');
	const lines = app.frame().split('\n');
	const changed = lines.find((l) => strip(l).includes('target_url'))!;
	t.true(changed.includes(bg('#3f1a1d')), 'removed side tinted');
	t.true(changed.includes(bg('#17351f')), 'added side tinted');
	// payments.internal → payments-v2.internal: only "-v2" is new, so only the right side has an emphasised word.
	t.false(changed.includes(bg('#a1262f')), 'nothing was removed inside the line');
	const addedWord = changed.split(bg('#20803a'))[1];
	t.truthy(addedWord, 'the added word is highlighted');
	t.is(strip(addedWord!.split('\u001B[')[0]!), '-v2');
	const unchanged = lines.find((l) => strip(l).includes('listen_path'))!;
	t.false(unchanged.includes('\u001B[48;2;'), 'unchanged lines carry no background');
});

test.serial('protected environments are red on the Environments screen', async (t) => {
	const app = renderApp(new FakeServices(), {width: 120, height: 30, color: true});
	t.teardown(app.unmount);
	const frame = await app.waitFor(/prod \[protected\]/);
	const line = frame.split('\n').find((l) => strip(l).includes('prod [protected]'))!;
	t.regex(line, /\u001B\[31m(\u001B\[1m)?prod \[protected\]|\u001B\[1m\u001B\[31mprod/);
});
