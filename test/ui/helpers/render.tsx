import {render} from 'ink-testing-library';
import {App} from '../../../source/ui/app.js';
import type {ConsoleServices} from '../../../source/engine/services.js';

/** Escape sequences for the keys tests type. */
export const keys = {
	up: '\u001B[A', down: '\u001B[B', enter: '\r', esc: '\u001B', pageDown: '\u001B[6~', pageUp: '\u001B[5~',
	tab: '\t', backspace: '\u007F',
} as const;

const tick = (ms = 25) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A rendered <App/> with helpers to type keys and wait for a frame, as ink-testing-library 4 needs. */
export interface Rendered {
	frame(): string;
	press(...input: string[]): Promise<void>;
	/** Waits (by polling a bounded number of frames) until the frame contains `text`; throws with the last frame if not. */
	waitFor(text: string | RegExp): Promise<string>;
	unmount(): void;
	rerender(size: {width: number; height: number}): void;
}

/** Renders the whole app at a fixed size; screens are reached by typing keys, like a user would. */
export async function renderApp(
	services: ConsoleServices,
	options: {width?: number; height?: number; initialEnvironment?: string; color?: boolean} = {},
): Promise<Rendered> {
	const make = (width: number, height: number) => (
		<App services={services} width={width} height={height} initialEnvironment={options.initialEnvironment} color={options.color ?? false} />
	);
	const instance = render(make(options.width ?? 120, options.height ?? 30));
	await tick();
	const frame = () => instance.lastFrame() ?? '';
	return {
		frame,
		async press(...input: string[]) {
			for (const chunk of input) {
				// Ink subscribes input handlers in effects, a moment after a frame shows: wait before and after a key.
				await tick(20);
				instance.stdin.write(chunk);
				await tick(20);
			}
		},
		async waitFor(text: string | RegExp) {
			// Bounded by time, not by polls: under a loaded CI machine a frame can take seconds to arrive.
			const deadline = Date.now() + 15_000;
			while (Date.now() < deadline) {
				const current = frame();
				if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current;
				await tick(10);
			}
			throw new Error(`Frame never showed ${String(text)}:\n${frame()}`);
		},
		unmount: () => instance.unmount(),
		rerender: ({width, height}) => instance.rerender(make(width, height)),
	};
}
