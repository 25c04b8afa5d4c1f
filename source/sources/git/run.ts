import {spawn} from 'node:child_process';
import {Readable} from 'node:stream';

/** A git command failed; the message says which command, where, and git's own reason (credentials redacted). */
export class GitError extends Error {
	readonly code: number | null;
	readonly stderr: string;
	constructor(message: string, code: number | null, stderr: string) {
		super(message);
		this.name = 'GitError';
		this.code = code;
		this.stderr = stderr;
	}
}

export interface GitResult {
	readonly code: number | null;
	readonly stdout: Buffer;
	readonly stderr: string;
}

export interface GitOptions {
	/** Extra environment (e.g. `GIT_INDEX_FILE`, author identity); merged over the safe defaults. */
	readonly env?: Readonly<Record<string, string>>;
	/**
	 * Bytes for stdin; stdin is closed either way so git can never wait for a prompt. An iterable is written piece by
	 * piece as git reads it (a pack of 25,000 files streams instead of being joined into one string first).
	 */
	readonly input?: string | Buffer | Iterable<string | Buffer>;
}

/**
 * Remote URLs can carry tokens (`https://user:token@host`); git echoes them in errors, and secrets must never reach
 * output, so every message from git passes through here.
 */
export function redactCredentials(text: string): string {
	return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

/**
 * Environment every git child gets: no terminal prompts (a hidden prompt would hang the console), C locale so
 * messages are stable, and literal pathspecs so a file named `*.json` means exactly that file.
 */
export function gitEnv(extra?: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
	return {
		...process.env,
		GIT_TERMINAL_PROMPT: '0',
		GIT_LITERAL_PATHSPECS: '1',
		LC_ALL: 'C',
		GIT_OPTIONAL_LOCKS: '0',
		...extra,
	};
}

/**
 * Runs one git command with an argument array (never a shell) and collects its output; resolves whatever the exit
 * code is, so callers decide which failures are expected (e.g. "ref absent").
 */
export async function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
	const child = spawn('git', args, {cwd, env: gitEnv(options.env), stdio: ['pipe', 'pipe', 'pipe']});
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
	child.stdin.on('error', () => {
		// git may exit before reading all input (e.g. on a bad argument); the exit code tells the story.
	});
	const input = options.input ?? '';
	if (typeof input === 'string' || Buffer.isBuffer(input)) child.stdin.end(input);
	else Readable.from(input).pipe(child.stdin);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', (error: NodeJS.ErrnoException) => {
			reject(new GitError(error.code === 'ENOENT' ? 'git is not installed or not on PATH' : `cannot run git: ${error.message}`, null, ''));
		});
		child.on('close', resolve);
	});
	return {code, stdout: Buffer.concat(out), stderr: redactCredentials(Buffer.concat(err).toString('utf8'))};
}

/** Like `runGit`, but a non-zero exit becomes a `GitError` naming the command and the repository. */
export async function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
	const result = await runGit(cwd, args, options);
	if (result.code !== 0) {
		// git's own reason is its `fatal:` / `error:` line; the advice after it (e.g. under a held index.lock) can run
		// longer than three lines, and keeping only the tail lost the reason itself.
		const lines = result.stderr.trim().split('\n').filter((line) => line.trim() !== '');
		const errors = lines.filter((line) => /^(fatal|error):/.test(line));
		const reason = (errors.length > 0 ? errors.slice(-3) : lines.slice(-3)).join(' ') || `exit code ${String(result.code)}`;
		throw new GitError(`git ${args[0] ?? ''} failed in ${cwd}: ${reason}`, result.code, result.stderr);
	}
	return result.stdout.toString('utf8');
}
