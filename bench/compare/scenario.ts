import {performance} from 'node:perf_hooks';
import {compareSets} from '../../source/core/compare.js';
import {diffRows} from '../../source/core/diff-rows.js';
import {makeItem, type Item, type ItemSet} from '../../source/core/item.js';
import type {JsonObject} from '../../source/core/json.js';
import {canonicalJson} from '../../source/core/canonical.js';
import {normalize} from '../../source/core/normalize.js';
import {seededItems} from '../shared/layout-repo.js';
import {fastest, line, median, ms, print, verdict, wholeNumber} from '../shared/report.js';
import {distinctDocument, editedCopy, editLeaves, largeOasBody} from './fixtures.js';

/**
 * `compare` (issue 4): the pure core at scale. 3,000 item pairs with a few edits each through `compareSets`; one pair
 * of ~20,000-line OAS documents with 50 scattered edits through `diffRows`; one pair of ~5,000-line documents with
 * nothing in common, which must trip the diff time limit and fall back. Targets: < 300 ms, < 150 ms, <= 500 ms.
 * The first (cold) run is printed with the median and fastest of the warm runs, since the UI pays the cold one; each
 * figure is wall time with the process's CPU time next to it (on a busy shared machine the CPU time is the steadier).
 */

/** Wall and CPU time of one synchronous call; CPU time is what the work costs when the shared machine is busy. */
function timed<T>(work: () => T): {wall: number; cpu: number; value: T} {
	const cpuStart = process.cpuUsage();
	const started = performance.now();
	const value = work();
	const wall = performance.now() - started;
	const cpu = process.cpuUsage(cpuStart);
	return {wall, cpu: (cpu.user + cpu.system) / 1000, value};
}

interface Runs<T> {
	readonly cold: {wall: number; cpu: number};
	readonly wall: number[];
	readonly cpu: number[];
	readonly value: T;
}

function runs<T>(count: number, work: () => T): Runs<T> {
	const first = timed(work);
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let index = 0; index < count; index++) {
		const next = timed(work);
		wall.push(next.wall);
		cpu.push(next.cpu);
	}
	return {cold: {wall: first.wall, cpu: first.cpu}, wall, cpu, value: first.value};
}

function figures(name: string, result: Runs<unknown>, target: number, inclusive: boolean): string[] {
	const met = (value: number) => `target ${inclusive ? '<=' : '<'} ${target} ms: ${verdict(inclusive ? value <= target : value < target)}`;
	const both = (wall: number, cpu: number) => `${ms(wall)} (cpu ${ms(cpu)})`;
	return [
		line(`${name}: first run`, both(result.cold.wall, result.cold.cpu), met(result.cold.wall)),
		line(`${name}: median of ${result.wall.length}`, both(median(result.wall), median(result.cpu)), met(median(result.wall))),
		line(`${name}: fastest`, both(fastest(result.wall), fastest(result.cpu)), met(fastest(result.wall))),
	];
}

function textOf(body: JsonObject): string {
	return canonicalJson(normalize(makeItem('api', body), {hidden: 'none'}).value, 2);
}

const lineCount = (text: string) => text.split('\n').length;

/** Usage: `npm run bench compare [ROUNDS]` (default 7 warm runs after the first). */
export async function run(args: readonly string[]): Promise<void> {
	const rounds = wholeNumber(args[0] ?? '7', 'rounds', 1);
	const live = await seededItems({apis: 2000, policies: 950, templates: 50});
	const git: Item[] = live.map((item) => editedCopy(item, 3));
	const left: ItemSet = {items: git, invalid: [], conflicts: []};
	const right: ItemSet = {items: live, invalid: [], conflicts: []};
	const pairs = runs(rounds, () => compareSets(left, right));
	const changed = pairs.value.filter((row) => row.status === 'changed');
	const paths = changed.reduce((sum, row) => sum + row.changes.length, 0);

	const seed = live.find((item) => item.flavor === 'oas');
	if (!seed) throw new Error('bench compare: the seed holds no OAS API');
	const big = largeOasBody(seed.body, 826);
	const bigEdited = largeOasBody(seed.body, 826);
	const edits = editLeaves((bigEdited['oas'] as JsonObject)['paths'] as JsonObject, 50, ' (edited)');
	const [bigLeft, bigRight] = [textOf(big), textOf(bigEdited)];
	const large = runs(rounds, () => diffRows(bigLeft, bigRight));

	const [otherLeft, otherRight] = [canonicalJson(distinctDocument('left', 5000), 2), canonicalJson(distinctDocument('right', 5000), 2)];
	const different = runs(rounds, () => diffRows(otherLeft, otherRight));

	print([
		`compare: ${pairs.value.length} pairs, ${changed.length} changed with ${paths} changed paths (3 string fields edited per Git item)`,
		...figures('compareSets, 3,000 pairs', pairs, 300, false),
		`  large OAS pair: ${lineCount(bigLeft)} / ${lineCount(bigRight)} lines, ${edits} scattered edits; `
			+ `${large.value.stats.changed} changed rows, ${large.value.hunks.length} hunks, fallback ${String(large.value.fallback)}`,
		...figures('diffRows, 20,000-line pair', large, 150, false),
		`  completely different pair: ${lineCount(otherLeft)} / ${lineCount(otherRight)} lines; fallback ${String(different.value.fallback)} (must be true)`,
		...figures('diffRows, different pair', different, 500, true),
	]);
}
