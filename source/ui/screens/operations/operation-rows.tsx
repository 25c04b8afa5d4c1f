import {Box, Text} from 'ink';
import type {OperationEntry} from '../../../engine/services.js';
import type {Style, Theme} from '../../theme.js';
import {fit, truncate} from '../../text.js';
import {ago, itemCount, operationWhat, outcomeGlyphs} from './describe.js';

/** Props of <OperationRows/>. */
export interface OperationRowsProps {
	/** Visible operations only. */
	readonly entries: readonly OperationEntry[];
	readonly cursorIndex: number;
	readonly width: number;
	readonly theme: Theme;
	/** Clock milliseconds the relative times are counted from. */
	readonly now: number;
}

/** The outcome's style: interrupted and failed runs stand out, so they are never missed in a long log. */
export function outcomeStyle(theme: Theme, outcome: OperationEntry['outcome']): Style {
	switch (outcome) {
		case 'ok': return theme.result.applied;
		case 'running': return theme.reach.loading;
		case 'partly failed': return theme.status.changed;
		case 'failed':
		case 'interrupted': return theme.result.failed;
	}
}

/**
 * One line per operation, newest first: outcome glyph, when, kind, how many items, outcome, what it did; the operation
 * ID and the user where the width allows (IDs whole, or not at all).
 */
export function OperationRows({entries, cursorIndex, width, theme, now}: OperationRowsProps) {
	const fixed = 2 + 2 + 13 + 10 + 16 + 14;
	const rest = Math.max(0, width - fixed);
	return (
		<Box flexDirection="column" width={width}>
			{entries.map((entry, i) => {
				const selected = i === cursorIndex;
				const tail = `${operationWhat(entry)}${entry.auditOnly ? ' (audit log only)' : ''}`;
				const id = ` · ${entry.id} · ${entry.user}`;
				const what = rest >= tail.length + id.length + 10 ? tail + id : tail;
				return (
					<Text key={entry.id} wrap="truncate">
						<Text {...(selected ? theme.ui.cursor : {})}>{selected ? '›' : ' '}</Text>{' '}
						<Text {...outcomeStyle(theme, entry.outcome)}>{outcomeGlyphs[entry.outcome]}</Text>{' '}
						{fit(ago(entry.startedAt, now), 12)} {fit(entry.kind ?? 'unknown', 9)} {fit(itemCount(entry), 15)}{' '}
						<Text {...outcomeStyle(theme, entry.outcome)}>{fit(entry.outcome, 13)}</Text> <Text {...theme.ui.muted}>{truncate(what, rest)}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
