import {useMemo, useState} from 'react';
import {comparePair, type CompareOptions} from '../../../core/compare.js';
import type {Comparison} from '../../../core/status.js';
import type {ConsoleServices} from '../../../engine/services.js';
import {useAsync} from '../../hooks/use-async.js';
import type {Route} from '../../state/navigation.js';

/** Which two versions the Diff screen shows: Git and live, or the base (what the last sync left) against one of them. */
export type DiffPair = 'git-live' | 'base-git' | 'base-live';

const pairs: readonly DiffPair[] = ['git-live', 'base-git', 'base-live'];
/** The pair in the header's words. */
export const pairNames: Readonly<Record<DiffPair, string>> = {'git-live': 'Git ↔ live', 'base-git': 'base ↔ Git', 'base-live': 'base ↔ live'};

/** What the Diff screen shows for the current pair. */
export interface BasePair {
	readonly pair: DiffPair;
	/** The pair to diff: the route's own for Git ↔ live (and while the base is loading or has nothing to show). */
	readonly comparison: Comparison;
	/** Side labels of a base pair (undefined: the route's). */
	readonly labels?: readonly [string, string];
	/** Why the base pair cannot be shown (no base, loading, not in Git); the Git ↔ live diff stays on screen. */
	readonly note?: string;
	readonly cycle: () => void;
}

/**
 * `b` on the Diff screen: cycles Git ↔ live, base ↔ Git, base ↔ live. The base is read once, on first use, from the
 * services; only a Git ↔ live diff of one environment has one (a comparison of two environments or a side not read
 * says so instead).
 */
export function useBasePair(route: Extract<Route, {type: 'diff'}>, services: ConsoleServices, options: CompareOptions, liveLabel: string, say: (text: string) => void): BasePair {
	const [pair, setPair] = useState<DiffPair>('git-live');
	const {comparison} = route;
	const possible = services.baseVersion !== undefined && route.notRead === undefined && /^(git|dir) /.test(route.leftLabel)
		&& comparison.status !== 'invalid' && comparison.status !== 'conflict';
	const wanted = pair !== 'git-live';
	const base = useAsync(() => (wanted && services.baseVersion ? services.baseVersion(route.environment, comparison) : Promise.resolve(undefined)), [wanted, comparison]);
	const shown = useMemo((): Omit<BasePair, 'pair' | 'cycle'> => {
		if (!wanted) return {comparison};
		if (base.state === 'loading') return {comparison, note: 'reading the base…'};
		if (base.state === 'failed') return {comparison, note: `the base could not be read: ${base.error}`};
		const value = base.value;
		if (!value || value.note) return {comparison, note: value?.note ?? 'no base'};
		const other = pair === 'base-git' ? comparison.left : comparison.right;
		const otherLabel = pair === 'base-git' ? route.leftLabel : liveLabel;
		if (!value.item && !other) return {comparison, note: `absent at the base (${value.label}) and in ${otherLabel}`};
		return {comparison: comparePair(value.item, other, options), labels: [value.label, otherLabel]};
	}, [wanted, base, pair, comparison, options, liveLabel]);
	const cycle = () => {
		if (!possible) return void say('The base pairs (b) are for a Git ↔ live diff of one environment');
		const next = pairs[(pairs.indexOf(pair) + 1) % pairs.length]!;
		setPair(next);
		say(`Showing ${pairNames[next]} · b cycles`);
	};
	return {pair, ...shown, cycle};
}
