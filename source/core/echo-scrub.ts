import type {JsonValue} from './json.js';
import type {Segment} from './paths.js';
import {isSecretField, maskPrefix} from './secrets.js';

/** Shorter secrets are left alone: replacing "1" or "ab" everywhere would garble the message and hide nothing. */
const minimumSecretLength = 4;

/** Shorter plain values are left alone: "true", "GET" or "/v1" would garble the message and reveal nothing. */
const minimumValueLength = 8;

/** What an echoed plain value becomes: its place stays visible, its content is not ours to print. */
export const echoMark = '…';

/**
 * Keys whose values name the item, which the output prints beside the error anyway (and which make up the request
 * path the error names, `PUT /api/apis/<id>`): scrubbing them would only hide which request failed.
 */
const identityKeys = new Set(['id', '_id', 'api_id', 'dbId']);

interface Found {
	readonly secrets: Set<string>;
	readonly values: Set<string>;
}

function collect(value: JsonValue, path: Segment[], found: Found): void {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => {
			path.push(index);
			collect(entry, path, found);
			path.pop();
		});
	} else if (typeof value === 'object' && value !== null) {
		for (const [key, entry] of Object.entries(value)) {
			path.push(key);
			collect(entry, path, found);
			path.pop();
		}
	} else if ((typeof value === 'string' || typeof value === 'number') && isSecretField(path, value)) {
		const text = String(value);
		if (text.length >= minimumSecretLength) found.secrets.add(text);
	} else if (typeof value === 'string' && value.length >= minimumValueLength && !identityKeys.has(String(path.at(-1)))) {
		found.values.add(value);
	}
}

/** A value as it appears raw and as echoed inside a JSON string (quotes, backslashes and controls escaped). */
function forms(value: string): string[] {
	const escaped = JSON.stringify(value).slice(1, -1);
	return escaped === value ? [value] : [value, escaped];
}

/**
 * A text cut by `boundText` may end in the first characters of a value (a secret cut in half is still half a
 * secret): that tail goes too.
 */
function scrubCutTail(text: string, replacements: ReadonlyArray<readonly [string, string]>): string {
	const cut = /… \(\d+ characters more\)/.exec(text);
	if (!cut) return text;
	const head = text.slice(0, cut.index);
	let best: {at: number; mark: string} | undefined;
	for (const [value, mark] of replacements) {
		const start = Math.max(0, head.length - (value.length - 1));
		const opening = value.slice(0, 3);
		// The earliest place where the rest of the head is a beginning of the value: the longest cut tail.
		for (let at = head.indexOf(opening, start); at !== -1 && at <= head.length - 3; at = head.indexOf(opening, at + 1)) {
			if (value.startsWith(head.slice(at))) {
				if (!best || at < best.at) best = {at, mark};
				break;
			}
		}
	}
	return best ? `${head.slice(0, best.at)}${best.mark}${text.slice(cut.index)}` : text;
}

/**
 * Scrubs a message of the item bodies being written (the step's new and old body). A Dashboard or a proxy may echo
 * the submitted definition in a validation error, and that text goes to the terminal, the JSON results, the journal
 * and the audit log: secret values (by the rules that mask diffs) become the mask, and every other string value of
 * 8 characters or more becomes `…`, since an echoed definition is not ours to print; IDs are kept. Also catches the
 * values as escaped inside a JSON string and a value cut in half where the text was bounded (`boundText`).
 */
export function scrubEchoes(text: string, bodies: ReadonlyArray<JsonValue | undefined>): string {
	const found: Found = {secrets: new Set(), values: new Set()};
	for (const body of bodies) if (body !== undefined) collect(body, [], found);
	const replacements: Array<readonly [string, string]> = [
		...[...found.secrets].flatMap((secret) => forms(secret).map((form) => [form, maskPrefix] as const)),
		...[...found.values].filter((value) => !found.secrets.has(value)).flatMap((value) => forms(value).map((form) => [form, echoMark] as const)),
	];
	// Longest first, so a value that contains another (or a secret) is replaced whole.
	replacements.sort((a, b) => b[0].length - a[0].length);
	let scrubbed = text;
	for (const [value, mark] of replacements) if (scrubbed.includes(value)) scrubbed = scrubbed.split(value).join(mark);
	return scrubCutTail(scrubbed, replacements);
}
