import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

/** The compiled CLI as users run it, and how the `scale` scenario times it: wall clock and peak RSS per process. */

const root = fileURLToPath(new URL('../..', import.meta.url));
export const distCli = join(root, 'dist', 'cli.js');
const rssPreload = join(root, 'bench', 'console', 'report-rss.cjs');

/** Bundles source/ into dist/cli.js (`npm run build`), so the figures are of the current code. */
export function buildCli(): void {
	const result = spawnSync('npm', ['run', '--silent', 'build'], {cwd: root, encoding: 'utf8'});
	if (result.status !== 0 || !existsSync(distCli)) throw new Error(`bench: npm run build failed:\n${result.stdout}${result.stderr}`);
}

/** One finished process: wall time from spawn to exit, peak RSS when it reported one, exit code and output. */
export interface ProcessRun {
	readonly ms: number;
	readonly rssMb: number | undefined;
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs `node [--require report-rss.cjs] ARGS` to the end; `env` adds to the bench's own environment. */
export function runNode(args: readonly string[], env: NodeJS.ProcessEnv = {}, reportRss = true): Promise<ProcessRun> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, [...(reportRss ? ['--require', rssPreload] : []), ...args], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			const ms = performance.now() - started;
			const stderr = Buffer.concat(err).toString('utf8');
			const rss = /bench-maxrss-kb (\d+)/.exec(stderr);
			resolve({ms, rssMb: rss ? Number(rss[1]) / 1024 : undefined, code, stdout: Buffer.concat(out).toString('utf8'), stderr});
		});
	});
}

/** The compiled CLI with `args`; fails loudly on an exit code outside `accepted`, so a broken run never counts. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, accepted: readonly number[] = [0]): Promise<ProcessRun> {
	const run = await runNode([distCli, ...args], env);
	if (!accepted.includes(run.code ?? -1)) {
		throw new Error(`bench: tyk-console ${args.join(' ')} exited with ${String(run.code)}:\n${run.stderr.slice(-2000)}`);
	}
	return run;
}
