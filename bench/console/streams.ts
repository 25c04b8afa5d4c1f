import {EventEmitter} from 'node:events';
import {performance} from 'node:perf_hooks';

/** Removes colour and cursor escapes, so frames can be searched as the text a user reads. */
export function plain(text: string): string {
	return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
}

/**
 * A terminal-sized stdout for Ink that keeps the last frame and when it was written: a key's time is measured up to
 * the write of the frame that shows its effect, i.e. with React's render and Ink's layout and output all done.
 */
export class Screen extends EventEmitter {
	readonly isTTY = true;
	frames = 0;
	lastFrame = '';
	lastFrameAt = 0;

	constructor(readonly columns: number, readonly rows: number) {
		super();
	}

	write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		// Every frame carries the breadcrumb; other writes (synchronised-output brackets, cursor moves) are not frames.
		if (text.includes('tyk-console')) {
			this.frames++;
			this.lastFrame = plain(text);
			this.lastFrameAt = performance.now();
		}
		rest.find((r): r is () => void => typeof r === 'function')?.();
		return true;
	};
}

/** Resolves after `ms` of wall time; used to let the UI go idle between keys, never as a measurement. */
export function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (bounded) until `check` holds, yielding to the event loop between checks. */
export async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!check()) {
		if (performance.now() > deadline) throw new Error(`bench: gave up waiting for ${what}`);
		await new Promise((resolve) => setImmediate(resolve));
	}
}
