import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** Absolute path of the CLI entry in source form; tests run it through tsx so no build step is needed. */
export const cliPath = fileURLToPath(new URL('../../source/cli.tsx', import.meta.url));

/** tsx's loader as an absolute URL, so the CLI runs from any working directory (temp dirs in tests). */
export const tsxLoader = import.meta.resolve('tsx');

/** Node arguments that run the CLI from source: `[...cliArgs, 'diff', 'staging']`. */
export const cliArgs: readonly string[] = ['--import', tsxLoader, cliPath];

/** tsx reads tsconfig.json from the working directory; point it at ours so JSX compiles the same from any cwd. */
export const cliEnv: Readonly<Record<string, string>> = {
	TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
};

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
	const child = spawn(process.execPath, [...cliArgs, ...args], {
		cwd: options.cwd,
		env: {...process.env, NO_COLOR: '1', ...cliEnv, ...options.env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	child.stdin.end(options.input ?? '');
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearTimeout(timer);
	return {code, stdout, stderr};
}
