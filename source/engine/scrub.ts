import type {JsonValue} from '../core/json.js';
import {scrubEchoes} from '../core/echo-scrub.js';

/**
 * Scrubs an error text of the step's bodies before it becomes a result (terminal, JSON, journal, audit): secrets
 * masked, every other string value of 8+ characters replaced by `…` (see `scrubEchoes`). The Dashboard client
 * already scrubbed its errors of the payload it sent; this also covers texts built around them.
 */
export function scrubSecrets(text: string, bodies: ReadonlyArray<JsonValue | undefined>): string {
	return scrubEchoes(text, bodies);
}
