import {EventEmitter} from 'node:events';

/** A writable "terminal" that records everything written and can be resized, for runConsole and resize tests. */
export class FakeTerminal extends EventEmitter {
	isTTY = true;
	output = '';
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		this.output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const callback = rest.find((r): r is () => void => typeof r === 'function');
		callback?.();
		return true;
	};

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
