import test from 'ava';
import {chunk, fit, truncate, width} from '../../source/ui/text.js';

test('widths count terminal cells, wide characters as two', (t) => {
	t.is(width('abc'), 3);
	t.is(width('支付'), 4);
	t.is(width(''), 0);
});

test('truncation ends with … and never exceeds the width', (t) => {
	t.is(truncate('payments-api', 8), 'payment…');
	t.is(truncate('short', 8), 'short');
	t.is(truncate('支付接口', 5), '支付…');
	t.is(truncate('abc', 1), '…');
	t.is(truncate('abc', 0), '');
});

test('fit pads to an exact width, left or right', (t) => {
	t.is(fit('ab', 4), 'ab  ');
	t.is(fit('ab', 4, 'right'), '  ab');
	t.is(fit('abcdef', 4), 'abc…');
	t.is(width(fit('支付接口', 5)), 5);
});

test('chunk splits into pieces no wider than the size', (t) => {
	t.deepEqual(chunk('abcdefg', 3), ['abc', 'def', 'g']);
	t.deepEqual(chunk('', 3), ['']);
	t.deepEqual(chunk('支付接口', 4), ['支付', '接口']);
});
