import {Box, Text} from 'ink';
import type {PlanStep} from '../../../core/plan.js';
import type {Theme} from '../../theme.js';
import {fit} from '../../text.js';

/** Props of <PlanSteps/>. */
export interface PlanStepsProps {
	/** Visible steps only. */
	readonly steps: readonly PlanStep[];
	readonly cursorIndex: number;
	readonly width: number;
	readonly theme: Theme;
}

function detail(step: PlanStep): string {
	if (step.action === 'update') return `${step.changes.length} field${step.changes.length === 1 ? '' : 's'} changed`;
	if (step.action === 'skip') return 'already equal';
	return '';
}

/** One line per step: action, kind, name, portable ID and the number of changed fields. */
export function PlanSteps({steps, cursorIndex, width, theme}: PlanStepsProps) {
	const nameWidth = Math.max(10, Math.floor((width - 30) * 0.45));
	const idWidth = Math.max(8, Math.floor((width - 30) * 0.3));
	return (
		<Box flexDirection="column" width={width}>
			{steps.map((step, i) => (
				<Text key={step.key} wrap="truncate">
					<Text {...(i === cursorIndex ? theme.ui.cursor : {})}>{i === cursorIndex ? '›' : ' '}</Text>{' '}
					<Text {...theme.action[step.action]}>{fit(step.action, 7)}</Text>{' '}
					{fit(step.kind, 8)} {fit(step.name, nameWidth)} <Text {...theme.ui.muted}>{fit(step.id, idWidth)}</Text> {detail(step)}
				</Text>
			))}
		</Box>
	);
}
