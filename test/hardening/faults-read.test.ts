import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {
	assertRepoConsistent, certPath, cliWith, noDnsPreload, parsed, startProxy, startTlsProxy, writeConfigFile, type Misbehaviour,
} from './helpers.js';

/** Faults on the first request that a read recovers from by retrying (idempotent GETs only). */
const retried: readonly Misbehaviour[] = ['slow', 'status-500', 'status-429', 'reset', 'reset-mid-body'];
/** Faults that must end the run with one clear sentence naming the request. */
const refused: Readonly<Partial<Record<Misbehaviour, RegExp>>> = {
	'status-401': /failed with 401: Not authorised\. Check the Dashboard API key/,
	html: /the response is not JSON \(text\/html\)/,
	empty: /the response body is empty/,
	truncate: /the response is not valid JSON \(\d+ bytes, cut off or malformed\)/,
};

/**
 * The latency spike never ends (the proxy holds the answer until the client gives up), and only the spiking case gets
 * the short timeout: on a loaded 2-core machine an ordinary answer can take longer than 300 ms, which must not turn
 * into a flaky failure.
 */
const timeoutFor = (fault: Misbehaviour) => (fault === 'slow' ? 1500 : 10_000);

test('fault: envs, diff and dump retry a read after a latency spike past timeoutMs, a 500, a 429 with Retry-After, a reset and a reset mid-body; 401, HTML, empty and truncated JSON are clear errors; Git untouched', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const emulator = world.emulators['staging']!;
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const head = world.git(['rev-parse', 'main']).trim();
	const live = JSON.stringify(emulator.store.snapshot());
	const expected = {api: emulator.store.listApis().length, policy: emulator.store.listPolicies().length, template: emulator.store.listTemplates().length};

	// One environment per fault, each behind its own proxy where only the first request misbehaves: whatever it is, a
	// retry (when allowed) must get through. One `envs` run reads them all (one process start instead of nine).
	const faults = [...retried, ...Object.keys(refused) as Misbehaviour[]];
	const proxies = await Promise.all(faults.map((fault) => startProxy(t, emulator.url, (_req, index) => (index === 0 ? fault : 'pass'))));
	const config = writeConfigFile(world, 'faults.json', faults.map((fault, index) => ({name: `f-${fault}`, dashboard: proxies[index]!.url, timeoutMs: timeoutFor(fault)})));
	const envs = await cliWith(world, config, ['envs', '--json']);
	t.is(envs.code, 1, envs.stderr);
	const views = new Map(parsed(envs).environments.map((entry: any) => [entry.name, entry]));
	for (const [index, fault] of faults.entries()) {
		const view: any = views.get(`f-${fault}`);
		const pattern = refused[fault];
		if (pattern) {
			t.not(view.reachability, 'ok', fault);
			t.regex(view.error, new RegExp(`^f-${fault}: GET /api/\\S+ failed`), `${fault}: names the environment and request`);
			t.regex(view.error, pattern, fault);
		} else {
			t.is(view.reachability, 'ok', `${fault}: ${view.error}`);
			t.deepEqual(view.counts, expected, `${fault}: everything was read`);
			const first = proxies[index]!.requests[0]!;
			t.is(first.mode, fault);
			t.true(proxies[index]!.requests.slice(1).some((request) => request.url === first.url && request.method === 'GET'), `${fault}: the faulted read was retried`);
		}
	}

	// diff: a reset mid-body is retried (no drift, exit 0); a 401 and truncated JSON end with one clear sentence.
	const diffs = await Promise.all((['reset-mid-body', 'status-401', 'truncate'] as const).map(async (fault) => {
		const proxy = await startProxy(t, emulator.url, (_req, index) => (index === 0 ? fault : 'pass'));
		const file = writeConfigFile(world, `diff-${fault}.json`, [{name: 'staging', dashboard: proxy.url}]);
		return {fault, run: await cliWith(world, file, ['diff', 'staging'])};
	}));
	for (const {fault, run} of diffs) {
		if (fault === 'reset-mid-body') {
			t.is(run.code, 0, `${fault}: ${run.stdout}${run.stderr}`);
			continue;
		}
		t.is(run.code, 1, `${fault}: ${run.stdout}${run.stderr}`);
		t.regex(run.stderr, /^tyk-console: staging: GET \/api\/\S+ failed/, `${fault}: one sentence naming the environment and request`);
		t.regex(run.stderr, refused[fault]!, fault);
		t.false(/\n\s+at .+:\d+:\d+/.test(run.stderr), `${fault}: no stack trace`);
	}
	const cases = [{run: envs}, ...diffs];

	// dump: a 500 on the first read is retried (nothing new to commit); a 401 commits nothing.
	const dumps = await Promise.all((['status-500', 'status-401'] as const).map(async (fault) => {
		const proxy = await startProxy(t, emulator.url, (_req, index) => (index === 0 ? fault : 'pass'));
		const config = writeConfigFile(world, `dump-${fault}.json`, [{name: 'staging', dashboard: proxy.url, timeoutMs: timeoutFor(fault)}]);
		return {fault, run: await cliWith(world, config, ['dump', 'staging', '--json'])};
	}));
	for (const {fault, run} of dumps) {
		if (fault === 'status-500') t.is(run.code, 0, `${fault}: ${run.stdout}${run.stderr}`);
		else {
			t.is(run.code, 1, `${fault}: ${run.stdout}${run.stderr}`);
			t.regex(run.stderr, /^tyk-console: staging: GET /);
		}
	}
	// Live did not change, so the successful dump had nothing to commit either: the branch stays where it was.
	assertRepoConsistent(t, world, [head]);
	t.is(JSON.stringify(emulator.store.snapshot()), live, 'reads never write');
	assertNoSecrets(t, world, [...cases, ...dumps].flatMap(({run}) => [run.stdout, run.stderr]).concat(world.stateText()));
});

test('fault: envs and diff with DNS failure (.invalid, resolved in-process), a self-signed certificate (refused; accepted with tls.ca and tls.insecure) and a 401', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const emulator = world.emulators['staging']!;
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const tls = await startTlsProxy(t, emulator.url);
	const unauthorised = await startProxy(t, emulator.url, () => 'status-401');
	const config = writeConfigFile(world, 'network.json', [
		{name: 'dns', dashboard: 'http://dashboard.invalid:3000'},
		{name: 'self-signed', dashboard: tls.url},
		{name: 'with-ca', dashboard: tls.url, tls: {ca: certPath}},
		{name: 'insecure', dashboard: tls.url, tls: {insecure: true}},
		{name: 'revoked', dashboard: unauthorised.url},
	]);
	const env = noDnsPreload(world.root);
	const [envs, dns, selfSigned, withCa, insecure] = await Promise.all([
		cliWith(world, config, ['envs', '--json'], env),
		cliWith(world, config, ['diff', 'dns'], env),
		cliWith(world, config, ['diff', 'self-signed'], env),
		cliWith(world, config, ['diff', 'with-ca'], env),
		cliWith(world, config, ['diff', 'insecure'], env),
	]);
	t.is(envs.code, 1, envs.stderr);
	const reach = Object.fromEntries(parsed(envs).environments.map((entry: any) => [entry.name, entry]));
	t.not(reach['dns'].reachability, 'ok');
	t.regex(reach['dns'].error, /host dashboard\.invalid not found \(DNS ENOTFOUND\)/);
	t.not(reach['self-signed'].reachability, 'ok');
	t.regex(reach['self-signed'].error, /TLS certificate check for 127\.0\.0\.1 failed .*tls\.ca/);
	t.is(reach['with-ca'].reachability, 'ok');
	t.is(reach['insecure'].reachability, 'ok');
	t.is(reach['revoked'].reachability, 'auth-failed');
	t.is(dns.code, 1);
	t.regex(dns.stderr, /^tyk-console: dns: GET \S+ failed: host dashboard\.invalid not found/);
	t.is(selfSigned.code, 1);
	t.regex(selfSigned.stderr, /^tyk-console: self-signed: GET \S+ failed: TLS certificate check/);
	t.is(withCa.code, 0, withCa.stdout + withCa.stderr);
	t.is(insecure.code, 0, insecure.stdout + insecure.stderr);
	t.true(tls.requests.length > 0);
	assertNoSecrets(t, world, [envs, dns, selfSigned, withCa, insecure].flatMap((run) => [run.stdout, run.stderr]));
});
