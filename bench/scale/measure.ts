/**
 * One measuring process of the `scale` scenario, so each side's peak RSS is its own:
 * `measure.ts git-reader|git-floor REPO REF RUNS` (readGitSide, or the ls-tree + cat-file + JSON.parse floor; one
 * warm-up, then RUNS timed reads), `measure.ts diff-floor REPO REF` and `measure.ts dump-floor DIR` (one timed run,
 * Dashboard URL and key from BENCH_URL / BENCH_KEY so the key stays out of argv). Prints one JSON line: run times in
 * ms, peak RSS in MB, and what was read.
 */
import {performance} from 'node:perf_hooks';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {readGitSide} from '../../source/engine/git-side.js';
import {diffFloor, dumpFloor, gitFloor} from './floor.js';

const [mode = '', ...rest] = process.argv.slice(2);
const url = process.env['BENCH_URL'] ?? '';
const key = process.env['BENCH_KEY'] ?? '';
const concurrency = 8;

// A full collection before each run (untimed), so each run's peak RSS is its own: without it the garbage of the
// warm-up read is still in the heap when the next read peaks, and the figure is of two reads, not one.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

async function timed(runs: number, work: () => Promise<unknown>): Promise<{times: number[]; counts: unknown}> {
	const times: number[] = [];
	let counts: unknown;
	for (let run = 0; run < runs; run++) {
		collect();
		const started = performance.now();
		counts = await work();
		times.push(performance.now() - started);
	}
	return {times, counts};
}

async function measure(): Promise<{times: number[]; counts: unknown}> {
	if (mode === 'git-reader' || mode === 'git-floor') {
		const [repo = '', ref = '', runsText = '3'] = rest;
		const work = mode === 'git-floor'
			? () => gitFloor(repo, ref)
			: async () => {
				const side = await readGitSide({repo, branch: ref, dir: ''});
				return {items: side.set.items.length, invalid: side.set.invalid.length};
			};
		await work(); // warm-up: JIT, page cache, git's pack index
		return timed(Number(runsText), work);
	}
	if (mode === 'diff-floor') return timed(1, () => diffFloor(url, key, concurrency, rest[0] ?? '', rest[1] ?? ''));
	if (mode === 'dump-floor') return timed(1, () => dumpFloor(url, key, concurrency, rest[0] ?? ''));
	throw new Error(`bench scale measure: unknown mode "${mode}"`);
}

const baselineRssMb = process.resourceUsage().maxRSS / 1024;
const {times, counts} = await measure();
process.stdout.write(JSON.stringify({mode, times, baselineRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024, counts}) + '\n');
