import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {benchKeyVariable} from '../shared/config.js';
import {commitLayout, createBareRepo} from '../shared/layout-repo.js';
import {startEmulatorProcess} from '../shared/process.js';
import {fastest, line, median, ms, print, verdict, wholeNumber} from '../shared/report.js';
import {consoleFixtures, hugePair, seed} from './fixtures.js';
import type {Timing} from './keys.js';
import {PtyRun} from './pty.js';
import {pause} from './streams.js';

/**
 * `console`: how the console feels. The compiled CLI (dist/, NODE_ENV=production) runs in a real pseudo-terminal
 * against an emulator process with 2,000 APIs and 1,000 policies and a Git layout of the same items (10% edited):
 * time from process start to the first frame, time until the environment is loaded, cursor moves through the pty,
 * and the process's peak RSS. In process, the real <App> renders the same 3,000 items plus a ~20,000-line API pair
 * into a fake 160×45 terminal, timing a cursor move in Items and a page-down in the unfolded diff, render done.
 * Targets: first frame < 400 ms, a key handled and rendered < 30 ms, peak RSS < 250 MB. Reported, never asserted.
 *
 * Arguments: `[--no-build] [first-frame runs, default 7] [keys per measurement, default 30]`.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const distCli = join(root, 'dist', 'cli.js');

function build(): string {
	const started = performance.now();
	// The published binary: `npm run build` bundles source/cli.tsx into dist/cli.js (production React).
	const result = spawnSync('npm', ['run', '--silent', 'build'], {cwd: root, encoding: 'utf8'});
	if (result.status !== 0 || !existsSync(distCli)) throw new Error(`bench: npm run build failed:\n${result.stdout}${result.stderr}`);
	return `built dist/cli.js in ${ms(performance.now() - started)}`;
}

/** Peak RSS of `diff --json` over the same config: the engine's share of the console's memory, with no UI. */
function engineRssMb(config: string, env: NodeJS.ProcessEnv): number | undefined {
	const result = spawnSync(process.execPath, ['--require', join(root, 'bench', 'console', 'report-rss.cjs'), distCli, 'diff', 'bench', '--json', '--config', config], {
		env: {...process.env, NODE_ENV: 'production', ...env}, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
	});
	const kb = /bench-maxrss-kb (\d+)/.exec(result.stderr)?.[1];
	return kb === undefined ? undefined : Number(kb) / 1024;
}

/** A node process that only loads Ink and React and exits: the floor under any Ink console's first frame. */
function inkFloor(): number {
	const started = performance.now();
	spawnSync(process.execPath, ['--input-type=module', '-e', "await import('ink'); await import('react');"], {
		cwd: root, env: {...process.env, NODE_ENV: 'production'}, stdio: 'ignore',
	});
	return performance.now() - started;
}

async function firstFrame(config: string, env: NodeJS.ProcessEnv): Promise<number> {
	const run = new PtyRun(distCli, ['--config', config], env);
	try {
		return (await run.waitFor(/tyk-console › Environments/, 'its first frame')) - run.started;
	} finally {
		await run.stop();
	}
}

interface FullRun {
	readonly loaded: number;
	readonly items: string;
	readonly cursor: number[];
	readonly rssMb?: number;
}

/** One session as a user has it: wait for the environment to load, open it, move the cursor; then read peak RSS. */
async function fullRun(config: string, env: NodeJS.ProcessEnv, moves: number): Promise<FullRun> {
	const run = new PtyRun(distCli, ['--config', config], env);
	try {
		const loaded = (await run.waitFor(/› bench\s+ok\s+\d+ APIs/, 'the environment loaded')) - run.started;
		run.type('\r');
		await run.waitFor(/of \d+ shown/, 'the Items screen');
		const items = /\d+ of \d+ shown/.exec(run.text())![0];
		run.type('f');
		await run.waitFor(/status all/, 'every item listed');
		const cursor: number[] = [];
		for (let i = 0; i < moves; i++) {
			await pause(50);
			const seen = run.text().length;
			const sent = run.type('j');
			cursor.push((await run.waitFor(() => run.text().length > seen, 'a frame after j')) - sent);
		}
		await pause(200);
		return {loaded, items, cursor, rssMb: run.peakRssMb()};
	} finally {
		await run.stop();
	}
}

export async function run(args: readonly string[]): Promise<void> {
	const rest = args.filter((arg) => arg !== '--no-build');
	const runs = wholeNumber(rest[0] ?? '7', 'first-frame runs', 1);
	const keys = wholeNumber(rest[1] ?? '30', 'keys per measurement', 1);
	const built = args.includes('--no-build') ? 'dist/ used as is (--no-build)' : build();
	if (!existsSync(distCli)) throw new Error('bench: dist/cli.js is missing; run npm run build');

	const fixtures = await consoleFixtures();
	const huge = hugePair(fixtures.live, 20_000, 40);
	// React picks its build when first loaded: production, as users run it.
	process.env['NODE_ENV'] = 'production';
	const {measureKeys} = await import('./keys.js');
	const inProcess = await measureKeys(fixtures.git, fixtures.live, huge, keys, keys);

	const key = 'bench-console-key';
	const emulator = await startEmulatorProcess(seed, key);
	const repo = await createBareRepo();
	const dir = mkdtempSync(join(tmpdir(), 'tyk-console-bench-console-'));
	const frames: number[] = [];
	const floors: number[] = [];
	let full: FullRun;
	const rssRuns: number[] = [];
	let engineMb: number | undefined;
	try {
		await commitLayout(repo.repo, 'main', fixtures.git);
		const config = join(dir, 'config.json');
		writeFileSync(config, JSON.stringify({
			git: {repo: repo.repo, branch: 'main'}, stateDir: join(dir, 'state'),
			environments: [{name: 'bench', dashboard: emulator.url, secretEnv: benchKeyVariable}],
		}));
		const env = {[benchKeyVariable]: key};
		for (let i = 0; i < runs; i++) {
			frames.push(await firstFrame(config, env));
			floors.push(inkFloor());
		}
		// Peak RSS varies by ±10% with GC timing: the full session runs three times, figures from all of them.
		full = await fullRun(config, env, keys);
		for (let i = 1; i < 3; i++) {
			const again = await fullRun(config, env, 1);
			if (again.rssMb !== undefined) rssRuns.push(again.rssMb);
		}
		if (full.rssMb !== undefined) rssRuns.unshift(full.rssMb);
		engineMb = engineRssMb(config, env);
	} finally {
		await emulator.stop();
		await repo.remove();
		rmSync(dir, {recursive: true, force: true});
	}

	const first = median(frames);
	const wall = (timings: readonly Timing[]) => median(timings.map((t) => t.wall));
	const cpu = (timings: readonly Timing[]) => median(timings.map((t) => t.cpu));
	const worst = (values: readonly number[]) => ms(Math.max(...values));
	const keyLine = (name: string, timings: readonly Timing[]) => line(name, `${ms(wall(timings))} median`,
		`CPU ${ms(cpu(timings))}; worst ${worst(timings.map((t) => t.wall))} of ${timings.length}; target < 30 ms: ${verdict(wall(timings) < 30)}`);
	print([
		`console: ${built}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`,
		`  compiled CLI in a pty (160×45), NODE_ENV=production, ${seed.apis} APIs + ${seed.policies} policies live, same items in Git (10% edited)`,
		line('first frame (process start → frame)', `${ms(first)} median`, `fastest ${ms(fastest(frames))} of ${runs}; target < 400 ms: ${verdict(first < 400)}`),
		line('floor: node start + import ink and react', `${ms(median(floors))} median`, `fastest ${ms(fastest(floors))}; what any Ink app pays first`),
		line('environment loaded and compared', ms(full.loaded), `Items: ${full.items}`),
		line('cursor move in Items (via pty)', `${ms(median(full.cursor))} median`, `worst ${worst(full.cursor)} of ${keys}; key sent → frame arrives`),
		line('peak RSS of the console process', rssRuns.length === 0 ? 'n/a (no /proc)' : `${median(rssRuns).toFixed(0)} MB median`,
			rssRuns.length === 0 ? '' : `worst ${Math.max(...rssRuns).toFixed(0)} MB of ${rssRuns.length} sessions; target < 250 MB: ${verdict(Math.max(...rssRuns) < 250)}`),
		line('peak RSS of diff --json, same config', engineMb === undefined ? 'n/a' : `${engineMb.toFixed(0)} MB`, 'the engine alone: loading and comparing, no UI'),
		`  in process: <App> over ${inProcess.items} items in a fake 160×45 terminal, production React, key → frame written`,
		keyLine('cursor move in Items', inProcess.cursor),
		line(`open the ${inProcess.diffLines.toLocaleString('en')}-line diff`, ms(inProcess.diffOpen.wall), `CPU ${ms(inProcess.diffOpen.cpu)}; one-off: rows computed on open`),
		keyLine('page-down in that diff (unfolded)', inProcess.pageDown),
	]);
}
