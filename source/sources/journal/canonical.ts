import {createHash} from 'node:crypto';
import {canonicalJson} from '../../core/canonical.js';
import type {JsonValue} from '../../core/json.js';

export {canonicalJson} from '../../core/canonical.js';

/** `sha256:<hex>` of the canonical JSON (core's one sorted-key form); null stays null (the item did not exist on that side). */
export function bodyHash(body: JsonValue | null | undefined): string | null {
	if (body === null || body === undefined) return null;
	return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}
