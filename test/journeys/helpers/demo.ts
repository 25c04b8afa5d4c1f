import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {demoEnvironments, demoOverlaySecret} from '../../../source/demo/config.js';
import {cliArgs, runCli, type CliResult} from '../../helpers/cli.js';
import {gitEnv} from '../../helpers/git-env.js';

/**
 * The demo world every journey drives: `tyk-console demo --dir D --keep-running` in the background (two seeded
 * emulators, staging and a protected prod, and a Git repo with history), plus a `./console` launcher in D that opens
 * the real console over it from any shell.
 */
export interface DemoWorld {
	readonly dir: string;
	/** Environment for the terminal's shell and for CLI runs: demo keys, Git isolation, CI=true. */
	readonly env: NodeJS.ProcessEnv;
	/** The command line a shell types to open the console. */
	readonly consoleCommand: string;
	/** Runs the CLI (no terminal) against the demo's config, e.g. `diff staging --json`. */
	cli(args: readonly string[]): Promise<CliResult>;
	/** Like cli, with `--json`, parsed; fails with stderr when the output is not JSON. */
	json(args: readonly string[]): Promise<any>;
	stop(): Promise<void>;
}

/** One item of `diff --json`, as the journeys pick the items they drive the console to. */
export interface DiffItem {
	readonly kind: string;
	readonly id: string;
	readonly name: string;
	readonly status: string;
	readonly changes?: readonly string[];
}

/** The items `diff ENV --json` lists (by default the drifted ones; `extra` flags choose others). */
export async function diffItems(world: DemoWorld, environment: string, extra: readonly string[] = []): Promise<DiffItem[]> {
	return (await world.json(['diff', environment, ...extra])).items as DiffItem[];
}

function quote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

async function readyLine(child: ChildProcess): Promise<void> {
	let output = '';
	const ready = new Promise<void>((resolve) => {
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
			if (output.includes('Demo ready in')) resolve();
		});
	});
	const exited = once(child, 'exit').then(([code]) => {
		throw new Error(`the demo exited with ${String(code)} before it was ready:\n${output}`);
	});
	await Promise.race([ready, exited]);
}

/** Starts the demo world in a new temp dir; `stop` ends the demo process and removes the dir. */
export async function startDemoWorld(): Promise<DemoWorld> {
	const dir = mkdtempSync(join(tmpdir(), 'tc-journey-'));
	const keys = {...Object.fromEntries(demoEnvironments.map((e) => [e.keyEnv, e.key])), [demoOverlaySecret.variable]: demoOverlaySecret.value};
	// CI=true as on a CI runner, always: Ink draws nothing until exit when it believes it runs in CI, so the console
	// must drop that flag before Ink loads, in the bundle as in the source.
	const env: NodeJS.ProcessEnv = {...gitEnv(), ...keys, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: 'true'};
	const child = spawn(process.execPath, [...cliArgs(), 'demo', '--dir', dir, '--keep-running'], {
		env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stderr!.resume();
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(dir, {recursive: true, force: true});
	};
	try {
		await readyLine(child);
	} catch (error) {
		await stop();
		throw error;
	}
	const config = join(dir, 'tyk-console.yaml');
	const launcher = join(dir, 'console');
	writeFileSync(launcher, `#!/bin/sh\nexec ${[process.execPath, ...cliArgs()].map(quote).join(' ')} --config ${quote(config)} "$@"\n`);
	chmodSync(launcher, 0o755);
	const cli = (args: readonly string[]) => runCli([...args, '--config', config], {cwd: dir, env});
	return {
		dir, env, consoleCommand: './console', cli, stop,
		async json(args) {
			const result = await cli([...args, '--json']);
			try {
				return JSON.parse(result.stdout);
			} catch {
				throw new Error(`tyk-console ${args.join(' ')} --json printed no JSON (exit ${String(result.code)}): ${result.stderr}`);
			}
		},
	};
}
