import type {ServerResponse} from 'node:http';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {cliWith, parsed, rssPreload, startServer, writeConfigFile} from './helpers.js';

/** A safety stop for the machine running the tests, should the bound ever regress: far past any limit tested here. */
const safetyBytes = 512 * 1024 * 1024;

/**
 * Sends `head`, then `chunk` for as long as the client reads, never ending the body (chunked encoding); stops only
 * when the client goes away (or at the safety stop, still without ending).
 */
function endless(res: ServerResponse, head: string, chunk: string): void {
	res.writeHead(200, {'content-type': 'application/json'});
	res.on('error', () => {});
	const data = Buffer.from(chunk);
	let sent = 0;
	const pump = (): void => {
		while (!res.destroyed && sent < safetyBytes) {
			sent += data.length;
			if (!res.write(data)) {
				res.once('drain', pump);
				return;
			}
		}
	};
	res.write(head);
	pump();
}

const oasId = 'endless-oas';
const oasWrapper = JSON.stringify({
	api_definition: {id: '0123456789abcdef01234567', api_id: oasId, name: 'Endless', is_oas: true, org_id: 'o', proxy: {listen_path: '/e/'}},
	categories: [],
});
const element = JSON.stringify({api_definition: {api_id: 'a', name: 'x'.repeat(1000)}});

test.serial('endless response bodies (a list, a list element, one item) fail fast and clearly, naming the request and the limit, in bounded memory, without a retry', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: false}]);
	const server = await startServer(t, (req, res) => {
		const [, prefix, ...rest] = (req.url ?? '').split('/');
		const path = `/${rest.join('/')}`;
		if (path.startsWith('/api/apis?')) {
			if (prefix === 'list') return endless(res, '{"apis":[', `${element},`);
			if (prefix === 'element') return endless(res, '{"apis":[{"api_definition":{"name":"', 'x'.repeat(16 * 1024));
			return void res.writeHead(200, {'content-type': 'application/json'}).end(`{"apis":[${oasWrapper}],"pages":1}`);
		}
		if (path.startsWith(`/api/apis/oas/${oasId}`)) return endless(res, '{"openapi":"3.0.3","info":{"title":"', 'y'.repeat(16 * 1024));
		res.setHeader('content-type', 'application/json');
		if (path.startsWith('/api/portal/policies')) res.end('{"Data":[],"Pages":1}');
		else if (path.startsWith('/api/assets')) res.end('[]');
		else res.writeHead(404).end('{"Message":"not found"}');
	});
	const names = ['list', 'element', 'item'];
	// maxResponseMB keeps the test small: lists stop at 4 MB, one item (or one list element) at a quarter of that.
	const config = writeConfigFile(world, 'endless.json', names.map((name) => ({name, dashboard: `${server.url}/${name}`, timeoutMs: 60_000, maxResponseMB: 4})));
	const runs = Object.fromEntries(await Promise.all(names.map(async (name) => {
		const rss = rssPreload(world, name);
		const run = await cliWith(world, config, ['diff', name, '--json'], rss.env);
		return [name, {...run, peakMb: rss.peakMb()}] as const;
	})));
	const expected: Record<string, RegExp> = {
		list: /^(tyk-console: )?list: GET \/api\/apis\?p=-1 failed: the answer is larger than 4 MB, the limit for a list; the rest was not read\. .*maxResponseMB/,
		element: /^(tyk-console: )?element: GET \/api\/apis\?p=-1 failed: one entry of the list is larger than 1 MB, the limit for one item; the rest was not read\. .*maxResponseMB/,
		item: new RegExp(`^(tyk-console: )?item: GET /api/apis/oas/${oasId}\\S* failed: the answer is larger than 1 MB, the limit for one item; the rest was not read\\. .*maxResponseMB`),
	};
	for (const name of names) {
		const run = runs[name]!;
		t.log(`${name}: exit ${run.code}, peak RSS ${run.peakMb} MB`);
		t.is(run.code, 1, `${name}: ${run.stdout.slice(0, 500)}${run.stderr.slice(0, 2000)}`);
		t.regex(String(parsed(run)?.error ?? run.stderr), expected[name]!);
		t.true(run.peakMb !== undefined && run.peakMb < 250, `${name}: peak RSS ${run.peakMb} MB stays bounded`);
		t.false(/\n\s+at .+:\d+:\d+/.test(run.stderr), `${name}: no stack trace`);
	}
	const endlessRequests = (prefix: string, path: string): number => server.requests.filter((request) => request.url.startsWith(`/${prefix}${path}`)).length;
	t.is(endlessRequests('list', '/api/apis?'), 1, 'the list is not retried');
	t.is(endlessRequests('element', '/api/apis?'), 1, 'the list with an endless element is not retried');
	t.deepEqual(server.requests.filter((request) => request.url.startsWith('/item/api/apis/oas')).map((request) => request.url), [`/item/api/apis/oas/${oasId}`], 'the item is not retried');
	assertNoSecrets(t, world, Object.values(runs).flatMap((run) => [run.stdout.slice(0, 100_000), run.stderr]));
});
