import type {ReactElement} from 'react';
import {render} from 'ink-testing-library';
import {App, type AppProps} from '../../../source/ui/app.js';
import {ClockContext, type Clock} from '../../../source/ui/components/age.js';
import type {ConsoleServices} from '../../../source/engine/services.js';
import {Notifier, waitUntil} from './wait.js';

/** Escape sequences for the keys tests type. */
export const keys = {
	up: '\u001B[A', down: '\u001B[B', enter: '\r', esc: '\u001B', pageDown: '\u001B[6~', pageUp: '\u001B[5~',
	tab: '\t', backspace: '\u007F',
} as const;

/** What a frame is expected to show: a substring, a pattern or a predicate. */
export type Expected = string | RegExp | ((frame: string) => boolean);

function matcher(expected: Expected): (frame: string) => boolean {
	if (typeof expected === 'string') return (frame) => frame.includes(expected);
	if (expected instanceof RegExp) return (frame) => expected.test(frame);
	return expected;
}

/** A rendered tree with helpers to type keys and wait for frames. */
export interface Watched {
	frame(): string;
	/**
	 * Types each argument as one chunk, as a terminal delivers it, and waits for the frame it produced (every key the
	 * console takes commits, so it draws at least one frame); returns the latest frame.
	 */
	press(...input: string[]): Promise<string>;
	/**
	 * Waits for a frame drawn since the last press began that shows `expected`, so it can never be satisfied by the
	 * screen as it was before the keys; fails with the last frame after the time limit. Returns the matching frame.
	 */
	waitFor(expected: Expected): Promise<string>;
	unmount(): void;
}

/** A rendered <App/>: the watched tree, and a resize. */
export interface Rendered extends Watched {
	rerender(size: {width: number; height: number}): void;
}

/** Renders any tree with ink-testing-library and watches the frames Ink writes (one whole frame per commit). */
export function renderWatched(tree: ReactElement): Watched & {readonly instance: ReturnType<typeof render>} {
	const written = new Notifier();
	const instance = render(tree);
	const write = instance.stdout.write;
	instance.stdout.write = (frame: string) => {
		write(frame);
		written.notify();
	};
	const frame = () => instance.lastFrame() ?? '';
	const count = () => instance.frames.length;
	let since = 0;
	const failure = (what: string) => () => `${what}; the last frame:\n${frame()}`;
	return {
		instance,
		frame,
		async press(...input: string[]) {
			since = count();
			for (const chunk of input) {
				let before = count();
				instance.stdin.write(chunk);
				if (chunk.endsWith('\u001B')) {
					// Ink holds a trailing Esc for one turn (it could start an escape sequence) and then delivers it; wait
					// for that, or a frame drawn meanwhile (a spinner) would end the wait and the next chunk would
					// arrive glued to the Esc as Alt+key. The Esc's own frame comes after this turn.
					await new Promise(setImmediate);
					before = count();
				}
				await waitUntil(written, () => (count() > before ? true : undefined), failure(`No frame after typing ${JSON.stringify(chunk)}`));
			}
			return frame();
		},
		waitFor(expected: Expected) {
			const matches = matcher(expected);
			return waitUntil(written, () => (count() > since && matches(frame()) ? frame() : undefined), failure(`Frame never showed ${String(expected)}`));
		},
		unmount: () => instance.unmount(),
	};
}

/** Renders the whole app at a fixed size; screens are reached by typing keys, like a user would. */
export function renderApp(
	services: ConsoleServices,
	options: {width?: number; height?: number; initialEnvironment?: string; color?: boolean; clock?: Clock} & Pick<AppProps, 'palette' | 'refreshSeconds' | 'programs'> = {},
): Rendered {
	const make = (width: number, height: number) => (
		<ClockContext.Provider value={options.clock ?? Date.now}><App
			services={services} width={width} height={height} initialEnvironment={options.initialEnvironment} color={options.color ?? false}
			palette={options.palette} refreshSeconds={options.refreshSeconds} programs={options.programs}
		/></ClockContext.Provider>
	);
	const {instance, ...watched} = renderWatched(make(options.width ?? 120, options.height ?? 30));
	return {...watched, rerender: ({width, height}) => instance.rerender(make(width, height))};
}
