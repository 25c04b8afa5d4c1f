import {Box, Text} from 'ink';
import type {BlockedStep, PlanStep} from '../../../core/plan.js';
import type {Theme} from '../../theme.js';
import {fit} from '../../text.js';

/** Props of <PlanSteps/>. */
export interface PlanStepsProps {
	/** Visible steps only. */
	readonly steps: readonly PlanStep[];
	readonly cursorIndex: number;
	readonly width: number;
	readonly theme: Theme;
	/** Steps the checks before writing refused: shown in red with their reason. */
	readonly blocked?: readonly BlockedStep[];
}

function detail(step: PlanStep): string {
	// The fields whose value is the target environment's own (its overlay), so a reviewer sees them before writing.
	const overlay = step.overlay ? ` · ◆ ${step.overlay.fields.length} from overlay ${step.overlay.environment}` : '';
	if (step.action === 'update') return `${step.changes.length} field${step.changes.length === 1 ? '' : 's'} changed${overlay}`;
	if (step.action === 'skip') return `already equal${overlay}`;
	return overlay.slice(3);
}

/** One line per step: action, kind, name, portable ID and the number of changed fields, or in red why it is blocked. */
export function PlanSteps({steps, cursorIndex, width, theme, blocked = []}: PlanStepsProps) {
	const nameWidth = Math.max(10, Math.floor((width - 30) * 0.45));
	const idWidth = Math.max(8, Math.floor((width - 30) * 0.3));
	return (
		<Box flexDirection="column" width={width}>
			{steps.map((step, i) => {
				const reason = blocked.find((entry) => entry.key === step.key)?.reason;
				return (
					<Text key={step.key} wrap="truncate">
						<Text {...(i === cursorIndex ? theme.ui.cursor : {})}>{i === cursorIndex ? '›' : ' '}</Text>
						{/* ! marks a step that erases a change made on the target since the base (the line under the steps says which). */}
						{step.overwrites ? <Text {...theme.ui.error}>!</Text> : ' '}
						<Text {...(reason ? theme.ui.error : theme.action[step.action])}>{fit(reason ? 'blocked' : step.action, 7)}</Text>{' '}
						{fit(step.kind, 8)} {fit(step.name, nameWidth)} <Text {...theme.ui.muted}>{fit(step.id, idWidth)}</Text>{' '}
						{reason ? <Text {...theme.ui.error}>{step.action}: {reason}</Text> : detail(step)}
					</Text>
				);
			})}
		</Box>
	);
}
