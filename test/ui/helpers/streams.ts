import {EventEmitter} from 'node:events';
import {Notifier, waitUntil} from './wait.js';

/** A writable "terminal" that records everything written and can be resized, for runConsole and resize tests. */
export class FakeTerminal extends EventEmitter {
	isTTY = true;
	output = '';
	private readonly written = new Notifier();
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		this.output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const callback = rest.find((r): r is () => void => typeof r === 'function');
		callback?.();
		this.written.notify();
		return true;
	};

	/** Waits (without sleeping: re-checked on every write) until `check` passes; fails with the output after the limit. */
	async until(check: (output: string) => boolean, what: string): Promise<void> {
		await waitUntil(this.written, () => (check(this.output) ? true : undefined), () => `Never saw ${what}; the output ends:\n${this.output.slice(-2000)}`);
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

/** A TTY-like stdin Ink accepts (raw mode is a no-op); `type` delivers keys the way a terminal does. */
export class FakeKeyboard extends EventEmitter {
	isTTY = true;
	private pending: string[] = [];
	setRawMode(): this {
		return this;
	}
	setEncoding(): this {
		return this;
	}
	resume(): this {
		return this;
	}
	pause(): this {
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
	read(): string | null {
		return this.pending.shift() ?? null;
	}
	type(data: string): void {
		this.pending.push(data);
		this.emit('readable');
	}
}

/** Runs `body` with the process's stderr captured (and restored afterwards, whatever happens): its result and the writes. */
export async function capturingStderr<T>(body: () => Promise<T>): Promise<{value: T; stderr: string[]}> {
	const stderr: string[] = [];
	const write = process.stderr.write;
	process.stderr.write = ((chunk: string | Uint8Array) => {
		stderr.push(String(chunk));
		return true;
	}) as typeof process.stderr.write;
	try {
		return {value: await body(), stderr};
	} finally {
		process.stderr.write = write;
	}
}
