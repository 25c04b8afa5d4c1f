import {parseDocument} from 'yaml';
import type {OverlaySet} from '../../core/overlay.js';

/** The overlay item name for an item key (`api:4f1c` → `api/4f1c`), as the file writes it. */
export function overlayItemName(key: string): string {
	const at = key.indexOf(':');
	return `${key.slice(0, at)}/${key.slice(at + 1)}`;
}

/**
 * The overlay file with new values for fields it sets (a dump's hotfixes), edited in place so its comments, order and
 * the other entries stay as the team wrote them.
 */
export function overlayTextWith(text: string, hotfixes: ReadonlyMap<string, readonly OverlaySet[]>): string {
	const document = parseDocument(text);
	for (const [key, fields] of hotfixes) {
		for (const field of fields) document.setIn(['set', overlayItemName(key), field.text], field.value);
	}
	return document.toString({flowCollectionPadding: false});
}
