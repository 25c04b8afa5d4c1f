import {compareItems, type CompareOptions} from '../../../core/compare.js';
import type {Item} from '../../../core/item.js';
import {normalizedText} from '../../../core/normalize.js';
import {maskSecrets} from '../../../core/secrets.js';

/** The two texts a diff shows, with what was left out of them. */
export interface DiffTexts {
	readonly left?: string;
	readonly right?: string;
	/** Server-managed / default fields normalisation removed (the larger side's count). */
	readonly hidden: number;
	/** Paths whose values are masked secrets. */
	readonly masked: number;
}

/**
 * Builds the texts for the Diff screen from the same core code (and the same `options`: the config's ignore paths)
 * the comparison used, so the list and the diff never disagree. With `showHidden`, the raw bodies are shown (keys
 * sorted, secrets still masked): nothing is left out.
 */
export function diffTexts(left: Item | undefined, right: Item | undefined, showHidden: boolean, options: CompareOptions = {}): DiffTexts {
	if (showHidden) {
		const masked = maskSecrets(left?.body, right?.body);
		return {
			left: masked.left === undefined ? undefined : normalizedText(masked.left),
			right: masked.right === undefined ? undefined : normalizedText(masked.right),
			hidden: 0, masked: masked.masked.length,
		};
	}
	const compared = compareItems(left, right, options);
	return {
		left: compared.leftText, right: compared.rightText,
		hidden: Math.max(compared.leftHidden.length, compared.rightHidden.length), masked: compared.masked.length,
	};
}
