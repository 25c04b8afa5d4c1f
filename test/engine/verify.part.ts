import {createServer, request, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {compareEnvironment} from '../../source/engine/compare-env.js';
import {makeWorld} from '../helpers/world.js';
import {dumpAll, engineOf} from './_engine.js';

function body(message: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		message.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
	});
}

/** A loopback proxy to a Dashboard that can rewrite write bodies or stop answering; closed at the end of the test. */
async function proxy(t: Parameters<typeof makeWorld>[0], target: string, mode: {rewrite?: (text: string) => string; hang?: boolean}): Promise<string> {
	const upstream = new URL(target);
	const server: Server = createServer(async (incoming, outgoing) => {
		if (mode.hang) return;
		let payload = await body(incoming);
		if (mode.rewrite && incoming.method !== 'GET' && payload.length > 0) payload = Buffer.from(mode.rewrite(payload.toString('utf8')));
		const forward = request({
			host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method,
			headers: {...incoming.headers, 'content-length': String(payload.length)},
		}, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		forward.end(payload);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	}));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('a write the Dashboard stores differently is reported as failed with the differing path, not as applied', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const setup = await engineOf(t, world);
	await dumpAll(setup, 'staging');
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const file = join(world.repo, index.policies[0].file);
	const policy = JSON.parse(readFileSync(file, 'utf8'));
	writeFileSync(file, JSON.stringify({...policy, rate: 4242}, null, 2));
	world.git(['commit', '-q', '-am', 'rate 4242']);

	// The same Dashboard behind a proxy that quietly turns the rate into something else on every write.
	const url = await proxy(t, world.emulators['staging']!.url, {rewrite: (text) => text.replace('"rate":4242', '"rate":4241')});
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	config.environments[0].dashboard = url;
	world.writeConfig(config);
	const engine = await engineOf(t, world);
	const {plan} = await engine.plan({type: 'publish', environment: 'staging'});
	const result = await engine.apply(plan);
	const written = result.results.filter((r) => r.action !== 'skip');
	t.is(written.length, 1);
	t.is(written[0]!.status, 'failed');
	t.regex(written[0]!.error!, /written, but the read-back differs at rate/);
	t.is(world.emulators['staging']!.store.listPolicies().find((p) => p['id'] === policy.id)!['rate'], 4241);
});

test('a Dashboard that accepts connections but never answers is reported unreachable after the configured timeout', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}]);
	const url = await proxy(t, world.emulators['staging']!.url, {hang: true});
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	config.environments[0].dashboard = url;
	config.environments[0].timeoutMs = 200;
	world.writeConfig(config);
	const engine = await engineOf(t, world);
	const view = await compareEnvironment(engine.context, 'staging');
	t.is(view.reachability, 'unreachable');
	t.regex(view.reason!, /staging/);
	t.regex(view.reason!, /time/i);
	t.false(view.reason!.includes(world.secrets[0]!));
});

test('a Dashboard that goes down keeps the Git side in the view (partial), counts nothing, and an unknown ref keeps the live side', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const engine = await engineOf(t, world);
	await dumpAll(engine, 'staging');
	const before = await engine.load('staging');
	t.is(before.partial, undefined);
	const unknownRef = await engine.load('staging', {ref: 'no-such-branch'});
	t.truthy(unknownRef.gitError);
	t.is(unknownRef.partial?.side, 'right');
	t.is(unknownRef.partial?.rows.length, before.comparisons.length);
	t.true(unknownRef.partial!.rows.every((row) => row.status === 'only-live'));
	await world.emulators['staging']!.close();
	const down = await engine.load('staging');
	t.is(down.reachability, 'unreachable');
	t.deepEqual(down.comparisons, [], 'nothing is compared (or planned) from half a comparison');
	t.is(down.drift.total, 0);
	t.is(down.partial?.side, 'left');
	t.deepEqual(down.partial!.rows.map((row) => row.key).sort(), before.comparisons.map((row) => row.key).sort());
	t.true(down.partial!.rows.every((row) => row.status === 'only-in-git' && row.left !== undefined));
});
