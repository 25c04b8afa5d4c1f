import test from 'ava';
import {isSafeText, safeLines, safeText} from '../../source/core/safe-text.js';

test('safeText shows C0, DEL, C1, line separators and bidi controls as visible \\uXXXX text, and leaves the rest alone', (t) => {
	t.is(safeText('Evil \u001B]0;pwned\u0007 \u001B[31mred\r\nAPI'), 'Evil \\u001b]0;pwned\\u0007 \\u001b[31mred\\u000d\\u000aAPI');
	t.is(safeText('a\tb\u007Fc\u009B2J'), 'a\\u0009b\\u007fc\\u009b2J');
	t.is(safeText('\u202Eevil\u2066x\u2069\u200F\u2028'), '\\u202eevil\\u2066x\\u2069\\u200f\\u2028');
	const plain = 'Ünïcödé 👨‍👩‍👧 名前 #tag C:\\path';
	t.is(safeText(plain), plain);
	t.true(isSafeText(plain));
	t.false(isSafeText('a\u202Eb'));
});

test('safeLines keeps the newlines of a multi-line text and escapes the rest line by line', (t) => {
	t.is(safeLines('{\n  "a": "x\u202Ey\u009B"\n}'), '{\n  "a": "x\\u202ey\\u009b"\n}');
	const plain = '{\n  "a": 1\n}';
	t.is(safeLines(plain), plain);
});
