import {Box, Text} from 'ink';
import type {OperationStepEntry} from '../../../engine/services.js';
import type {Style, Theme} from '../../theme.js';
import {fit, truncate} from '../../text.js';
import {stepOutcome} from './describe.js';

/** Props of <OperationSteps/>. */
export interface OperationStepsProps {
	/** Visible steps only. */
	readonly steps: readonly OperationStepEntry[];
	readonly cursorIndex: number;
	readonly width: number;
	readonly theme: Theme;
}

const glyphs: Readonly<Record<OperationStepEntry['status'], string>> = {applied: '✓', skipped: '·', failed: '✗', unknown: '?'};

function style(theme: Theme, status: OperationStepEntry['status']): Style {
	return status === 'unknown' ? theme.status.conflict : theme.result[status];
}

/** One line per item an operation wrote (or meant to): outcome glyph, action, kind, name and ID, what happened. */
export function OperationSteps({steps, cursorIndex, width, theme}: OperationStepsProps) {
	const nameWidth = Math.max(10, Math.floor((width - 24) * 0.4));
	return (
		<Box flexDirection="column" width={width}>
			{steps.map((step, i) => (
				<Text key={`${step.kind}:${step.id}:${i}`} wrap="truncate">
					<Text {...(i === cursorIndex ? theme.ui.cursor : {})}>{i === cursorIndex ? '›' : ' '}</Text>{' '}
					<Text {...style(theme, step.status)}>{glyphs[step.status]}</Text> {fit(step.action ?? '?', 7)} {fit(step.kind, 8)}{' '}
					{fit(step.name ? `${step.name} ${step.id}` : step.id, nameWidth)}{' '}
					<Text {...style(theme, step.status)}>{truncate(stepOutcome(step), Math.max(1, width - nameWidth - 24))}</Text>
				</Text>
			))}
		</Box>
	);
}
