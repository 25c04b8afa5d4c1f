import test from 'ava';
import {gzipSync} from 'node:zlib';
import {DashboardError} from '../../../source/sources/dashboard/index.js';
import {startServer} from './helpers/server.js';
import {testClient} from './helpers/client.js';

// How the client receives bodies (got.stream, one buffer for a declared length, list answers parsed as they arrive):
// every way a server may frame an answer gives the same parsed body.
const payload = {apis: Array.from({length: 300}, (_, i) => ({api_definition: {api_id: `a${i}`, name: `API ${i} ✓`}})), pages: 1};
const text = JSON.stringify(payload);

const framings: Record<string, (response: import('node:http').ServerResponse) => void> = {
	'with Content-Length': (response) => {
		response.writeHead(200, {'content-type': 'application/json', 'content-length': Buffer.byteLength(text)});
		response.end(text);
	},
	'chunked, in small pieces': (response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		for (let at = 0; at < text.length; at += 997) response.write(text.slice(at, at + 997));
		response.end();
	},
	'gzip-compressed': (response) => {
		const body = gzipSync(text);
		response.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length});
		response.end(body);
	},
};

for (const [name, answer] of Object.entries(framings)) {
	test(`an answer ${name} is read whole, and as a list entry by entry`, async (t) => {
		const server = await startServer(t, (_q, r) => answer(r));
		const client = testClient(t, server.url);
		t.deepEqual((await client.request('GET', '/api/apis')).body, payload);
		const seen: string[] = [];
		const listed = await client.request('GET', '/api/apis', {list: {member: 'apis', map: (entry) => {
			seen.push((entry as any).api_definition.api_id);
			return {kept: true};
		}}});
		t.is(seen.length, 300);
		t.deepEqual(listed.body, {apis: payload.apis.map(() => ({kept: true})), pages: 1});
	});
}

test('a Content-Length far beyond the body is a clear error, not a crash', async (t) => {
	const server = await startServer(t, (_q, r) => {
		r.writeHead(200, {'content-type': 'application/json', 'content-length': String(10 ** 12)});
		r.write('{"apis":[');
		setTimeout(() => r.socket?.destroy(), 20);
	});
	const error = await t.throwsAsync(testClient(t, server.url, {retries: 0}).request('GET', '/api/apis'), {instanceOf: DashboardError});
	t.regex(error!.message, /staging: GET \/api\/apis/);
});

test('a list answer that is not valid JSON is reported like any other', async (t) => {
	const server = await startServer(t, (_q, r) => {
		r.writeHead(200, {'content-type': 'application/json'});
		r.end('{"apis":[{"a":1},{"b":}]}');
	});
	const failure = testClient(t, server.url).request('GET', '/api/apis', {list: {member: 'apis', map: (entry) => entry}});
	await t.throwsAsync(failure, {message: /the response is not valid JSON \(\d+ bytes, cut off or malformed\)/});
});

test('a DELETE without a body is sent and answered (the stream is ended for it)', async (t) => {
	const server = await startServer(t, (_q, r) => {
		r.writeHead(200, {'content-type': 'application/json'});
		r.end('{"Status":"OK","Message":"API deleted.","Meta":null}');
	});
	const answer = await testClient(t, server.url).request('DELETE', '/api/apis/x');
	t.is(answer.status, 200);
	t.deepEqual(server.requests.map((r) => [r.method, r.body]), [['DELETE', '']]);
});
