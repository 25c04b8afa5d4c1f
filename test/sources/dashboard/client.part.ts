import test from 'ava';
import {DashboardError, createDashboardClient} from '../../../source/sources/dashboard/index.js';
import {closedPort, dashboardError, json, startServer} from './helpers/server.js';
import {testClient, testKey} from './helpers/client.js';

async function failure(promise: Promise<unknown>): Promise<DashboardError> {
	const error = await promise.then(() => undefined, (caught: unknown) => caught);
	if (!(error instanceof DashboardError)) throw new Error(`expected a DashboardError, got ${String(error)}`);
	return error;
}

test('sends the key raw in Authorization and parses JSON', async (t) => {
	const server = await startServer(t, (_q, r) => json(r, 200, {apis: [], pages: 0}));
	const client = testClient(t, server.url + '/');
	const response = await client.request('GET', '/api/apis', {query: {p: -1}});
	t.deepEqual(response.body, {apis: [], pages: 0});
	t.is(server.requests[0]!.authorization, testKey);
	t.is(server.requests[0]!.url, '/api/apis?p=-1');
});

test('a wrong key is an authentication error that names the request and never the key', async (t) => {
	const server = await startServer(t, (_q, r) => dashboardError(r, 401, 'Not authorised'));
	const error = await failure(testClient(t, server.url).request('GET', '/api/apis'));
	t.is(error.kind, 'authentication');
	t.is(error.status, 401);
	t.true(error.message.startsWith('staging: GET /api/apis failed with 401: Not authorised.'));
	t.regex(error.message, /API key/);
	t.false(error.message.includes(testKey));
	t.is(server.requests.length, 1, '401 is not retried');
});

test('a server that echoes the key gets it redacted from the message', async (t) => {
	const server = await startServer(t, (q, r) => dashboardError(r, 400, `bad header ${q.headers.authorization}`));
	const error = await failure(testClient(t, server.url).request('PUT', '/api/apis/x', {body: {}}));
	t.is(error.kind, 'validation');
	t.false(error.message.includes(testKey));
	t.regex(error.message, /bad header \*\*\*/);
});

test('error statuses map to kinds', async (t) => {
	const cases: Array<[number, string, string, string]> = [
		[403, 'access denied: You do not have permission to access  /api/apis', 'GET', 'permission'],
		[404, 'API definition does not exist', 'PUT', 'not-found'],
		[400, 'Could not retrieve API detail', 'GET', 'not-found'],
		[400, 'Could not retrieve API detail', 'PUT', 'validation'],
		[409, 'Found API with the same ID', 'POST', 'conflict'],
		[422, "unsupported asset kind: 'foo'.", 'POST', 'validation'],
		[500, 'Error while validating schema', 'PUT', 'server'],
	];
	const server = await startServer(t, (q, r) => {
		const [status, message] = cases[Number(new URL(q.url!, 'http://x').searchParams.get('case'))]!;
		dashboardError(r, status, message);
	});
	const client = testClient(t, server.url, {retries: 0});
	for (const [index, [status, message, method, kind]] of cases.entries()) {
		const error = await failure(client.request(method as 'GET', '/api/apis/abc', {query: {case: index}, body: method === 'GET' ? undefined : {}}));
		t.is(error.kind as string, kind, `${status} ${method}`);
		t.is(error.message.split('. ')[0]!.replace(/\.$/, ''), `staging: ${method} /api/apis/abc?case=${index} failed with ${status}: ${message.replace(/\.$/, '')}`);
	}
});

test('an HTML page with 200 is a bad response, not an empty list', async (t) => {
	const server = await startServer(t, (_q, r) => {
		r.writeHead(200, {'content-type': 'text/html'});
		r.end('<!DOCTYPE html><html><body>Login</body></html>');
	});
	const error = await failure(testClient(t, server.url).request('GET', '/api/apis'));
	t.is(error.kind, 'bad-response');
	t.regex(error.message, /not JSON \(text\/html\)/);
});

test('an HTML error page is reported by status with a non-JSON note', async (t) => {
	const server = await startServer(t, (_q, r) => {
		r.writeHead(502, {'content-type': 'text/html'});
		r.end('<html>Bad Gateway</html>');
	});
	const error = await failure(testClient(t, server.url, {retries: 0}).request('GET', '/api/apis'));
	t.is(error.kind, 'server');
	t.is(error.status, 502);
	t.regex(error.message, /failed with 502: the response is not JSON \(text\/html\)/);
});

test('a reset connection is a network error', async (t) => {
	const server = await startServer(t, (q) => q.socket.destroy());
	const error = await failure(testClient(t, server.url, {retries: 0}).request('GET', '/api/apis'));
	t.is(error.kind, 'network');
	t.regex(error.message, /reset/);
});

test('a refused connection is a network error with a hint', async (t) => {
	const port = await closedPort();
	const client = createDashboardClient({name: 'prod', url: `http://127.0.0.1:${port}`, key: testKey, retries: 0});
	t.teardown(() => client.close());
	const error = await failure(client.request('GET', '/api/apis'));
	t.is(error.kind, 'network');
	t.true(error.message.startsWith(`prod: GET /api/apis failed: connection refused by http://127.0.0.1:${port}. Check that the Dashboard URL`));
	t.false(error.message.includes(testKey));
});
