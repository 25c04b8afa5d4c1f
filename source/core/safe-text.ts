/**
 * What must never reach a terminal raw: C0 controls (ESC starts every CSI/OSC sequence; CR and LF can forge or
 * overwrite a line; BEL ends an OSC title), DEL, C1 controls (U+009B is a one-character CSI, U+009D an OSC), the line
 * and paragraph separators, and the bidi controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
 * LRM/RLM/ALM) that make text read in another order than it is stored ("Trojan Source").
 */
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const anyUnsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** The same, newline excepted, for multi-line texts. */
const unsafeInLines = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function visible(char: string): string {
	return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * A string from outside (a Dashboard, Git, a file, the config) made safe to print: every character above becomes
 * visible `\u001b`-style text, so an escape sequence in an API name or a server message is read, not obeyed, and a
 * newline inside one message can never start a line of its own. One function for the console and the CLI alike;
 * the text stays whole and readable (nothing is dropped), and a string without such characters comes back as is.
 */
export function safeText(text: string): string {
	return anyUnsafe.test(text) ? text.replace(unsafe, visible) : text;
}

/**
 * A multi-line text (a definition's JSON, one diff row per line) made safe line by line: its own newlines stay, every
 * other character `safeText` escapes is shown. JSON escapes C0 controls itself, but not C1 controls or bidi overrides.
 */
export function safeLines(text: string): string {
	return !unsafeInLines.test(text) ? text : text.split('\n').map(safeText).join('\n');
}

/** Whether a string would print as is (nothing for `safeText` to escape). */
export function isSafeText(text: string): boolean {
	return !anyUnsafe.test(text);
}

/** How much of a text from a server (an error `Message`, a quoted body) is kept in errors, output and logs. */
export const serverTextLimit = 300;

/**
 * A server's text cut to `limit` characters, ending with `… (N characters more)` when cut. A Dashboard may echo a
 * whole definition (megabytes) in a validation message; it would flood the terminal, the JSON results and the audit
 * log. Never cuts a surrogate pair in half.
 */
export function boundText(text: string, limit = serverTextLimit): string {
	if (text.length <= limit) return text;
	let end = limit;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xD800 && last <= 0xDBFF) end -= 1;
	return `${text.slice(0, end)}… (${text.length - end} characters more)`;
}
