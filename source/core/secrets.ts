import {setOwn} from './canonical.js';
import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import {formatPath, type Segment} from './paths.js';
import {isSecretField, urlPassword} from './secret-rules.js';

export {isCredentialHeader, isCredentialKeyName, isSecretField, isSecretKeyName, isSecretPath, keyWords, urlPassword} from './secret-rules.js';

/** The bullet run every masked value starts with, so screens and tests can recognise a masked value. */
export const maskPrefix = '••••••';

/**
 * The displayed stand-in for a secret: its length and whether it differs from the other side, never its text.
 * Length is counted in code points so a secret's bytes cannot be inferred from it either way.
 */
export function maskValue(value: string | number, changed: boolean): string {
	const length = [...String(value)].length;
	return `${maskPrefix} (${length} chars${changed ? ', changed' : ''})`;
}

/** Result of masking one pair of normalised values. */
export interface MaskedPair {
	readonly left?: JsonValue;
	readonly right?: JsonValue;
	/** Paths (product.md §5 notation) that were masked on either side, for "n secrets hidden" hints. */
	readonly masked: readonly string[];
}

function lookup(value: JsonValue | undefined, segment: Segment): JsonValue | undefined {
	if (value === undefined) return undefined;
	if (typeof segment === 'number') return Array.isArray(value) ? value[segment] : undefined;
	return isJsonObject(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
}

/**
 * A URL with its password replaced by the mask (the rest of it is configuration worth seeing), or undefined when the
 * value is not such a URL.
 */
function maskUrlPassword(value: string, other: JsonValue | undefined, hasOther: boolean): string | undefined {
	const place = urlPassword(value);
	if (!place) return undefined;
	const password = value.slice(place.start, place.end);
	const otherPlace = urlPassword(other ?? null);
	const otherPassword = otherPlace && typeof other === 'string' ? other.slice(otherPlace.start, otherPlace.end) : undefined;
	return value.slice(0, place.start) + maskValue(password, hasOther && otherPassword !== password) + value.slice(place.end);
}

function maskWalk(
	value: JsonValue, other: JsonValue | undefined, hasOther: boolean, path: Segment[], masked: Set<string>, container?: JsonValue,
): JsonValue {
	if (Array.isArray(value)) {
		const out: JsonValue[] = [];
		for (let i = 0; i < value.length; i++) {
			path.push(i);
			out.push(maskWalk(value[i]!, lookup(other, i), hasOther, path, masked, value));
			path.pop();
		}
		return out;
	}
	if (isJsonObject(value)) {
		const out: JsonObject = {};
		for (const key of Object.keys(value)) {
			path.push(key);
			setOwn(out, key, maskWalk(value[key]!, lookup(other, key), hasOther, path, masked, value));
			path.pop();
		}
		return out;
	}
	if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
		if (isSecretField(path, value, container)) {
			masked.add(formatPath(path));
			return (typeof value === 'string' ? maskUrlPassword(value, other, hasOther) : undefined) ?? maskValue(value, hasOther && other !== value);
		}
	}
	return value;
}

/**
 * Masks the secrets of two versions of one item (body shape, usually normalised) for display or JSON output.
 * Each side is masked on its own rules; "changed" compares against the other side's value at the same path,
 * so a rotated password shows up as changed without either value appearing. Empty strings stay visible:
 * "no secret set" is configuration, not a secret. Pass one side only for one-sided items.
 */
export function maskSecrets(left?: JsonValue, right?: JsonValue): MaskedPair {
	const masked = new Set<string>();
	const hasLeft = left !== undefined;
	const hasRight = right !== undefined;
	const outLeft = hasLeft ? maskWalk(left, right, hasRight, [], masked) : undefined;
	const outRight = hasRight ? maskWalk(right, left, hasLeft, [], masked) : undefined;
	return {left: outLeft, right: outRight, masked: [...masked].sort()};
}

/**
 * Masks the secrets inside a value found at `base` within an item body (e.g. a hidden field's value),
 * for the places that show a value with no counterpart.
 */
export function maskAt(base: readonly Segment[], value: JsonValue): JsonValue {
	return maskWalk(value, undefined, false, [...base], new Set());
}

/**
 * The paths of the secrets a value holds (non-empty strings and numbers the masking rules hide), without building a
 * masked copy: a dump lists them for every item it writes, so it walks once and allocates only the paths it finds.
 */
export function secretPaths(value: JsonValue): string[] {
	const found: string[] = [];
	const path: Segment[] = [];
	const walk = (current: JsonValue, container?: JsonValue): void => {
		if (Array.isArray(current)) {
			for (let i = 0; i < current.length; i++) {
				path.push(i);
				walk(current[i]!, current);
				path.pop();
			}
		} else if (isJsonObject(current)) {
			for (const key of Object.keys(current)) {
				path.push(key);
				walk(current[key]!, current);
				path.pop();
			}
		} else if (((typeof current === 'string' && current !== '') || typeof current === 'number') && isSecretField(path, current, container)) {
			found.push(formatPath(path));
		}
	};
	walk(value);
	return found;
}
