import test from 'ava';
import {makeItem} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {normalize} from '../../source/core/normalize.js';
import {compareItems} from '../../source/core/compare.js';
import {isSecretField, isSecretKeyName, isSecretPath, maskSecrets, maskValue, secretPaths} from '../../source/core/secrets.js';
import {classicLive, oasFile} from './fixtures.js';

test('key names match as whole words, never as substrings', t => {
	for (const name of ['api_key', 'clientSecret', 'APIKey', 'db-password', 'auth.token', 'SECRET']) t.true(isSecretKeyName(name), name);
	for (const name of ['monkey', 'keyboard', 'tokenizer_mode', 'secretary', 'region', 'passage']) t.false(isSecretKeyName(name), name);
});

test('known secret paths are recognised; look-alikes are not', t => {
	const secret = [
		['api_definition', 'upstream_auth', 'basic_auth', 'password'],
		['api_definition', 'upstream_auth', 'oauth', 'password', 'password'],
		['api_definition', 'upstream_auth', 'oauth', 'client_credentials', 'client_secret'],
		['api_definition', 'auth', 'signature', 'secret'],
		['api_definition', 'notifications', 'shared_secret'],
		['oas', 'x-tyk-api-gateway', 'upstream', 'authentication', 'basicAuth', 'password'],
		['oas', 'x-tyk-api-gateway', 'upstream', 'authentication', 'oauth', 'clientCredentials', 'clientSecret'],
		['oas', 'x-tyk-api-gateway', 'server', 'authentication', 'hmac', 'sharedSecret'],
		['hook_references', 0, 'hook', 'header_map', 'Authorization'],
		['api_definition', 'event_handlers', 'events', 'AuthFailure', 0, 'handler_meta', 'header_map', 'X-Sig'],
		['oas', 'x-tyk-api-gateway', 'server', 'eventHandlers', 0, 'headers', 1, 'value'],
		['api_definition', 'config_data', 'api_key'],
		['api_definition', 'config_data', 'nested', 'clientSecret'],
	];
	for (const path of secret) t.true(isSecretPath(path), path.join('/'));
	const plain = [
		['api_definition', 'basic_auth', 'body_password_regexp'],
		['api_definition', 'upstream_auth', 'oauth', 'client_credentials', 'token_url'],
		['api_definition', 'upstream_auth', 'basic_auth', 'username'],
		['api_definition', 'config_data', 'monkey'],
		['api_definition', 'definition', 'key'],
		['oas', 'x-tyk-api-gateway', 'server', 'eventHandlers', 0, 'headers', 1, 'name'],
		['oas', 'paths', '/login', 'post', 'summary'],
	];
	for (const path of plain) t.false(isSecretPath(path), path.join('/'));
});

test('a JWT source is a secret unless it is a JWKS URL', t => {
	t.true(isSecretField(['api_definition', 'jwt_source'], 'c2VjcmV0'));
	t.false(isSecretField(['api_definition', 'jwt_source'], 'https://idp.example.com/.well-known/jwks.json'));
	t.true(isSecretField(['oas', 'x-tyk-api-gateway', 'server', 'authentication', 'securitySchemes', 'jwt', 'source'], 'c2VjcmV0'));
});

test('masked values show length and change, never text', t => {
	t.is(maskValue('abc', false), '•••••• (3 chars)');
	t.is(maskValue('🔑🔑', true), '•••••• (2 chars, changed)');
	const left = {a: {password: 'old-password'}, b: {password: 'same-one'}, c: {password: ''}};
	const right = {a: {password: 'new-password-2'}, b: {password: 'same-one'}, c: {password: ''}};
	const masked = maskSecrets(left, right);
	t.deepEqual(masked.left, {a: {password: '•••••• (12 chars, changed)'}, b: {password: '•••••• (8 chars)'}, c: {password: ''}});
	t.deepEqual(masked.right, {a: {password: '•••••• (14 chars, changed)'}, b: {password: '•••••• (8 chars)'}, c: {password: ''}});
	t.deepEqual(masked.masked, ['a.password', 'b.password']);
	t.deepEqual(maskSecrets({password: 'x1'}).left, {password: '•••••• (2 chars)'});
	t.deepEqual(maskSecrets({password: 'x1'}, {}).left, {password: '•••••• (2 chars, changed)'});
});

test('objects at secret key names are walked, not masked whole', t => {
	const value = {upstream_auth: {oauth: {password: {username: 'svc', password: 'p4ss'}}}};
	t.deepEqual(maskSecrets(value).left, {upstream_auth: {oauth: {password: {username: 'svc', password: '•••••• (4 chars)'}}}});
});

test('the diff texts of realistic items hide webhook headers, config keys and upstream passwords', t => {
	const classic = compareItems(makeItem('api', classicLive()), makeItem('api', classicLive()));
	for (const text of [classic.leftText!, classic.rightText!]) {
		t.false(text.includes('hook-signing-secret-1234'));
		t.false(text.includes('cfg-key-abcdef0123456789'));
		t.true(text.includes('"region": "eu"'));
	}
	const oas = compareItems(undefined, makeItem('api', oasFile()));
	t.false(oas.rightText!.includes('upstream-pass-9f8e7d'));
	t.false(oas.rightText!.includes('oas-hook-token-5566'));
	t.true(oas.masked.includes('oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password'));
	// The compared (unmasked) value keeps the secret: writes and hashes need it.
	t.is(JSON.stringify(normalize(makeItem('api', oasFile())).value).includes('upstream-pass-9f8e7d'), true);
});

function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1103515245 + 12345) >>> 0;
		return state / 2 ** 32;
	};
}

test('property: random secrets never appear in masked output, whatever changes', t => {
	const random = rng(7);
	const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!é漢🔑';
	const secret = (): string => Array.from({length: 6 + Math.floor(random() * 40)}, () => [...alphabet][Math.floor(random() * [...alphabet].length)]).join('');
	for (let round = 0; round < 200; round++) {
		const values = [secret(), secret(), secret(), secret(), secret()];
		const build = (swap: boolean): JsonObject => {
			const body = classicLive();
			const def = body['api_definition'] as JsonObject;
			(def['upstream_auth'] as JsonObject)['basic_auth'] = {username: 'svc', password: swap ? values[1]! : values[0]!};
			(def['config_data'] as JsonObject)['dbPassword'] = values[2]!;
			def['jwt_source'] = values[3]!;
			((body['hook_references'] as JsonObject[])[0]!['hook'] as JsonObject)['header_map'] = {'X-Auth': values[4]!};
			return body;
		};
		const result = compareItems(makeItem('api', build(false)), makeItem('api', build(round % 2 === 0)));
		const output = [result.leftText, result.rightText, JSON.stringify(result.masked), JSON.stringify(result.changes),
			JSON.stringify(result.leftHidden), JSON.stringify(result.rightHidden)].join('\n');
		for (const value of values) t.false(output.includes(value), `round ${round}`);
		if (round % 2 === 0) t.true(result.leftText!.includes(`(${[...values[0]!].length} chars, changed)`));
	}
});

test('credentials the path rules never named: header values, URL passwords, metadata and credential-named keys', t => {
	const classic = {
		api_definition: {
			proxy: {target_url: 'https://svc:s3cr3t-pass@upstream.internal:8443/v1'},
			version_data: {versions: {Default: {
				global_headers: {Authorization: 'Bearer live-bearer-token', 'X-Request-Source': 'tyk'},
				extended_paths: {transform_headers: [{path: '/x', method: 'GET', add_headers: {'X-Api-Key': 'k-123456789', 'X-Trace': 'on'}}]},
			}}},
			graphql: {engine: {data_sources: [{config: {url: 'http://gql.internal', headers: {Cookie: 'session=abcdef123', Accept: 'application/json'}}}]}},
			hmac_secret: 'hmac-value-1234',
			auth_token: 'tok-value-5678',
			token_url: 'https://idp/token',
		},
	};
	const oas = {
		oas: {'x-tyk-api-gateway': {middleware: {global: {transformRequestHeaders: {enabled: true, add: [
			{name: 'Authorization', value: 'Basic dXNlcjpwYXNz'}, {name: 'X-Team', value: 'payments'},
		]}}}}},
	};
	const policy = {meta_data: {api_token: 'meta-token-999', owner: 'team-a'}, name: 'Gold'};
	const secrets = ['s3cr3t-pass', 'live-bearer-token', 'k-123456789', 'session=abcdef123', 'hmac-value-1234', 'tok-value-5678', 'dXNlcjpwYXNz', 'meta-token-999'];
	const visible = ['https://svc:', '@upstream.internal:8443/v1', 'tyk', 'on', 'application/json', 'https://idp/token', 'payments', 'team-a'];
	const shown = JSON.stringify([maskSecrets(classic).left, maskSecrets(oas).left, maskSecrets(policy).left]);
	for (const secret of secrets) t.false(shown.includes(secret), secret);
	for (const text of visible) t.true(shown.includes(text), text);
	t.regex(shown, /https:\/\/svc:•••••• \(11 chars\)@upstream/);
	const {masked} = maskSecrets(classic, {...classic, api_definition: {...classic.api_definition, proxy: {target_url: 'https://svc:other@upstream.internal:8443/v1'}}});
	t.true(masked.includes('api_definition.proxy.target_url'));
});

test('setting names about passwords stay visible; credential names are recognised by their words', t => {
	t.false(isSecretPath(['api_definition', 'basic_auth', 'body_password_regexp']));
	t.false(isSecretPath(['api_definition', 'auth', 'auth_header_name']));
	t.false(isSecretField(['api_definition', 'proxy', 'target_url'], 'https://user@host/'), 'a user name without a password is configuration');
	t.false(isSecretField(['x', 'headers', 'Accept'], 'application/json'));
	t.true(isSecretField(['x', 'headers', 'X-Auth-Token'], 'abc'));
	t.true(isSecretField(['x', 'refreshToken'], 'abc'));
	t.true(isSecretField(['x', 'apiKey'], 'abc'));
	t.true(isSecretField(['x', 'db_password_value'], 'abc'));
});

test('secretPaths lists exactly the fields masking hides (what a dump reports as secrets in Git), by path', (t) => {
	for (const body of [classicLive(), oasFile()]) {
		const paths = secretPaths(body);
		t.true(paths.length > 0);
		t.deepEqual([...paths].sort(), maskSecrets(body).masked);
	}
	t.deepEqual(secretPaths(oasFile()).filter((path) => path.endsWith('password')), ['oas.x-tyk-api-gateway.upstream.authentication.basicAuth.password']);
});
