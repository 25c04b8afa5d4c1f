import {Box, Text} from 'ink';
import type {StepResult} from '../../../core/plan.js';
import type {Theme} from '../../theme.js';
import {fit} from '../../text.js';

/** Props of <ResultRows/>. */
export interface ResultRowsProps {
	readonly results: readonly StepResult[];
	readonly cursorIndex: number;
	readonly width: number;
	readonly theme: Theme;
}

function outcome(result: StepResult): string {
	if (result.status === 'failed') return `failed: ${result.error ?? 'no reason given'}`;
	if (result.status === 'skipped') return 'skipped';
	return result.verified ? 'applied and verified' : 'applied (not verified)';
}

const marks = {applied: '✓', skipped: '·', failed: '✗'} as const;

/** One line per step outcome; failures carry their reason right on the line. */
export function ResultRows({results, cursorIndex, width, theme}: ResultRowsProps) {
	const nameWidth = Math.max(10, Math.floor((width - 20) * 0.35));
	return (
		<Box flexDirection="column" width={width}>
			{results.map((r, i) => (
				<Text key={`${r.key}-${i}`} wrap="truncate">
					<Text {...(i === cursorIndex ? theme.ui.cursor : {})}>{i === cursorIndex ? '›' : ' '}</Text>{' '}
					<Text {...theme.result[r.status]}>{marks[r.status]}</Text> {fit(r.action, 7)} {fit(r.kind, 8)} {fit(r.name || r.id, nameWidth)}{' '}
					<Text {...theme.result[r.status]}>{outcome(r)}</Text>
				</Text>
			))}
		</Box>
	);
}
