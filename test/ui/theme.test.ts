import test from 'ava';
import {makeTheme} from '../../source/ui/theme.js';

test('no-colour keeps emphasis but drops every colour', (t) => {
	const plain = makeTheme(false);
	const json = JSON.stringify(plain);
	t.false(json.includes('"color":"'));
	t.false(json.includes('backgroundColor'));
	t.true(plain.ui.cursor.inverse);
	t.true(plain.diff.addedWord.inverse, 'changed words stay visible without colour');
	t.false(plain.color);
});

test('the colour theme gives protected environments and statuses their own colours', (t) => {
	const theme = makeTheme(true);
	t.is(theme.env.protected.color, 'red');
	t.not(theme.status.changed.color, theme.status['only-in-git'].color);
	t.truthy(theme.diff.removedLine.backgroundColor);
});
