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
	empty: /the response is not JSON/,
	truncate: /not (valid )?JSON/,
};

/**
 * The latency spike outlasts the timeout by a wide margin, and only the spiking case gets the short timeout: on a
 * loaded 2-core machine an ordinary answer can take longer than 300 ms, which must not turn into a flaky failure.
 */
const spikeMs = 4000;
const timeoutFor = (fault: Misbehaviour) => (fault === 'slow' ? 1500 : 10_000);

test('fault: diff and dump retry a read after a latency spike past timeoutMs, a 500, a 429 with Retry-After, a reset and a reset mid-body; 401, HTML, empty and truncated JSON are clear errors; Git untouched', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 3}}]);
	const emulator = world.emulators['staging']!;
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const head = world.git(['rev-parse', 'main']).trim();
	const live = JSON.stringify(emulator.store.snapshot());

	const runCase = async (fault: Misbehaviour) => {
		// Only the first request of the run misbehaves: whatever it is, a retry (when allowed) must get through.
		const proxy = await startProxy(t, emulator.url, (_req, index) => (index === 0 ? fault : 'pass'), spikeMs);
		const config = writeConfigFile(world, `diff-${fault}.json`, [{name: 'staging', dashboard: proxy.url, timeoutMs: timeoutFor(fault)}]);
		return {fault, proxy, run: await cliWith(world, config, ['diff', 'staging', '--json'])};
	};
	const cases = await Promise.all([...retried, ...Object.keys(refused) as Misbehaviour[]].filter((fault) => fault !== 'slow').map(runCase));
	// The latency spike runs alone: its retry must answer within the short timeout, which a crowd of CLI runs
	// starting at the same time on 2 cores would not guarantee.
	cases.push(await runCase('slow'));
	for (const {fault, proxy, run} of cases) {
		const pattern = refused[fault];
		if (pattern) {
			t.is(run.code, 1, `${fault}: ${run.stdout}${run.stderr}`);
			// With --json the reason is the document's `error` (stdout stays machine-readable), else stderr's first line.
			const message = String(parsed(run)?.error ?? run.stderr);
			t.regex(message, /^(tyk-console: )?staging: GET \/api\/\S+ failed/, `${fault}: names the environment and request`);
			t.regex(message, pattern, fault);
			t.false(/at .+\.ts:\d+/.test(run.stderr), `${fault}: no stack trace`);
		} else {
			t.is(run.code, 0, `${fault}: ${run.stdout}${run.stderr}`);
			t.is(parsed(run)?.environment ?? 'staging', 'staging');
			const first = proxy.requests[0]!;
			t.is(first.mode, fault);
			t.true(proxy.requests.slice(1).some((request) => request.url === first.url && request.method === 'GET'), `${fault}: the faulted read was retried`);
		}
	}

	// dump: a 500 on the first read is retried (nothing new to commit); a 401 commits nothing.
	const dumps = await Promise.all((['status-500', 'status-401'] as const).map(async (fault) => {
		const proxy = await startProxy(t, emulator.url, (_req, index) => (index === 0 ? fault : 'pass'), spikeMs);
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
