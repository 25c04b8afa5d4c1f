import {randomBytes} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {compareEnvironment} from '../../source/engine/compare-env.js';
import {EngineContext} from '../../source/engine/context.js';
import {readGitSide} from '../../source/engine/git-side.js';
import {readLiveSide} from '../../source/engine/live-side.js';
import {benchConfig, benchEnvironment} from '../shared/config.js';
import {commitLayout, createBareRepo, loadItems} from '../shared/layout-repo.js';
import {startEmulatorProcess} from '../shared/process.js';
import {fastest, line, median, ms, print, verdict, wholeNumber} from '../shared/report.js';
import {variant} from '../publish/fixtures.js';

/**
 * `diff` (issue 5): the engine's diff of a 3,000-item environment (what `tyk-console diff` runs: compareEnvironment,
 * Git and live loaded in parallel, then compared) next to merely loading both sides the same way, in the same run and
 * the same process, interleaved. Emulator in its own process, no latency. Every 50th Git item carries an edit, so the
 * diff has drift to report. Target: diff within 1.5x the load.
 */

async function time(work: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await work();
	return performance.now() - started;
}

/** Usage: `npm run bench diff [APIS POLICIES TEMPLATES [ROUNDS]]` (default 2000 950 50 7: 3,000 items). */
export async function run(args: readonly string[]): Promise<void> {
	const [apisText = '2000', policiesText = '950', templatesText = '50', roundsText = '7'] = args;
	const seed = {apis: wholeNumber(apisText, 'apis'), policies: wholeNumber(policiesText, 'policies'), templates: wholeNumber(templatesText, 'templates')};
	const rounds = wholeNumber(roundsText, 'rounds', 1);
	const key = randomBytes(16).toString('hex');
	const emulator = await startEmulatorProcess(seed, key);
	const temp = await createBareRepo();
	const stateDir = await mkdtemp(join(tmpdir(), 'tyk-console-bench-state-'));
	try {
		const live = await loadItems(emulator.url, key);
		await commitLayout(temp.repo, 'main', live.map((item, index) => (index % 50 === 0 ? variant(item, 'edited') : item)));
		const environment = benchEnvironment({name: 'bench', url: emulator.url, repo: temp.repo, branch: 'main', concurrency: 8});
		const context = new EngineContext(benchConfig(stateDir, key, [environment]));
		try {
			const loadBoth = () => Promise.all([context.client('bench').then(readLiveSide), readGitSide(environment.git)]);
			const diff = () => compareEnvironment(context, 'bench');
			const view = await diff(); // warm-up: sockets, JIT, page cache
			await loadBoth();
			const loads: number[] = [];
			const diffs: number[] = [];
			for (let round = 0; round < rounds; round++) {
				loads.push(await time(loadBoth));
				diffs.push(await time(diff));
			}
			const ratio = (pick: (values: number[]) => number) => pick(diffs) / pick(loads);
			const failed = view.reachability !== 'ok' || view.gitError !== undefined;
			print([
				`diff: ${view.drift.total} items compared (${view.drift.changed} changed, ${view.drift.unchanged} unchanged, `
					+ `${view.drift.total - view.drift.changed - view.drift.unchanged} other)${failed ? `; FAILED: ${view.reason ?? view.gitError ?? ''}` : ''}; ${rounds} runs each, interleaved`,
				line('load live + read Git (median)', ms(median(loads))),
				line('load live + read Git (fastest)', ms(fastest(loads))),
				line('diff (median)', ms(median(diffs)), `ratio ${ratio(median).toFixed(2)}x, target <= 1.5x: ${verdict(ratio(median) <= 1.5)}`),
				line('diff (fastest)', ms(fastest(diffs)), `ratio ${ratio(fastest).toFixed(2)}x, target <= 1.5x: ${verdict(ratio(fastest) <= 1.5)}`),
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
