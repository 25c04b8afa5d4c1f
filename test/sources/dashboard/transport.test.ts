import test from 'ava';
import {DashboardError} from '../../../source/sources/dashboard/index.js';
import {json, startServer} from './helpers/server.js';
import {testClient} from './helpers/client.js';

async function failure(promise: Promise<unknown>): Promise<DashboardError> {
	const error = await promise.then(() => undefined, (caught: unknown) => caught);
	if (!(error instanceof DashboardError)) throw new Error(`expected a DashboardError, got ${String(error)}`);
	return error;
}

test('a body sent in many pieces arrives whole', async (t) => {
	const items = Array.from({length: 2000}, (_, index) => ({id: `a-${index}`, name: 'x'.repeat(50)}));
	const text = JSON.stringify(items);
	const server = await startServer(t, (_q, r) => {
		r.writeHead(200, {'content-type': 'application/json'});
		for (let start = 0; start < text.length; start += 1000) r.write(text.slice(start, start + 1000));
		r.end();
	});
	t.deepEqual((await testClient(t, server.url).request('GET', '/api/assets')).body, items);
});

test('a write sends its JSON with content type and length, and the base URL path is kept', async (t) => {
	let seen: {type?: string; length?: string; url?: string} = {};
	const server = await startServer(t, (q, r) => {
		seen = {type: q.headers['content-type'], length: q.headers['content-length'], url: q.url};
		json(r, 200, {Status: 'OK', Message: 'done', Meta: '1'});
	});
	await testClient(t, `${server.url}/dash/`).request('PUT', '/api/apis/a%2Fb', {body: {name: 'é'}});
	t.deepEqual(seen, {type: 'application/json', length: String(Buffer.byteLength(JSON.stringify({name: 'é'}))), url: '/dash/api/apis/a%2Fb'});
	t.is(server.requests[0]!.body, JSON.stringify({name: 'é'}));
});

test('a read whose connection drops mid-body is retried, and reported as a reset when it keeps dropping', async (t) => {
	const cutOff = (r: import('node:http').ServerResponse) => {
		r.writeHead(200, {'content-type': 'application/json', 'content-length': '1000'});
		r.write('{"apis": [');
		setImmediate(() => r.socket?.destroy());
	};
	const flaky = await startServer(t, (_q, r, _b, index) => (index === 0 ? cutOff(r) : json(r, 200, [])));
	t.deepEqual((await testClient(t, flaky.url).request('GET', '/api/assets')).body, []);
	t.is(flaky.requests.length, 2);

	const broken = await startServer(t, (_q, r) => cutOff(r));
	const error = await failure(testClient(t, broken.url, {retries: 1}).request('GET', '/api/assets'));
	t.is(error.kind, 'network');
	t.is(error.code, 'ECONNRESET');
	t.is(broken.requests.length, 2);
});

test('an answer that starts but does not finish within timeoutMs is a timeout', async (t) => {
	const server = await startServer(t, (_q, r) => {
		r.writeHead(200, {'content-type': 'application/json'});
		r.write('[');
	});
	const error = await failure(testClient(t, server.url, {timeoutMs: 200, retries: 0}).request('GET', '/api/assets'));
	t.is(error.kind, 'timeout');
	t.regex(error.message, /no answer within 200 ms/);
});
