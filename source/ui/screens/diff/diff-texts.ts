import {comparisonDetail, type CompareOptions} from '../../../core/compare.js';
import {rawDetail} from '../../../core/pair-detail.js';
import {safeLines} from '../../../core/safe-text.js';
import {maskSecrets} from '../../../core/secrets.js';
import type {Comparison} from '../../../core/status.js';

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
 * The texts for the Diff screen: the comparison's own detail (normalised once, by core, and cached with the row, so
 * the list and the diff never disagree and re-renders never normalise again). `options` (the config's ignore paths)
 * serve only rows built without one. With `showHidden`, the raw bodies are shown (keys sorted, secrets still masked):
 * nothing is left out. Definitions come from outside: their lines are made safe here, the one place their texts
 * enter the screen (`safeLines`: a C1 control or a bidi override in a value is shown as `\u202e`).
 */
export function diffTexts(comparison: Comparison, showHidden: boolean, options: CompareOptions = {}): DiffTexts {
	const detail = showHidden ? rawDetail(comparison.left, comparison.right) : comparisonDetail(comparison, options);
	return {left: detail.leftText && safeLines(detail.leftText), right: detail.rightText && safeLines(detail.rightText), hidden: detail.hidden, masked: detail.masked.length};
}

/**
 * The raw documents of both sides as the source gave them (their own key order, nothing left out, 2-space JSON), for
 * the JSON view's "raw document" form, the pager, the editor and copies: secrets masked exactly as in the diff
 * (maskSecrets, so a rotated secret still says "changed"), and made safe line by line like the diff texts.
 */
export function documentTexts(comparison: Comparison): {readonly left?: string; readonly right?: string} {
	const masked = maskSecrets(comparison.left?.body, comparison.right?.body);
	const print = (value: typeof masked.left) => (value === undefined ? undefined : safeLines(JSON.stringify(value, null, 2)));
	return {left: print(masked.left), right: print(masked.right)};
}
