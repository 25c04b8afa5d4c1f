import {Text} from 'ink';
import type {StatusCounts} from '../../core/status.js';
import type {Theme} from '../theme.js';

const order = ['unchanged', 'changed', 'only-in-git', 'only-live', 'invalid', 'conflict'] as const;
const fills: Record<(typeof order)[number], string> = {
	unchanged: '=', changed: '~', 'only-in-git': '+', 'only-live': '-', invalid: '!', conflict: '‼',
};

/**
 * Splits `width` cells proportionally between counts (largest remainder), giving every non-zero count at least one cell
 * so a single drifted item is never rounded away.
 */
export function barSegments(counts: readonly number[], width: number): number[] {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total === 0 || width <= 0) return counts.map(() => 0);
	const exact = counts.map((c) => (c / total) * width);
	const cells = exact.map((x, i) => (counts[i]! > 0 ? Math.max(1, Math.floor(x)) : 0));
	let used = cells.reduce((a, b) => a + b, 0);
	const byRemainder = exact.map((x, i) => ({i, r: x - Math.floor(x)})).sort((a, b) => b.r - a.r);
	for (const {i} of byRemainder) {
		if (used >= width) break;
		if (counts[i]! > 0) {
			cells[i]!++;
			used++;
		}
	}
	while (used > width) {
		const largest = cells.indexOf(Math.max(...cells));
		cells[largest]!--;
		used--;
	}
	return cells;
}

/** Props of <DriftBar/>. */
export interface DriftBarProps {
	readonly drift: StatusCounts;
	readonly width: number;
	readonly theme: Theme;
}

/** Proportional drift bar; each status has its own fill character too, so it reads without colour. */
export function DriftBar({drift, width, theme}: DriftBarProps) {
	const cells = barSegments(order.map((s) => drift[s]), width);
	return (
		<Text>
			{order.map((status, i) => (cells[i]! > 0
				? <Text key={status} {...theme.status[status]}>{fills[status].repeat(cells[i]!)}</Text>
				: null))}
			{cells.reduce((a, b) => a + b, 0) === 0 ? <Text {...theme.ui.barEmpty}>{'·'.repeat(Math.max(0, width))}</Text> : null}
		</Text>
	);
}
