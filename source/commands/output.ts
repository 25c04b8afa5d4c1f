/** Whether to colour a stream: never with NO_COLOR or --no-color, always with FORCE_COLOR, else only on a TTY. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
	if (flag === false || (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')) return false;
	if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0') return true;
	return stream.isTTY === true;
}

const codes = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1} as const;
export type Paint = Record<keyof typeof codes, (text: string) => string>;

/** ANSI painters that become identity functions when colour is off. */
export function painter(enabled: boolean): Paint {
	const make = (code: number) => (text: string) => (enabled ? `\u001B[${code}m${text}\u001B[${code === 1 ? 22 : 39}m` : text);
	return Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, make(code)])) as Paint;
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

/**
 * Makes control characters visible (`\u001b`), keeping newlines, tabs and (when colour is on) the colour codes `painter` emits. IDs and
 * names come from Dashboards and files: printed raw, an escape sequence in one could rewrite the user's terminal
 * (move the cursor, retitle the window, hide lines) or a carriage return could overwrite a warning.
 */
export function escapeControl(text: string, keepColour = false): string {
	const visible = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
	return text.replace(/\u001B\[\d+m|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (match) =>
		match.length === 1 ? visible(match) : keepColour ? match : visible(match[0]!) + match.slice(1));
}

/** The process's output, honouring `--json` and the colour rules. */
export function processOutput(options: {json?: boolean; color?: boolean}): Output {
	const colour = !options.json && useColor(process.stdout, options.color);
	const paint = painter(colour);
	return {
		json: options.json === true,
		paint,
		out: (line = '') => process.stdout.write(`${escapeControl(line, colour)}\n`),
		log: (line) => process.stderr.write(`${escapeControl(line, colour)}\n`),
		data: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
	};
}
