import {performance} from 'node:perf_hooks';
import {render} from 'ink';
import type {Item} from '../../source/core/item.js';
import {App} from '../../source/ui/app.js';
import {MemoryServices} from './services.js';
import {FakeKeyboard as Keyboard} from '../../test/ui/helpers/streams.js';
import {pause, Screen, until} from './streams.js';

/** Key timings of the in-process run, in milliseconds. */
export interface KeyTimings {
	readonly items: number;
	readonly cursor: Timing[];
	readonly diffLines: number;
	readonly diffOpen: Timing;
	readonly pageDown: Timing[];
}

/**
 * One key: wall time until its frame was written, and the CPU time this process spent meanwhile. On a shared, busy
 * machine wall time includes waiting for a core; CPU time is the work itself, what an idle machine would take.
 */
export interface Timing {
	readonly wall: number;
	readonly cpu: number;
}

const pageDownKey = '\u001B[6~';
/** Longer than Ink's 30 fps throttle window, so each key is drawn on the leading edge, as a person typing sees it. */
const idleMs = 50;

/** The line the cursor is on (`›` first), to check a move really moved. */
function cursorLine(frame: string): string {
	return frame.split('\n').find((line) => line.startsWith('›')) ?? '';
}

/** The Diff screen's "row A-B of N" footer. */
function diffRows(frame: string): string {
	return /row \d+-\d+ of \d+/.exec(frame)?.[0] ?? '';
}

/**
 * Presses one key after the UI has gone idle and returns the time until the frame showing its effect was written
 * (`changed` compares the new frame with the one before the key).
 */
async function timeKey(screen: Screen, keyboard: Keyboard, key: string, changed: (before: string, after: string) => boolean): Promise<Timing> {
	await pause(idleMs);
	const before = screen.lastFrame;
	const cpuBefore = process.cpuUsage();
	const start = performance.now();
	keyboard.type(key);
	await until(() => screen.lastFrame !== before && changed(before, screen.lastFrame), `the frame after key ${JSON.stringify(key)}`);
	const cpu = process.cpuUsage(cpuBefore);
	return {wall: screen.lastFrameAt - start, cpu: (cpu.user + cpu.system) / 1000};
}

/**
 * Renders the real <App> (production React, colour on, 160×45) over `git`/`live` plus one huge API pair, then times
 * `moves` cursor moves in the Items screen (every status shown) and `pages` page-downs in the unfolded huge diff.
 */
export async function measureKeys(git: readonly Item[], live: readonly Item[], huge: {git: Item; live: Item; lines: number}, moves: number, pages: number): Promise<KeyTimings> {
	const services = new MemoryServices([...git, huge.git], [...live, huge.live]);
	const screen = new Screen(160, 45);
	const keyboard = new Keyboard();
	const instance = render(<App services={services} initialEnvironment="bench" color />, {
		stdout: screen as unknown as NodeJS.WriteStream, stdin: keyboard as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false,
	});
	try {
		const total = services.comparisons.length;
		await until(() => screen.lastFrame.includes(`of ${total} shown`), 'the Items screen');
		await timeKey(screen, keyboard, 'f', (_, after) => /status all/.test(after) || after.includes(`${total} of ${total} shown`));
		await until(() => screen.lastFrame.includes(`${total} of ${total} shown`), 'every item listed');
		const cursor: Timing[] = [];
		for (let i = 0; i < moves; i++) cursor.push(await timeKey(screen, keyboard, 'j', (before, after) => cursorLine(before) !== cursorLine(after)));

		keyboard.type('/');
		await pause(idleMs);
		keyboard.type(huge.git.name);
		await pause(idleMs);
		keyboard.type('\r');
		await until(() => screen.lastFrame.includes(`1 of ${total} shown`), 'the huge API filtered');
		const diffOpen = await timeKey(screen, keyboard, '\r', (_, after) => after.includes('Diff: Huge OAS API') && diffRows(after) !== '');
		await timeKey(screen, keyboard, 'z', (_, after) => after.includes('fold off'));
		const pageDown: Timing[] = [];
		for (let i = 0; i < pages; i++) pageDown.push(await timeKey(screen, keyboard, pageDownKey, (before, after) => diffRows(before) !== diffRows(after)));
		return {items: total, cursor, diffLines: huge.lines, diffOpen, pageDown};
	} finally {
		instance.unmount();
		instance.cleanup();
	}
}
