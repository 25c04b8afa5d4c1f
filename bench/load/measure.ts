/**
 * One measuring process for the `load` scenario: `measure.ts client|floor|per-api RUNS`, URL and key from the environment
 * (BENCH_URL, BENCH_KEY; the key stays out of argv; BENCH_TIMEOUT_MS for a slow machine). Each mode runs in its own process so its peak RSS is its own.
 * Prints one JSON line: run times in ms, RSS figures in MB (before loading, after the first load, peak over all
 * loads), and what was loaded.
 */
import {performance} from 'node:perf_hooks';
import {createDashboardClient, loadLive} from '../../source/sources/dashboard/index.js';
import {floorLoad} from './floor.js';

const [mode, runsText = '3'] = process.argv.slice(2);
const url = process.env['BENCH_URL'] ?? '';
const key = process.env['BENCH_KEY'] ?? '';
const runs = Number(runsText);
const concurrency = 8;

async function once(): Promise<{apis: number; policies: number; templates: number}> {
	if (mode === 'floor' || mode === 'per-api') return floorLoad(url, key, concurrency, mode === 'per-api');
	const client = createDashboardClient({name: 'bench', url, key, concurrency, timeoutMs: Number(process.env['BENCH_TIMEOUT_MS'] ?? 15_000)});
	try {
		const snapshot = await loadLive(client);
		return {apis: snapshot.apis.length, policies: snapshot.policies.length, templates: snapshot.templates.length};
	} finally {
		client.close();
	}
}

if (mode !== 'client' && mode !== 'floor' && mode !== 'per-api') throw new Error(`measure: mode must be client, floor or per-api, got ${mode}`);
// RSS of the process before any load: mostly the tsx loader and modules, which a built binary does not carry.
const baselineRssMb = process.resourceUsage().maxRSS / 1024;
await once(); // warm-up: JIT, sockets, emulator caches
// Peak after one load in a fresh process, which is what a CLI run such as `diff` does.
const firstLoadRssMb = process.resourceUsage().maxRSS / 1024;
const times: number[] = [];
let counts = {apis: 0, policies: 0, templates: 0};
for (let run = 0; run < runs; run++) {
	const started = performance.now();
	counts = await once();
	times.push(performance.now() - started);
}
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({mode, times, baselineRssMb, firstLoadRssMb, maxRssMb, counts}) + '\n');
