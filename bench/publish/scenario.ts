import {randomBytes} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {countActions} from '../../source/core/plan.js';
import {applyToLive} from '../../source/engine/apply-live.js';
import {EngineContext} from '../../source/engine/context.js';
import {makePlan} from '../../source/engine/plans.js';
import {benchConfig, benchEnvironment} from '../shared/config.js';
import {commitLayout, createBareRepo, loadItems} from '../shared/layout-repo.js';
import {startEmulatorProcess} from '../shared/process.js';
import {line, ms, print, verdict, wholeNumber} from '../shared/report.js';
import {variant} from './fixtures.js';

/**
 * `publish` (issue 5): publishing N changed items (default 500: 300 APIs, half OAS, and 200 policies) from Git to an
 * emulator answering every request after 20 ms, through the real engine (planPublish + applyToLive, journal and
 * read-back included), once at concurrency 1 and once at the default concurrency (8), in the same run. Two branches
 * hold two different edits of every item, so each run writes all of them. Target: default >= 5x faster.
 */

interface PublishRun {
	readonly planMs: number;
	readonly applyMs: number;
	readonly updates: number;
	readonly applied: number;
	readonly failed: readonly string[];
}

async function publish(context: EngineContext, environment: string, ref: string): Promise<PublishRun> {
	const started = performance.now();
	const build = await makePlan(context, {type: 'publish', environment, ref});
	const planned = performance.now();
	const result = await applyToLive(context, build.plan);
	const applyMs = performance.now() - planned;
	const failed = result.results.filter((step) => step.status === 'failed').map((step) => `${step.kind} ${step.id}: ${step.error ?? ''}`);
	return {
		planMs: planned - started, applyMs, updates: countActions(build.plan).update,
		applied: result.results.filter((step) => step.status === 'applied').length, failed,
	};
}

function describe(name: string, run: PublishRun): string[] {
	const lines = [
		line(`${name}: plan (load Git + live)`, ms(run.planMs)),
		line(`${name}: apply`, ms(run.applyMs), `${run.applied} of ${run.updates} updates applied and verified, ${run.failed.length} failed`),
	];
	for (const failure of run.failed.slice(0, 3)) lines.push(`    failed: ${failure}`);
	return lines;
}

/** Usage: `npm run bench publish [APIS POLICIES [LATENCY_MS]]` (default 300 200 20: 500 items). */
export async function run(args: readonly string[]): Promise<void> {
	const [apisText = '300', policiesText = '200', latencyText = '20'] = args;
	const apis = wholeNumber(apisText, 'apis');
	const policies = wholeNumber(policiesText, 'policies');
	const latencyMs = wholeNumber(latencyText, 'latency');
	const key = randomBytes(16).toString('hex');
	const emulator = await startEmulatorProcess({apis, policies, templates: 0, latencyMs}, key);
	const temp = await createBareRepo();
	const stateDir = await mkdtemp(join(tmpdir(), 'tyk-console-bench-state-'));
	try {
		const live = await loadItems(emulator.url, key);
		await commitLayout(temp.repo, 'serial', live.map((item) => variant(item, 'serial')));
		await commitLayout(temp.repo, 'parallel', live.map((item) => variant(item, 'parallel')));
		const environments = [1, 8].map((concurrency) => benchEnvironment({
			name: concurrency === 1 ? 'serial' : 'parallel', url: emulator.url, repo: temp.repo, branch: 'main', concurrency,
		}));
		const context = new EngineContext(benchConfig(stateDir, key, environments));
		try {
			process.stdout.write(`publish: ${live.length} items (${apis} APIs, ${policies} policies), ${latencyMs} ms emulator latency; concurrency 1 first (3-6 requests per item: about ${Math.round((live.length * 4.5 * latencyMs) / 1000)} s or more)\n`);
			const serial = await publish(context, 'serial', 'serial');
			const parallel = await publish(context, 'parallel', 'parallel');
			const applyRatio = serial.applyMs / parallel.applyMs;
			const totalRatio = (serial.planMs + serial.applyMs) / (parallel.planMs + parallel.applyMs);
			print([
				...describe('concurrency 1', serial),
				...describe('concurrency 8 (default)', parallel),
				line('speed-up of the writes (apply)', `${applyRatio.toFixed(2)}x`, `target >= 5x: ${verdict(applyRatio >= 5)}`),
				line('speed-up of plan + apply', `${totalRatio.toFixed(2)}x`, `target >= 5x: ${verdict(totalRatio >= 5)}`),
			]);
		} finally {
			await context.close();
		}
	} finally {
		await emulator.stop();
		await temp.remove();
		await rm(stateDir, {recursive: true, force: true});
	}
}
