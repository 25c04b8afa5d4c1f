import {isJsonObject, type JsonValue} from './json.js';
import {formatPath, type Segment} from './paths.js';

/**
 * Field paths (product.md §5 notation) where two normalised values differ, in document order, deepest useful level:
 * object keys are followed into; arrays of equal length are compared element by element; an array whose length
 * changed is reported once as a whole, because an insertion would otherwise mark every later index as changed.
 */
export function changedPaths(left: JsonValue | undefined, right: JsonValue | undefined): string[] {
	const found: Segment[][] = [];
	walk(left, right, [], found);
	// Walked in key order of the values, sorted once at the end: far cheaper than sorting the keys of every object.
	return found.sort(comparePaths).map((path) => (path.length === 0 ? '(whole item)' : formatPath(path)));
}

/** Document order: keys by code unit (as `Array.prototype.sort`), indexes by number, a parent before its children. */
function comparePaths(a: readonly Segment[], b: readonly Segment[]): number {
	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x === y) continue;
		if (typeof x === 'number' && typeof y === 'number') return x - y;
		return String(x) < String(y) ? -1 : 1;
	}
	return a.length - b.length;
}

/** Deep equality for JSON values (key order ignored). */
export function jsonEqual(left: JsonValue | undefined, right: JsonValue | undefined): boolean {
	if (left === right) return true;
	if (left === undefined || right === undefined || left === null || right === null) return false;
	if (Array.isArray(left)) {
		if (!Array.isArray(right) || left.length !== right.length) return false;
		for (let i = 0; i < left.length; i++) if (!jsonEqual(left[i], right[i])) return false;
		return true;
	}
	if (isJsonObject(left)) {
		if (!isJsonObject(right)) return false;
		const keys = Object.keys(left);
		if (keys.length !== Object.keys(right).length) return false;
		for (const key of keys) if (!Object.hasOwn(right, key) || !jsonEqual(left[key], right[key])) return false;
		return true;
	}
	return false;
}

function walk(left: JsonValue | undefined, right: JsonValue | undefined, path: Segment[], out: Segment[][]): void {
	if (left === right) return;
	if (isJsonObject(left) && isJsonObject(right)) {
		for (const key of Object.keys(left)) {
			path.push(key);
			walk(left[key], Object.hasOwn(right, key) ? right[key] : undefined, path, out);
			path.pop();
		}
		for (const key of Object.keys(right)) {
			if (Object.hasOwn(left, key)) continue;
			path.push(key);
			walk(undefined, right[key], path, out);
			path.pop();
		}
		return;
	}
	if (Array.isArray(left) && Array.isArray(right) && left.length === right.length) {
		for (let i = 0; i < left.length; i++) {
			path.push(i);
			walk(left[i], right[i], path, out);
			path.pop();
		}
		return;
	}
	if (!jsonEqual(left, right)) out.push([...path]);
}
