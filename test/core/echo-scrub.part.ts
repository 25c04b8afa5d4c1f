import test from 'ava';
import {scrubEchoes} from '../../source/core/echo-scrub.js';
import {boundText} from '../../source/core/safe-text.js';
import {maskPrefix} from '../../source/core/secrets.js';

const body = {
	api_definition: {
		api_id: 'billing-api-id', id: '64f0c0ffee0000000000aaaa', name: 'Billing API',
		proxy: {target_url: 'http://billing.internal:7000/', listen_path: '/billing/'},
		auth: {auth_header_name: 'Authorization'}, notes: 'say "hi"\nthere', short: 'GET',
		auth_configs: {authToken: {signature: {secret: 'hmac-s3cret'}}},
	},
};

test('scrubEchoes replaces every string value of 8+ characters with …, secrets with the mask, and keeps IDs and short values', (t) => {
	const echoed = `invalid definition: ${JSON.stringify(body)}`;
	const scrubbed = scrubEchoes(echoed, [body]);
	for (const value of ['http://billing.internal:7000/', 'Authorization', 'hmac-s3cret', 'say \\"hi\\"\\nthere', 'Billing API']) t.false(scrubbed.includes(value), value);
	t.true(scrubbed.includes('"target_url":"…"'));
	t.true(scrubbed.includes('"api_id":"billing-api-id"'), 'IDs stay: they name the failed request');
	t.true(scrubbed.includes('"short":"GET"'));
	t.false(scrubbed.includes('hmac-s3cret'));
	t.true(scrubbed.includes(maskPrefix) || !echoed.includes('hmac-s3cret'));
	t.is(scrubEchoes('nothing echoed here', [body]), 'nothing echoed here');
});

test('scrubEchoes also removes a value cut in half where boundText cut the text', (t) => {
	const text = boundText(`${'x'.repeat(280)} http://billing.internal:7000/ and more text after it`);
	t.true(text.includes('http://bill'));
	const scrubbed = scrubEchoes(text, [body]);
	t.false(scrubbed.includes('http://bill'), scrubbed);
	t.regex(scrubbed, /x …… \(\d+ characters more\)$/);
});

test('boundText keeps 300 characters and says how many more there were', (t) => {
	t.is(boundText('short'), 'short');
	const long = 'a'.repeat(1000);
	t.is(boundText(long), `${'a'.repeat(300)}… (700 characters more)`);
	const emoji = `${'a'.repeat(299)}😀tail`;
	t.is(boundText(emoji), `${'a'.repeat(299)}… (${emoji.length - 299} characters more)`);
});
