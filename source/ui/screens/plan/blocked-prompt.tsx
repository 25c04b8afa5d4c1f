import {Box, Text} from 'ink';
import type {BlockedStep, Plan} from '../../../core/plan.js';
import type {Theme} from '../../theme.js';
import {plural, truncate, width as cells} from '../../text.js';

/** The reason takes up to this many lines, so the step list keeps most of the screen. */
const reasonRows = 3;

/** Props of <BlockedPrompt/>. */
export interface BlockedPromptProps {
	readonly blocked: readonly BlockedStep[];
	/** The key of the step under the cursor: its reason is the one shown when it is blocked. */
	readonly cursorKey?: string;
	/** Whether D (add dependencies) would unblock some of them. */
	readonly canAddDependencies: boolean;
	readonly width: number;
	readonly theme: Theme;
}

/** The reason shown for a blocked plan: the cursor step's when it is blocked, else the first one's. */
export function shownReason(blocked: readonly BlockedStep[], cursorKey?: string): BlockedStep | undefined {
	return blocked.find((entry) => entry.key === cursorKey) ?? blocked[0];
}

/** What `y` says on a blocked plan (the status line is short; the reasons are on the screen above it). */
export function blockedMessage(blocked: readonly BlockedStep[]): string {
	return `Cannot apply: ${blocked.length === 1 ? "1 step is" : `${blocked.length} steps are`} blocked (why: above)`;
}

/** Text broken at spaces into lines of at most `size` cells, at most `rows` of them (the last one cut with …). */
function wrapLines(text: string, size: number, rows: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(' ')) {
		const next = current === '' ? word : `${current} ${word}`;
		if (cells(next) <= size || current === '') current = next;
		else {
			lines.push(current);
			current = word;
		}
	}
	lines.push(current);
	const kept = lines.slice(0, rows);
	if (lines.length > rows) kept[rows - 1] = `${kept[rows - 1]} ${lines.slice(rows).join(' ')}`;
	return kept.map((line) => truncate(line, size));
}

/** The lines the blocked prompt takes at this width: the longest reason's, and one for what to do (none: not blocked). */
export function blockedPromptLines(blocked: readonly BlockedStep[], width: number): number {
	return blocked.length === 0 ? 0 : Math.max(...blocked.map((entry) => reasonLines(entry, width).length)) + 1;
}

function reasonLines(entry: BlockedStep, width: number): string[] {
	return wrapLines(`blocked: ${entry.name || entry.id}: ${entry.reason}`, width, reasonRows);
}

/** Whether adding dependencies (D, --with-dependencies) can unblock some steps of this plan. */
export function dependenciesHelp(plan: Plan | undefined): boolean {
	return plan !== undefined && (plan.direction === 'publish' || plan.direction === 'migrate') && (plan.blocked ?? []).some((entry) => entry.missingApi !== undefined);
}

/**
 * In place of the confirmation on a plan with blocked steps (it takes the same two lines): why the step under the
 * cursor (or the first) is blocked, in red, and that nothing is written until every step passes its checks.
 */
export function BlockedPrompt({blocked, cursorKey, canAddDependencies, width, theme}: BlockedPromptProps) {
	const entry = shownReason(blocked, cursorKey);
	if (!entry) return null;
	const fix = canAddDependencies ? ' · D adds the missing APIs' : '';
	return (
		<Box flexDirection="column" width={width} height={blockedPromptLines(blocked, width)}>
			{reasonLines(entry, width).map((line, index) => <Text key={index} {...theme.ui.error} wrap="truncate">{line}</Text>)}
			<Text {...theme.ui.error} wrap="truncate">{truncate(`${plural(blocked.length, 'blocked step')}: nothing can be applied${fix} · Esc goes back`, width)}</Text>
		</Box>
	);
}
