import {canonicalJson} from '../../../core/canonical.js';
import {isJsonObject, type JsonValue} from '../../../core/json.js';
import {normalize, type NormalizeOptions} from '../../../core/normalize.js';
import {formatPath, parsePath, wildcard, type Segment} from '../../../core/paths.js';
import type {PlanStep} from '../../../core/plan.js';
import {safeText} from '../../../core/safe-text.js';
import {maskPrefix, maskSecrets} from '../../../core/secrets.js';

/**
 * One field a step changes, the Terraform way: `before` is what the target holds now (`-`), `after` what it will hold
 * once the plan is applied (`+`). A side is absent when the field is not there on it (a create has only `after`).
 * Values are compact JSON with secrets masked and made safe for the terminal.
 */
export interface FieldChange {
	readonly path: string;
	readonly before?: string;
	readonly after?: string;
}

/** How a value reads on one line: compact JSON, a masked secret as its mask (not a quoted string), always safe text. */
function show(value: JsonValue): string {
	if (typeof value === 'string' && value.startsWith(maskPrefix)) return safeText(value);
	return safeText(typeof value === 'object' && value !== null ? canonicalJson(value) : JSON.stringify(value));
}

function lookup(value: JsonValue | undefined, path: readonly Segment[]): JsonValue | undefined {
	let current = value;
	for (const segment of path) {
		if (current === undefined) return undefined;
		if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
		else current = isJsonObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
	}
	return current;
}

/** Every leaf of a value with its path, in canonical (sorted key) order: what a created or deleted item holds. */
function leaves(value: JsonValue, path: Segment[], out: {path: string; value: JsonValue}[]): void {
	const container = Array.isArray(value) ? value.length > 0 : isJsonObject(value) && Object.keys(value).length > 0;
	if (!container) {
		out.push({path: path.length === 0 ? '(whole item)' : formatPath(path), value});
		return;
	}
	if (Array.isArray(value)) {
		value.forEach((inner, index) => leaves(inner, [...path, index], out));
		return;
	}
	for (const key of Object.keys(value as object).sort()) leaves((value as Record<string, JsonValue>)[key]!, [...path, key], out);
}

/** A changed path in segments; undefined for `(whole item)` or a path the notation cannot read back. */
function segments(path: string): Segment[] | undefined {
	if (path === '(whole item)') return [];
	try {
		const parsed = parsePath(path);
		return parsed.some((segment) => segment === wildcard) ? undefined : (parsed as Segment[]);
	} catch {
		return undefined;
	}
}

/**
 * What one plan step changes, field by field, from the normalised and masked `before` (the target now) and `after`
 * (the target after the apply): for an update each changed path with its old and new value, for a create every field
 * it will hold (`+` only), for a delete every field it holds now (`-` only), for a skip nothing. `options` are the
 * comparison's (its `ignore` paths), so exactly the fields the plan counted are shown.
 */
export function stepChanges(step: PlanStep, options: NormalizeOptions = {}): FieldChange[] {
	if (step.action === 'skip') return [];
	const side = (item: PlanStep['before']) => (item ? normalize(item, {ignore: options.ignore, hidden: 'none'}).value : undefined);
	const masked = maskSecrets(side(step.before), side(step.after));
	const before = step.before ? masked.left : undefined;
	const after = step.after ? masked.right : undefined;
	if (step.action === 'create' || step.action === 'delete') {
		const value = step.action === 'create' ? after : before;
		if (value === undefined) return [];
		const out: {path: string; value: JsonValue}[] = [];
		leaves(value, [], out);
		return out.map((leaf) => (step.action === 'create'
			? {path: safeText(leaf.path), after: show(leaf.value)}
			: {path: safeText(leaf.path), before: show(leaf.value)}));
	}
	return step.changes.map((path) => {
		const at = segments(path);
		const old = at && lookup(before, at);
		const now = at && lookup(after, at);
		return {
			path: safeText(path),
			...(old === undefined ? {} : {before: show(old)}),
			...(now === undefined ? {} : {after: show(now)}),
		};
	});
}
