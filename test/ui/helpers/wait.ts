/** Something that calls its listeners whenever what a test waits on may have changed (a frame was written). */
export interface Signal {
	subscribe(listener: () => void): () => void;
}

/** A Signal to fire by hand, e.g. from a wrapped `write`. */
export class Notifier implements Signal {
	private readonly listeners = new Set<() => void>();

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	notify(): void {
		for (const listener of [...this.listeners]) listener();
	}
}

/** How long a wait may take before the test fails: generous, since a loaded CI machine can take seconds per frame. */
export const waitLimit = 15_000;

/**
 * Resolves as soon as `check` returns something other than undefined, checking now and on every signal; never sleeps.
 * After `timeout` ms it rejects with `describe()` (the last frame), so a failed wait says what was on the screen.
 */
export function waitUntil<T>(signal: Signal, check: () => T | undefined, describe: () => string, timeout = waitLimit): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let unsubscribe = () => {};
		const timer = setTimeout(() => {
			unsubscribe();
			reject(new Error(describe()));
		}, timeout);
		const attempt = () => {
			const value = check();
			if (value === undefined) return;
			clearTimeout(timer);
			unsubscribe();
			resolve(value);
		};
		unsubscribe = signal.subscribe(attempt);
		attempt();
	});
}
