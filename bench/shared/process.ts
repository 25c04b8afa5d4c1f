import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';

/**
 * Child-process helpers shared by the scenarios: the emulator (and anything else measured against) runs in its own
 * process so its CPU and memory never count as the client's.
 */

/** Starts a TypeScript file under `node --import tsx`; stdout is piped so the caller can read the ready line. */
export function nodeScript(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
	return spawn(process.execPath, ['--import', 'tsx', file, ...args], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'inherit']});
}

/** The first stdout line of a child, or an error when it exits first (so a crashed helper never hangs the bench). */
export async function firstLine(child: ChildProcess): Promise<string> {
	const lines = createInterface({input: child.stdout!});
	const exit = once(child, 'exit').then(([code]) => {
		throw new Error(`bench: child exited with ${String(code)} before reporting`);
	});
	const line = once(lines, 'line').then(([text]) => String(text));
	try {
		return await Promise.race([line, exit]);
	} finally {
		lines.close();
	}
}

/** A seeded emulator in its own process; `stop` must be awaited so no process outlives the bench. */
export interface EmulatorProcess {
	readonly url: string;
	stop(): Promise<void>;
}

/** Seed counts and fault settings for `startEmulatorProcess`. */
export interface EmulatorSeed {
	readonly apis: number;
	readonly policies: number;
	readonly templates: number;
	readonly latencyMs?: number;
}

/**
 * Starts `emulator-process.ts` and waits for its URL. The key goes through the environment, never argv, so it does
 * not show in process listings.
 */
export async function startEmulatorProcess(seed: EmulatorSeed, key: string): Promise<EmulatorProcess> {
	const file = fileURLToPath(new URL('emulator-process.ts', import.meta.url));
	const child = nodeScript(file, [String(seed.apis), String(seed.policies), String(seed.templates), String(seed.latencyMs ?? 0)], {BENCH_KEY: key});
	const stop = async (): Promise<void> => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = once(child, 'exit');
		child.kill('SIGTERM');
		await exited;
	};
	try {
		const url = (await firstLine(child)).replace(/^ready /, '');
		return {url, stop};
	} catch (error) {
		await stop();
		throw error;
	}
}
