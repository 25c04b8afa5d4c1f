import type {JsonValue} from '../core/json.js';
import type {Segment} from '../core/paths.js';
import {isSecretField, maskPrefix} from '../core/secrets.js';

/** Shorter values are left alone: replacing "1" or "ab" everywhere would garble the message and hide nothing. */
const minimumLength = 4;

function collect(value: JsonValue, path: Segment[], found: Set<string>): void {
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
		if (text.length >= minimumLength) found.add(text);
	}
}

/**
 * Replaces the secret values of the given item bodies (by the same rules that mask diffs) in a message. A Dashboard
 * or a proxy may echo the submitted definition in a validation error; that text goes to the terminal, the JSON
 * results, the journal and the audit log, where a definition's secrets must never appear (product.md §6).
 */
export function scrubSecrets(text: string, bodies: ReadonlyArray<JsonValue | undefined>): string {
	const found = new Set<string>();
	for (const body of bodies) if (body !== undefined) collect(body, [], found);
	// Longest first, so a secret that contains another is replaced whole; also as echoed inside a JSON string.
	let scrubbed = text;
	const forms = [...found].flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
	for (const secret of forms.sort((a, b) => b.length - a.length)) scrubbed = scrubbed.split(secret).join(maskPrefix);
	return scrubbed;
}
