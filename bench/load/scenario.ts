import {randomBytes} from 'node:crypto';
import {once} from 'node:events';
import {fileURLToPath} from 'node:url';
import {firstLine, nodeScript, startEmulatorProcess} from '../shared/process.js';
import {median} from '../shared/report.js';

/**
 * `load`: how long `loadLive` takes to read a large Dashboard (2,000 APIs, half OAS; 1,000 policies; 50 templates)
 * next to the floor (plain fetch of the same requests, same concurrency) and to the floor that reads one request per
 * OAS API, and the client's peak RSS.
 * Emulator, client and floor each run in their own process, so timings and RSS are not mixed up.
 * Target: client within 1.0x the floor, peak RSS under 300 MB. Reported, never asserted.
 */

/** The client; the plain-fetch floor making the same requests; the floor reading one request per OAS API. */
type Mode = 'client' | 'floor' | 'per-api';

interface Measurement {
	readonly mode: Mode;
	readonly times: number[];
	readonly baselineRssMb: number;
	readonly firstLoadRssMb: number;
	readonly maxRssMb: number;
	readonly counts: {apis: number; policies: number; templates: number};
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function measure(mode: Mode, url: string, key: string, runs: number): Promise<Measurement> {
	const child = nodeScript(here('measure.ts'), [mode, String(runs)], {BENCH_URL: url, BENCH_KEY: key});
	const result = JSON.parse(await firstLine(child)) as Measurement;
	await once(child, 'exit');
	return result;
}

function mb(measurements: readonly Measurement[], pick: (m: Measurement) => number): string {
	return `${Math.max(...measurements.map(pick)).toFixed(0)} MB`;
}

function report(client: readonly Measurement[], floor: readonly Measurement[], perApi: readonly Measurement[], runs: number): void {
	const clientMs = median(client.flatMap((m) => m.times));
	const floorMs = median(floor.flatMap((m) => m.times));
	const perApiMs = median(perApi.flatMap((m) => m.times));
	const count = (m: Measurement) => `${m.counts.apis} APIs, ${m.counts.policies} policies, ${m.counts.templates} templates`;
	const lines = [
		`loaded:             ${count(client[0]!)} (floor: ${count(floor[0]!)})`,
		`loadLive (client):  ${clientMs.toFixed(0)} ms, median of ${client.length * runs} runs`,
		`plain fetch floor:  ${floorMs.toFixed(0)} ms, median of ${floor.length * runs} runs`,
		`ratio client/floor: ${(clientMs / floorMs).toFixed(2)}x (target <= 1.0x)`,
		`per-OAS-API floor:  ${perApiMs.toFixed(0)} ms (one GET per OAS API, how the client read before the OAS list): client is ${(perApiMs / clientMs).toFixed(2)}x faster`,
		`peak RSS client:    ${mb(client, (m) => m.maxRssMb)} over ${runs + 1} loads in one process (target < 300 MB); `
			+ `${mb(client, (m) => m.firstLoadRssMb)} after one load; ${mb(client, (m) => m.baselineRssMb)} before loading (tsx + modules)`,
		`peak RSS floor:     ${mb(floor, (m) => m.maxRssMb)} over ${runs + 1} loads; `
			+ `${mb(floor, (m) => m.firstLoadRssMb)} after one load; ${mb(floor, (m) => m.baselineRssMb)} before loading`,
	];
	process.stdout.write(lines.join('\n') + '\n');
}

/** Usage: `npm run bench load [APIS POLICIES TEMPLATES [RUNS]]`. */
export async function run(args: readonly string[]): Promise<void> {
	const [apis = '2000', policies = '1000', templates = '50', runsText = '3'] = args;
	const runs = Number(runsText);
	for (const [name, value] of Object.entries({apis, policies, templates, runs: runsText})) {
		if (!/^\d+$/.test(value) || (name === 'runs' && Number(value) < 1)) throw new Error(`bench load: ${name} must be a whole number${name === 'runs' ? ' >= 1' : ''}, got "${value}"`);
	}
	const key = randomBytes(16).toString('hex');
	const emulator = await startEmulatorProcess({apis: Number(apis), policies: Number(policies), templates: Number(templates)}, key);
	try {
		const url = emulator.url;
		process.stdout.write(`load: emulator at ${url} seeded with ${apis} APIs, ${policies} policies, ${templates} templates; concurrency 8\n`);
		const client: Measurement[] = [];
		const floor: Measurement[] = [];
		const perApi: Measurement[] = [];
		// Alternate them so drift in the shared machine's load affects all alike.
		for (let round = 0; round < 2; round++) {
			client.push(await measure('client', url, key, runs));
			floor.push(await measure('floor', url, key, runs));
			perApi.push(await measure('per-api', url, key, runs));
		}
		report(client, floor, perApi, runs);
	} finally {
		await emulator.stop();
	}
}
