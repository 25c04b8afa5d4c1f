import {spawn} from 'node:child_process';
import type {EnvironmentConfig} from './types.js';

/**
 * A Dashboard key that could not be obtained. The message names the environment and where the key should have
 * come from (variable or command), never the key and never the command's output (it may hold the key).
 */
export class SecretError extends Error {
	constructor(readonly environment: string, message: string) {
		super(`environment "${environment}": ${message}`);
		this.name = 'SecretError';
	}
}

/** Options for resolving a key; tests pass their own environment map. */
export interface ResolveSecretOptions {
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Limit for `secretCommand` (default 10 s): a hung keychain prompt must not hang the tool. */
	readonly timeoutMs?: number;
}

const maxOutput = 64 * 1024;
const cache = new WeakMap<EnvironmentConfig, Promise<string>>();

/** How `runSecretProgram` runs: where, with which variables, for how long, and how its failures read. */
export interface SecretProgramOptions {
	readonly cwd: string;
	readonly env: ResolveSecretOptions['env'];
	readonly timeoutMs: number;
	/** The error for a failure; `message` never holds the program's output (it may hold the secret). */
	readonly fail: (message: string) => Error;
}

/**
 * Runs a program that prints a secret and resolves with the first line of its trimmed stdout: stderr discarded,
 * time-limited, its whole process group killed on timeout or overlong output.
 */
export function runSecretProgram(file: string, args: readonly string[], options: SecretProgramOptions): Promise<string> {
	const {cwd, env, timeoutMs} = options;
	return new Promise((resolve, reject) => {
		const fail = (message: string): void => reject(options.fail(message));
		const child = spawn(file, args, {
			cwd, env: {...env} as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'ignore'], detached: true,
		});
		const chunks: Buffer[] = [];
		let size = 0;
		let outcome: 'timeout' | 'too-long' | undefined;
		const killGroup = (): void => {
			try {
				if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// Already gone.
			}
		};
		const timer = setTimeout(() => {
			outcome = 'timeout';
			killGroup();
		}, timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxOutput) {
				outcome ??= 'too-long';
				killGroup();
			} else chunks.push(chunk);
		});
		child.on('error', (error: NodeJS.ErrnoException) => {
			clearTimeout(timer);
			fail(`could not be started (${error.code ?? 'error'})`);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (outcome === 'timeout') return fail(`timed out after ${timeoutMs} ms`);
			if (outcome === 'too-long') return fail(`printed more than ${maxOutput} bytes`);
			if (code !== 0) return fail(code === null ? `was killed by ${signal ?? 'a signal'}` : `failed (exit code ${code})`);
			const secret = (Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/)[0] ?? '').trim();
			if (secret === '') return fail('printed nothing on stdout');
			resolve(secret);
		});
	});
}

function runCommand(name: string, command: string, cwd: string, env: ResolveSecretOptions['env'], timeoutMs: number): Promise<string> {
	return runSecretProgram('/bin/sh', ['-c', command], {cwd, env, timeoutMs, fail: (message) => new SecretError(name, `secretCommand ${message}: ${command}`)});
}

async function resolveUncached(environment: EnvironmentConfig, options: ResolveSecretOptions): Promise<string> {
	const source = environment.secret;
	const env = options.env ?? process.env;
	if (source.type === 'env') {
		const value = env[source.variable];
		if (value === undefined) {
			throw new SecretError(environment.name, `the Dashboard key variable ${source.variable} is not set (secretEnv); export it and run again`);
		}
		if (value.trim() === '') throw new SecretError(environment.name, `the Dashboard key variable ${source.variable} is empty (secretEnv)`);
		return value.trim();
	}
	return runCommand(environment.name, source.command, source.cwd, env, options.timeoutMs ?? 10_000);
}

/**
 * The Dashboard key of one environment, obtained only when a request is about to be made, so an environment whose
 * vault is locked does not stop the others. From `secretEnv`, or from the first line of `secretCommand`'s trimmed
 * stdout (run with `/bin/sh -c` in the config file's directory, stderr discarded, time-limited). A successful
 * result is cached per environment object; a failure is not, so the user can fix it and retry.
 */
export function resolveSecret(environment: EnvironmentConfig, options: ResolveSecretOptions = {}): Promise<string> {
	const cached = cache.get(environment);
	if (cached) return cached;
	const pending = resolveUncached(environment, options);
	cache.set(environment, pending);
	pending.catch(() => cache.delete(environment));
	return pending;
}
