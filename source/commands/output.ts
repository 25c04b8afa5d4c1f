import {randomBytes} from 'node:crypto';
import {safeText} from '../core/safe-text.js';

/** Whether to colour a stream: never with NO_COLOR or --no-color, always with FORCE_COLOR, else only on a TTY. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
	if (flag === false || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')) return false;
	if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
	return stream.isTTY === true;
}

const codes = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1} as const;
export type Paint = Record<keyof typeof codes, (text: string) => string>;

/**
 * Painted text carries markers, not escape codes, until the line is printed: the line is made safe whole (outside
 * text in it may hold ESC[32m or a newline) and only then do our markers become colour codes. The markers hold a
 * random token of this process, which no Dashboard or file can know, so foreign text can never pass for our colour.
 */
const token = randomBytes(8).toString('hex');
const marker = (code: number) => `\uE000${token}${code}\uE001`;
const markers = new RegExp(`\uE000${token}(\\d+)\uE001`, 'g');

/** Colour painters (markers that `finishLine` turns into ANSI codes), or identity functions when colour is off. */
export function painter(enabled: boolean): Paint {
	const make = (code: number) => (text: string) => (enabled ? `${marker(code)}${text}${marker(code === 1 ? 22 : 39)}` : text);
	return Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, make(code)])) as Paint;
}

/**
 * One output line as the terminal gets it: every control character, escape sequence, newline and bidi control in it
 * shown as visible text (`safeText`: IDs, names and server messages come from outside, and printed raw an escape
 * sequence could retitle the window or a newline forge an "applied and verified" line), then our own colour markers
 * turned into ANSI codes (`colour`) or dropped.
 */
export function finishLine(line: string, colour: boolean): string {
	return safeText(line).replace(markers, (_match, code: string) => (colour ? `\u001B[${code}m` : ''));
}

/** Where a command writes: stdout for results (or JSON), stderr for logs and progress. */
export interface Output {
	readonly json: boolean;
	readonly paint: Paint;
	out(line?: string): void;
	log(line: string): void;
	/** Prints a JSON document on stdout. */
	data(value: unknown): void;
}

/** The process's output, honouring `--json` and the colour rules. */
export function processOutput(options: {json?: boolean; color?: boolean}): Output {
	const colour = !options.json && useColor(process.stdout, options.color);
	const paint = painter(colour);
	return {
		json: options.json === true,
		paint,
		out: (line = '') => process.stdout.write(`${finishLine(line, colour)}\n`),
		log: (line) => process.stderr.write(`${finishLine(line, colour)}\n`),
		data: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
	};
}
