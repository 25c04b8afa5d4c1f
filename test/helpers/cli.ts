import {spawn} from 'node:child_process';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Absolute path of the bundled CLI, the file the package publishes. End-to-end tests run it rather than the source
 * through tsx: tsx compiles ~100 modules on every start (about a second on a busy 2-core machine, and the suite starts
 * the binary hundreds of times), the bundle loads in a fraction of that. `npm test` builds it first.
 */
export const cliPath = join(root, 'dist', 'cli.js');

/** The CLI entry in source form, for the one test about which source modules a command loads. */
export const sourceCliPath = join(root, 'source', 'cli.tsx');

/** tsx's loader as an absolute URL, so source runs from any working directory (temp dirs in tests). */
export const tsxLoader = import.meta.resolve('tsx');

/** What the bundle is built from: a change to any of these after the build makes it stale. */
const bundleInputs = [join(root, 'source'), join(root, 'package-lock.json'), join(root, 'scripts', 'react-devtools-stub.js')];

function newestInput(path: string): {path: string; mtimeMs: number} {
	const stat = statSync(path, {throwIfNoEntry: false});
	if (!stat) return {path, mtimeMs: 0};
	if (!stat.isDirectory()) return {path, mtimeMs: stat.mtimeMs};
	let newest = {path, mtimeMs: stat.mtimeMs};
	for (const name of readdirSync(path)) {
		const found = newestInput(join(path, name));
		if (found.mtimeMs > newest.mtimeMs) newest = found;
	}
	return newest;
}

/** Why dist/cli.js cannot be trusted (missing, or older than a source file), or undefined when it is current. */
export function staleBundle(): string | undefined {
	const built = statSync(cliPath, {throwIfNoEntry: false});
	if (!built) return `${cliPath} is missing: run npm run build (npm test does it first)`;
	let newest = {path: '', mtimeMs: 0};
	for (const input of bundleInputs) {
		const found = newestInput(input);
		if (found.mtimeMs > newest.mtimeMs) newest = found;
	}
	if (newest.mtimeMs > built.mtimeMs) {
		return `${cliPath} is older than ${newest.path.slice(root.length)}: run npm run build (npm test does it first), so the tests do not run a stale bundle`;
	}
	return undefined;
}

let checked = false;

/**
 * Node arguments that run the bundled CLI: `[...cliArgs(), 'diff', 'staging']`. Throws, telling to run
 * `npm run build`, when the bundle is missing or older than the source, so a developer running one test file never
 * tests yesterday's code. Checked once per test process.
 */
export function cliArgs(): readonly string[] {
	if (!checked) {
		const problem = staleBundle();
		if (problem) throw new Error(problem);
		checked = true;
	}
	return [cliPath];
}

export interface CliResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs the real binary as a child process, with no TTY, and collects its output. */
export async function runCli(
	args: readonly string[],
	options: {env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number} = {},
): Promise<CliResult> {
	const child = spawn(process.execPath, [...cliArgs(), ...args], {
		cwd: options.cwd,
		env: {...process.env, NO_COLOR: '1', ...options.env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	child.stdin.on('error', () => {}).end(options.input ?? '');
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearTimeout(timer);
	return {code, stdout, stderr};
}
