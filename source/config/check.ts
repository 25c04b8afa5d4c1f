import {closestKey} from './suggest.js';

/**
 * Collects validation problems with their key paths instead of throwing at the first one, so a user sees
 * everything wrong with a file at once. Each problem reads `<file>: <key path>: <what is wrong>`.
 */
export class Problems {
	readonly list: string[] = [];

	constructor(private readonly display: string) {}

	/** Records one problem at a key path (empty path: the file as a whole). */
	add(keyPath: string, message: string): void {
		this.list.push(keyPath ? `${this.display}: ${keyPath}: ${message}` : `${this.display}: ${message}`);
	}
}

/** Plain mapping (not an array, not null): what YAML and JSON objects become. */
export function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins key paths the way messages and product.md write them: `environments[1].tls.ca`. */
export function child(parent: string, key: string | number): string {
	if (typeof key === 'number') return `${parent}[${key}]`;
	return parent ? `${parent}.${key}` : key;
}

/** Rejects keys the schema does not know, with a "did you mean" when one is close: typos must not pass silently. */
export function checkKeys(
	problems: Problems, value: Record<string, unknown>, keyPath: string, allowed: readonly string[],
): void {
	for (const key of Object.keys(value)) {
		if (allowed.includes(key)) continue;
		const guess = closestKey(key, allowed);
		const hint = guess ? `did you mean "${guess}"?` : `known keys: ${allowed.join(', ')}`;
		problems.add(child(keyPath, key), `unknown key (${hint})`);
	}
}

/** A present value must be a non-empty string; absent stays undefined. */
export function optionalString(problems: Problems, value: unknown, keyPath: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') {
		problems.add(keyPath, `must be a string, not ${describe(value)}`);
		return undefined;
	}
	if (value.trim() === '') {
		problems.add(keyPath, 'must not be empty');
		return undefined;
	}
	return value;
}

/** A present value must be a boolean; YAML `yes`/`"true"` strings are rejected rather than guessed. */
export function optionalBoolean(problems: Problems, value: unknown, keyPath: string): boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') {
		problems.add(keyPath, `must be true or false, not ${describe(value)}`);
		return undefined;
	}
	return value;
}

/** A present value must be an integer within bounds. */
export function optionalInteger(
	problems: Problems, value: unknown, keyPath: string, min: number, max: number,
): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		problems.add(keyPath, `must be a whole number from ${min} to ${max}, not ${describe(value)}`);
		return undefined;
	}
	return value;
}

/** A present value must be a list of non-empty strings. */
export function optionalStringList(problems: Problems, value: unknown, keyPath: string): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) {
		problems.add(keyPath, `must be a list of strings, not ${describe(value)}`);
		return undefined;
	}
	const out: string[] = [];
	value.forEach((entry, index) => {
		if (typeof entry === 'string' && entry.trim() !== '') out.push(entry);
		else problems.add(child(keyPath, index), `must be a non-empty string, not ${describe(entry)}`);
	});
	return out;
}

/** A present value must be a mapping. */
export function optionalMapping(
	problems: Problems, value: unknown, keyPath: string,
): Record<string, unknown> | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isMapping(value)) {
		problems.add(keyPath, `must be a mapping of keys, not ${describe(value)}`);
		return undefined;
	}
	return value;
}

/** Short description of a wrong value for messages; strings are not quoted in full (they could be anything). */
export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'a string';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} ${String(value)}`;
}
