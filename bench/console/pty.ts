import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {plain} from './streams.js';

/**
 * The compiled CLI in a real pseudo-terminal (util-linux `script`, 160×45), production React, colour on. Output is
 * collected with arrival times so "first frame" and "key answered" are measured from outside the process.
 */
export class PtyRun {
	readonly started = performance.now();
	private output = '';
	private readonly child: ChildProcess;
	private readonly exited: Promise<unknown>;
	/** Why the pseudo-terminal could not be started, if it could not. */
	private failure?: string;
	/** When output last arrived (performance.now()). */
	lastOutputAt = 0;

	constructor(cli: string, args: readonly string[], env: NodeJS.ProcessEnv) {
		const quoted = [process.execPath, cli, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
		this.child = spawn('script', ['-qfc', `stty cols 160 rows 45; exec ${quoted}`, '/dev/null'], {
			env: {...process.env, NODE_ENV: 'production', TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, ...env},
			// script's own notes ('Session terminated') go nowhere; the console's output is all on the pty.
			stdio: ['pipe', 'pipe', 'ignore'],
			detached: true,
		});
		this.exited = once(this.child, 'exit').catch(() => undefined);
		this.child.on('error', (error) => {
			this.failure = `bench: could not start the console under util-linux script (${error.message}); install it (apt-get install util-linux)`;
		});
		this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			this.output += chunk;
			this.lastOutputAt = performance.now();
		});
	}

	/** Everything shown so far, escapes removed. */
	text(): string {
		return plain(this.output);
	}

	/** Waits (bounded, polling) until the output matches; returns the time of the output that made it match. */
	async waitFor(pattern: RegExp | (() => boolean), what: string, timeoutMs = 60_000): Promise<number> {
		const deadline = performance.now() + timeoutMs;
		const done = typeof pattern === 'function' ? pattern : () => pattern.test(this.text());
		while (!done()) {
			if (this.failure) throw new Error(this.failure);
			if (performance.now() > deadline || this.child.exitCode !== null) throw new Error(`bench: the console never showed ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		return this.lastOutputAt;
	}

	/** Types into the terminal; returns when it was sent. */
	type(keys: string): number {
		this.child.stdin!.write(keys);
		return performance.now();
	}

	/** Peak resident memory of the console process (the child `script` runs), from /proc; undefined off Linux. */
	peakRssMb(): number | undefined {
		try {
			const pid = this.child.pid!;
			const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
			const status = readFileSync(`/proc/${children[0]}/status`, 'utf8');
			const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
			return kb === undefined ? undefined : Number(kb) / 1024;
		} catch {
			return undefined;
		}
	}

	/** Ends the run (terminal closed: the process group is signalled) and waits for it. */
	async stop(): Promise<void> {
		if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) process.kill(-this.child.pid, 'SIGTERM');
		await this.exited;
	}
}
