import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {once} from 'node:events';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {benchKeyVariable} from '../shared/config.js';
import {createBareRepo, type TempRepo} from '../shared/layout-repo.js';
import {firstLine, nodeScript, startEmulatorProcess, type EmulatorProcess} from '../shared/process.js';
import {median, ms, print, wholeNumber} from '../shared/report.js';
import {buildCli, distCli, runCli, runNode} from './cli.js';

/**
 * `scale` (issue 16): a Dashboard of 20,000 APIs (half Tyk OAS) and 5,000 policies, and the issue's 3k environment
 * (2,000 APIs, 1,000 policies, 50 templates), each emulator in its own process. Every figure stands next to its floor
 * measured in the same run, interleaved round by round, with peak RSS:
 * - live load: `loadLive` vs plain fetch + JSON.parse of the same requests at the same concurrency (bench/load);
 * - Git side: `readGitSide` vs `git ls-tree` + one `git cat-file --batch` + JSON.parse of every blob;
 * - diff: the compiled CLI's `diff --json` (wall, process start to exit) vs both floors at once plus a `node -e 0`;
 * - dump: the compiled CLI's `dump` of all 25,050 items into an empty repository vs fetching the same answers,
 *   writing one file per item, `git add` and `git commit`, plus a `node -e 0`;
 * - `--version` vs `node -e 0`.
 * Heavy (several minutes); builds dist/ first unless `--no-build`. Reported, never asserted.
 */

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const concurrency = 8;

interface Measured {
	readonly times: number[];
	readonly maxRssMb: number;
	readonly baselineRssMb: number;
	readonly counts: unknown;
}

async function measureProcess(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Measured> {
	const child = nodeScript(file, args, env);
	const result = JSON.parse(await firstLine(child)) as Measured;
	if (child.exitCode === null) await once(child, 'exit');
	return result;
}

/** A Dashboard under test: its emulator, a config naming it `bench`, and the repository its dumps go to. */
interface Environment {
	readonly emulator: EmulatorProcess;
	readonly env: NodeJS.ProcessEnv;
	readonly configFor: (repo: string) => Promise<string>;
}

async function environment(dir: string, name: string, seed: {apis: number; policies: number; templates: number}, key: string): Promise<Environment> {
	const emulator = await startEmulatorProcess(seed, key);
	let configs = 0;
	return {
		emulator,
		env: {[benchKeyVariable]: key, BENCH_URL: emulator.url, BENCH_KEY: key, BENCH_TIMEOUT_MS: '120000'},
		async configFor(repo) {
			const file = join(dir, `${name}-${++configs}.json`);
			await writeFile(file, JSON.stringify({
				git: {repo, branch: 'main'}, stateDir: join(dir, `${name}-state`),
				// A 20,000-API list is 150 MB: on a busy shared machine it can take longer than the 15 s default.
				environments: [{name: 'bench', dashboard: emulator.url, secretEnv: benchKeyVariable, concurrency, timeoutMs: 120_000}],
			}));
			return file;
		},
	};
}

/**
 * Packs a freshly dumped repository, untimed: a dump leaves every blob as a loose object, a clone or `git gc` packs
 * them, and reading 25,000 loose objects measures the disk more than the reader (floor and reader read the same).
 */
async function repack(repo: string): Promise<void> {
	await promisify(execFile)('git', ['repack', '-a', '-d', '-q'], {cwd: repo});
}

interface Row {
	readonly measure: string;
	readonly figure: string;
	readonly floor: string;
	readonly ratio: number | undefined;
	readonly target: string;
	readonly met: boolean | undefined;
}

function table(rows: readonly Row[]): string[] {
	const cells = rows.map((row) => [row.measure, row.figure, row.floor, row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`, row.target, row.met === undefined ? '' : row.met ? 'MET' : 'MISSED']);
	const header = ['Measure', 'figure (median)', 'floor (median)', 'ratio', 'target', ''];
	return [header, ...cells].map((cell, index) => `| ${cell.join(' | ')} |${index === 0 ? `\n|${header.map(() => '---').join('|')}|` : ''}`);
}

const mb = (value: number) => `${value.toFixed(0)} MB`;
const peak = (runs: readonly Measured[]) => Math.max(...runs.map((run) => run.maxRssMb));
const times = (runs: readonly Measured[]) => median(runs.flatMap((run) => run.times));

/** Usage: `npm run bench scale [--no-build] [ROUNDS]` (default 3 rounds: each figure is a median of at least 3 runs). */
export async function run(args: readonly string[]): Promise<void> {
	const rounds = wholeNumber(args.find((arg) => arg !== '--no-build') ?? '3', 'rounds', 1);
	if (!args.includes('--no-build')) buildCli();
	const key = randomBytes(16).toString('hex');
	const dir = await mkdtemp(join(tmpdir(), 'tyk-console-bench-scale-'));
	const repos: TempRepo[] = [];
	const started: Environment[] = [];
	const newRepo = async () => {
		const repo = await createBareRepo();
		repos.push(repo);
		return repo.repo;
	};
	try {
		const small = await environment(dir, 'small', {apis: 2000, policies: 1000, templates: 50}, key);
		started.push(small);
		const large = await environment(dir, 'large', {apis: 20_000, policies: 5000, templates: 50}, key);
		started.push(large);
		process.stdout.write(`scale: emulators seeded (3k: 2,000 APIs + 1,000 policies + 50 templates; 20k: 20,000 APIs + 5,000 policies + 50 templates); ${rounds} rounds\n`);
		// The 3k layout, dumped by the CLI itself; it also warms the small emulator's caches.
		const smallRepo = await newRepo();
		await runCli(['dump', 'bench', '--json', '--config', await small.configFor(smallRepo)], small.env);
		await repack(smallRepo);

		const loadFile = here('../load/measure.ts');
		const measureFile = here('measure.ts');
		const live = {small: [] as Measured[], smallFloor: [] as Measured[], large: [] as Measured[], largeFloor: [] as Measured[]};
		const git = {small: [] as Measured[], smallFloor: [] as Measured[], large: [] as Measured[], largeFloor: [] as Measured[]};
		const dump = {runs: [] as Array<{ms: number; rssMb: number}>, floor: [] as Measured[]};
		const diff = {runs: [] as Array<{ms: number; rssMb: number}>, floor: [] as Measured[]};
		const startup: number[] = [];
		const version: number[] = [];
		let largeRepo = '';
		for (let round = 0; round < rounds; round++) {
			process.stdout.write(`  round ${round + 1}: dump`);
			const target = await newRepo();
			const dumped = await runCli(['dump', 'bench', '--json', '--config', await large.configFor(target)], large.env);
			dump.runs.push({ms: dumped.ms, rssMb: dumped.rssMb ?? Number.NaN});
			const floorDir = join(dir, `floor-dump-${round}`);
			dump.floor.push(await measureProcess(measureFile, ['dump-floor', floorDir], large.env));
			await rm(floorDir, {recursive: true, force: true});
			if (round === 0) {
				largeRepo = target;
				await repack(largeRepo);
			}
			process.stdout.write(', diff');
			const diffed = await runCli(['diff', 'bench', '--json', '--config', await large.configFor(largeRepo)], large.env, [0, 2]);
			diff.runs.push({ms: diffed.ms, rssMb: diffed.rssMb ?? Number.NaN});
			diff.floor.push(await measureProcess(measureFile, ['diff-floor', largeRepo, 'main'], large.env));
			process.stdout.write(', live load');
			live.large.push(await measureProcess(loadFile, ['client', '1'], large.env));
			live.largeFloor.push(await measureProcess(loadFile, ['floor', '1'], large.env));
			live.small.push(await measureProcess(loadFile, ['client', '3'], small.env));
			live.smallFloor.push(await measureProcess(loadFile, ['floor', '3'], small.env));
			process.stdout.write(', Git side');
			git.large.push(await measureProcess(measureFile, ['git-reader', largeRepo, 'main', '1'], {}));
			git.largeFloor.push(await measureProcess(measureFile, ['git-floor', largeRepo, 'main', '1'], {}));
			git.small.push(await measureProcess(measureFile, ['git-reader', smallRepo, 'main', '3'], {}));
			git.smallFloor.push(await measureProcess(measureFile, ['git-floor', smallRepo, 'main', '3'], {}));
			process.stdout.write(', startup\n');
			for (let run = 0; run < 3; run++) {
				startup.push((await runNode(['-e', '0'], {}, false)).ms);
				version.push((await runNode([distCli, '--version'], {}, false)).ms);
			}
		}
		const node = median(startup);
		const ratioRow = (measure: string, figure: number, floor: number, target: number, note = '', extraMet = true): Row => ({
			measure, figure: `${ms(figure)}${note}`, floor: ms(floor), ratio: figure / floor, target: `<= ${target.toFixed(1)}x`, met: figure / floor <= target && extraMet,
		});
		const dumpMs = median(dump.runs.map((run) => run.ms));
		const dumpFloorMs = times(dump.floor) + node;
		const dumpRss = Math.max(...dump.runs.map((run) => run.rssMb));
		const diffMs = median(diff.runs.map((run) => run.ms));
		const diffFloorMs = times(diff.floor) + node;
		const diffRss = Math.max(...diff.runs.map((run) => run.rssMb));
		const rows: Row[] = [
			ratioRow('live load 3k vs floor', times(live.small), times(live.smallFloor), 1.0, `, RSS ${mb(peak(live.small))}`),
			{...ratioRow('live load 20k vs floor', times(live.large), times(live.largeFloor), 1.0, `, RSS ${mb(peak(live.large))}`), target: '(reported)', met: undefined},
			ratioRow('Git side 3k vs floor', times(git.small), times(git.smallFloor), 1.2),
			{
				...ratioRow('Git side 20k vs floor', times(git.large), times(git.largeFloor), 1.2, `, RSS ${mb(peak(git.large))}`, peak(git.large) < 300),
				target: '<= 1.2x; RSS < 300 MB',
			},
			{
				...ratioRow('diff 20k (CLI) vs floor', diffMs, diffFloorMs, 1.0, `, RSS ${mb(diffRss)}`, diffMs < 8000 && diffRss < 600),
				target: '<= 1.0x; < 8 s; RSS < 600 MB',
			},
			{...ratioRow('dump 25k items (CLI) vs floor', dumpMs, dumpFloorMs, 1.2, `, RSS ${mb(dumpRss)}`, dumpRss < 600), target: '<= 1.2x; RSS < 600 MB'},
			ratioRow('tyk-console --version vs node -e 0', median(version), node, 1.5),
		];
		print([
			`scale: medians of ${rounds} rounds (3k live and Git: ${rounds * 3} runs), same-run floors; process floors (diff, dump) include one node start (${ms(node)})`,
			...table(rows),
			`  tsx baseline RSS of the measuring processes: ${mb(Math.max(...git.large.map((run) => run.baselineRssMb)))} (included in the Git side and live load RSS)`,
			`  floor RSS: live 20k ${mb(peak(live.largeFloor))}, Git 20k ${mb(peak(git.largeFloor))}, diff ${mb(peak(diff.floor))}, dump ${mb(peak(dump.floor))}`,
			'  compareSets, publish and the console first frame: `npm run bench -- compare`, `-- publish`, `-- console`',
		]);
	} finally {
		await Promise.all(started.map((env) => env.emulator.stop()));
		await Promise.all(repos.map((repo) => repo.remove()));
		await rm(dir, {recursive: true, force: true});
	}
}
