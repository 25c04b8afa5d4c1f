import {createHash} from 'node:crypto';
import type {Item} from '../../core/item.js';

/** Longest encoded ID kept in a file name; longer IDs are cut and get a hash suffix so names stay unique. */
export const maxEncodedIdLength = 100;

const plain = /^[A-Za-z0-9._-]$/;

/**
 * Makes an ID safe as part of a file name on any file system: ASCII letters, digits, `.`, `_` and `-` stay readable,
 * everything else (`/`, `\`, `:`, NUL, control characters, `%`, non-ASCII) is percent-encoded as UTF-8, so the name can
 * never contain a separator or escape the directory. Over-long IDs are cut (never inside an escape) and end with `~`
 * plus 16 hex of the SHA-256 of the full ID.
 */
export function safeIdForFileName(id: string): string {
	let encoded = '';
	for (const char of id) {
		encoded += plain.test(char) ? char : [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
	}
	if (encoded.length <= maxEncodedIdLength) return encoded;
	let cut = maxEncodedIdLength - 17;
	const lastPercent = encoded.lastIndexOf('%', cut - 1);
	if (lastPercent >= 0 && lastPercent > cut - 3) cut = lastPercent;
	return `${encoded.slice(0, cut)}~${hashId(id)}`;
}

/** Short stable hash of an ID, used to keep truncated or case-colliding names distinct. */
export function hashId(id: string): string {
	return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 16);
}

/** The prefix tyk-sync's dump uses for each kind of file. */
export function filePrefix(item: Pick<Item, 'kind' | 'flavor'>): string {
	if (item.kind === 'api') return item.flavor === 'oas' ? 'oas' : 'api';
	return item.kind === 'policy' ? 'policy' : 'asset';
}

/** The file name tyk-sync's dump would choose (`api-<id>.json`, `oas-<id>.json`, ...), made safe. */
export function defaultFileName(item: Pick<Item, 'kind' | 'flavor' | 'id'>): string {
	return `${filePrefix(item)}-${safeIdForFileName(item.id)}.json`;
}
