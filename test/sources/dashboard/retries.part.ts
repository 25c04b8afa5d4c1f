import test from 'ava';
import {readFileSync} from 'node:fs';
import {DashboardError, type RequestEvent} from '../../../source/sources/dashboard/index.js';
import {closedPort, dashboardError, json, startServer} from './helpers/server.js';
import {testClient, testKey} from './helpers/client.js';

async function failure(promise: Promise<unknown>): Promise<DashboardError> {
	const error = await promise.then(() => undefined, (caught: unknown) => caught);
	if (!(error instanceof DashboardError)) throw new Error(`expected a DashboardError, got ${String(error)}`);
	return error;
}

test('a read is retried after a 503 and succeeds', async (t) => {
	const server = await startServer(t, (_q, r, _b, index) => (index === 0 ? dashboardError(r, 503, 'busy') : json(r, 200, [])));
	const response = await testClient(t, server.url).request('GET', '/api/assets');
	t.deepEqual(response.body, []);
	t.is(server.requests.length, 2);
});

test('a read gives up after the configured retries with the last error', async (t) => {
	const server = await startServer(t, (_q, r) => dashboardError(r, 500, 'boom'));
	const error = await failure(testClient(t, server.url, {retries: 2}).request('GET', '/api/assets'));
	t.is(error.kind, 'server');
	t.is(server.requests.length, 3);
});

test('a create is never retried', async (t) => {
	const server = await startServer(t, (_q, r) => dashboardError(r, 503, 'busy'));
	const error = await failure(testClient(t, server.url, {retries: 5}).request('POST', '/api/apis', {body: {api_definition: {}}}));
	t.is(error.kind, 'server');
	t.is(server.requests.length, 1);
});

test('a reset on a write is not retried either', async (t) => {
	const server = await startServer(t, (q) => q.socket.destroy());
	const error = await failure(testClient(t, server.url, {retries: 5}).request('PUT', '/api/apis/a', {body: {}}));
	t.is(error.kind, 'network');
	t.is(server.requests.length, 1);
});

test('429 Retry-After is honoured (through the injected sleep) and capped', async (t) => {
	const waits: number[] = [];
	const server = await startServer(t, (_q, r, _b, index) => {
		if (index === 0) dashboardError(r, 429, 'slow down');
		else if (index === 1) r.writeHead(429, {'retry-after': '120'}).end();
		else json(r, 200, {Data: null, Pages: 0});
	});
	const client = testClient(t, server.url, {
		retryDelayMs: 10, maxRetryDelayMs: 60_000, retries: 3,
		sleep: async (ms) => void waits.push(ms),
	});
	// The first 429 has no Retry-After: plain back-off. The second asks for 120 s: capped at 60 s.
	await client.request('GET', '/api/portal/policies');
	t.deepEqual(waits, [10, 60_000]);
	t.is(server.requests.length, 3);
});

test('Retry-After seconds raise the back-off', async (t) => {
	const waits: number[] = [];
	const server = await startServer(t, (_q, r, _b, index) => (index === 0 ? json(r, 429, {}, {'retry-after': '3'}) : json(r, 200, [])));
	await testClient(t, server.url, {sleep: async (ms) => void waits.push(ms)}).request('GET', '/api/assets');
	t.deepEqual(waits, [3000]);
});

test('a 429 on a write is reported, with a rate-limit hint', async (t) => {
	const server = await startServer(t, (_q, r) => json(r, 429, {Message: 'Too Many Requests'}, {'retry-after': '1'}));
	const error = await failure(testClient(t, server.url).request('DELETE', '/api/assets/x'));
	t.is(error.status, 429);
	t.regex(error.message, /rate limiting/);
	t.is(server.requests.length, 1);
});

test('a slow answer is a timeout', async (t) => {
	const server = await startServer(t, () => undefined);
	const error = await failure(testClient(t, server.url, {timeoutMs: 50, retries: 0}).request('GET', '/api/apis'));
	t.is(error.kind, 'timeout');
	t.regex(error.message, /no answer within 50 ms/);
});

test('a 301 on a write is an error naming the redirect, and is not followed', async (t) => {
	const target = await startServer(t, (_q, r) => json(r, 200, {Status: 'OK', Message: 'API created', Meta: 'x'}));
	const server = await startServer(t, (_q, r) => r.writeHead(301, {location: `${target.url}/api/apis`}).end());
	const error = await failure(testClient(t, server.url).request('POST', '/api/apis', {body: {api_definition: {}}}));
	t.is(error.kind, 'redirect');
	t.is(error.location, `${target.url}/api/apis`);
	t.regex(error.message, new RegExp(`failed with 301: redirect to ${target.url}/api/apis`));
	t.is(target.requests.length, 0);
	t.is(server.requests.length, 1);
});

test('onRequest sees method, path, status and errors, never the key', async (t) => {
	const events: RequestEvent[] = [];
	const server = await startServer(t, (_q, r, _b, index) => (index === 0 ? dashboardError(r, 401, 'Not authorised') : json(r, 200, [])));
	const client = testClient(t, server.url, {onRequest: (event) => events.push(event)});
	await failure(client.request('GET', '/api/apis', {query: {p: -1}}));
	await client.request('GET', '/api/assets');
	t.is(events.length, 2);
	t.like(events[0], {method: 'GET', path: '/api/apis?p=-1', status: 401});
	t.regex(events[0]!.error!, /^authentication: /);
	t.like(events[1], {method: 'GET', path: '/api/assets', status: 200, error: undefined});
	t.true(events.every((event) => typeof event.ms === 'number'));
	t.false(JSON.stringify(events).includes(testKey));
});

test('the concurrency limit bounds requests in flight', async (t) => {
	let inFlight = 0;
	let most = 0;
	const server = await startServer(t, (_q, r) => {
		inFlight++;
		most = Math.max(most, inFlight);
		setImmediate(() => {
			inFlight--;
			json(r, 200, []);
		});
	});
	const client = testClient(t, server.url, {concurrency: 2});
	await Promise.all(Array.from({length: 10}, () => client.request('GET', '/api/assets')));
	t.is(server.requests.length, 10);
	t.true(most <= 2, `at most 2 in flight, saw ${most}`);
});

const cert = readFileSync(new URL('fixtures/localhost-cert.pem', import.meta.url), 'utf8');
const key = readFileSync(new URL('fixtures/localhost-key.pem', import.meta.url), 'utf8');

test('an untrusted certificate is a tls error with the tls.ca / tls.insecure hint', async (t) => {
	const server = await startServer(t, (_q, r) => json(r, 200, []), {key, cert});
	const error = await failure(testClient(t, server.url).request('GET', '/api/assets'));
	t.is(error.kind, 'tls');
	t.regex(error.message, /TLS certificate check for 127\.0\.0\.1 failed/);
	t.regex(error.message, /tls\.ca/);
	t.regex(error.message, /tls\.insecure/);
});

test('tls.ca trusts the Dashboard certificate; tls.insecure skips the check', async (t) => {
	const server = await startServer(t, (_q, r) => json(r, 200, []), {key, cert});
	t.deepEqual((await testClient(t, server.url, {tls: {ca: cert}}).request('GET', '/api/assets')).body, []);
	t.deepEqual((await testClient(t, server.url, {tls: {insecure: true}}).request('GET', '/api/assets')).body, []);
});

test('bad configuration is refused with a clear message', (t) => {
	t.throws(() => testClient(t, 'dashboard.local'), {message: /staging: the Dashboard URL "dashboard.local" is not a valid URL/});
	t.throws(() => testClient(t, 'ftp://x'), {message: /must start with http:\/\/ or https:\/\//});
	t.throws(() => testClient(t, 'http://u:p@x'), {message: /must not contain credentials/});
	t.throws(() => testClient(t, 'http://x', {key: ''}), {message: /no Dashboard API key/});
});

test('a reset connection on a read is retried', async (t) => {
	const server = await startServer(t, (q, r, _b, index) => (index === 0 ? q.socket.destroy() : json(r, 200, [])));
	t.deepEqual((await testClient(t, server.url).request('GET', '/api/assets')).body, []);
	t.is(server.requests.length, 2);
});

test('a refused connection is not retried: unreachable is reported at once', async (t) => {
	const waits: number[] = [];
	const url = `http://127.0.0.1:${await closedPort()}`;
	const error = await failure(testClient(t, url, {sleep: async (ms) => void waits.push(ms)}).request('GET', '/api/assets'));
	t.is(error.code, 'ECONNREFUSED');
	t.deepEqual(waits, []);
});
