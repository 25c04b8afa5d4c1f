import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {cliWith, filesUnder, parsed, rssPreload, startServer, writeConfigFile} from './helpers.js';

/** One minimal Classic wrapper as `GET /api/apis` lists it, as JSON text (built as text: 100,000 of them must be cheap). */
function wrapperText(index: number, extra = ''): string {
	const id = index.toString(16).padStart(24, '0');
	return `{"api_definition":{"id":"${id}","api_id":"api-${index}","name":"API ${index}","org_id":"5e9d9544a1dcd60001d0ed20",`
		+ `"active":true,"proxy":{"listen_path":"/a${index}/","target_url":"http://upstream.internal/"}${extra}}}`;
}

const deep = 10_000;
const hugeBytes = 50 * 1024 * 1024;

/**
 * Hostile Dashboards, one per path prefix: a list of 100,000 APIs, an API nested 10,000 levels deep, a 50 MB API,
 * a list claiming a billion pages, and a list with fractional pages.
 */
const bodies: Readonly<Record<string, () => string>> = {
	many: () => `{"apis":[${Array.from({length: 100_000}, (_, index) => wrapperText(index)).join(',')}],"pages":1}`,
	deep: () => `{"apis":[${wrapperText(1, `,"config_data":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`)}],"pages":1}`,
	huge: () => `{"apis":[${wrapperText(1, `,"config_data":{"blob":"${'x'.repeat(hugeBytes)}"}`)}],"pages":1}`,
	pages: () => `{"apis":[${wrapperText(1)}],"pages":1000000000}`,
	fraction: () => `{"apis":[${wrapperText(1)}],"pages":2.5}`,
};

test('hostile Dashboard: 100,000 APIs, 10,000-level nesting, a 50 MB definition, a billion pages, fractional pages: a correct result or a clear error, in bounded memory, nothing written', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const head = world.git(['rev-parse', 'main']).trim();
	const filesBefore = filesUnder(world.root).filter((file) => !file.startsWith('state/'));
	const cache = new Map<string, string>();
	const server = await startServer(t, (req, res) => {
		const [, prefix, ...rest] = (req.url ?? '').split('/');
		const path = `/${rest.join('/')}`;
		res.setHeader('content-type', 'application/json');
		if (path.startsWith('/api/apis') && bodies[prefix!]) {
			if (!cache.has(prefix!)) cache.set(prefix!, bodies[prefix!]!());
			res.end(cache.get(prefix!));
		} else if (path.startsWith('/api/portal/policies')) res.end('{"Data":[],"Pages":1}');
		else if (path.startsWith('/api/assets')) res.end('[]');
		else res.writeHead(404).end('{"Message":"not found"}');
	});
	const names = Object.keys(bodies);
	const config = writeConfigFile(world, 'hostile.json', names.map((name) => ({name, dashboard: `${server.url}/${name}`, timeoutMs: 60_000})));
	const runs = Object.fromEntries(await Promise.all(names.map(async (name) => {
		const rss = rssPreload(world, name);
		const run = await cliWith(world, config, ['diff', name, '--json'], rss.env);
		return [name, {...run, peakMb: rss.peakMb()}] as const;
	})));
	for (const name of names) t.log(`${name}: exit ${runs[name]!.code}, peak RSS ${runs[name]!.peakMb} MB`);

	const many = runs['many']!;
	t.is(many.code, 2, many.stderr.slice(0, 2000));
	t.is(parsed(many).summary['only-live'], 100_000 + 0, 'every listed API is compared');
	const deepRun = runs['deep']!;
	t.is(deepRun.code, 1, deepRun.stdout.slice(0, 500) + deepRun.stderr.slice(0, 2000));
	t.regex(String(parsed(deepRun)?.error ?? deepRun.stderr), /^(tyk-console: )?deep: GET \/api\/apis\?p=-1 failed with 200: .*nested deeper than \d+ levels/);
	const huge = runs['huge']!;
	t.is(huge.code, 2, huge.stderr.slice(0, 2000));
	t.true(parsed(huge).items.some((item: any) => item.id === 'api-1' && item.status === 'only-live'));
	t.false(huge.stdout.includes('x'.repeat(1000)), 'the 50 MB value is not printed');
	for (const name of ['pages', 'fraction']) {
		const run = runs[name]!;
		t.is(run.code, 1, `${name}: ${run.stdout.slice(0, 500)}${run.stderr.slice(0, 2000)}`);
		t.regex(String(parsed(run)?.error ?? run.stderr), new RegExp(`^(tyk-console: )?${name}: GET /api/apis\\?p=-1 failed with 200: .*pages`));
	}
	for (const name of names) {
		const peak = runs[name]!.peakMb;
		t.true(peak !== undefined && peak < 1536, `${name}: peak RSS ${peak} MB stays bounded`);
		t.false(/\n\s+at .+:\d+:\d+/.test(runs[name]!.stderr), `${name}: no stack trace`);
	}
	t.is(world.git(['rev-parse', 'main']).trim(), head, 'diff wrote nothing to Git');
	t.deepEqual(filesUnder(world.root).filter((file) => !file.startsWith('state/') && !/^(hostile\.json|rss)/.test(file)), filesBefore);
	assertNoSecrets(t, world, Object.values(runs).flatMap((run) => [run.stdout.slice(0, 100_000), run.stderr]));
});
