import {hashValue} from '../../core/content-hash.js';
import type {JsonValue} from '../../core/json.js';

export {canonicalJson} from '../../core/canonical.js';

/** `sha256:<hex>` of the canonical JSON (core's one content hash); null stays null (the item did not exist on that side). */
export function bodyHash(body: JsonValue | null | undefined): string | null {
	return hashValue(body);
}
