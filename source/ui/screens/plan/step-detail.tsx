import {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {NormalizeOptions} from '../../../core/normalize.js';
import type {PlanStep} from '../../../core/plan.js';
import type {Style, Theme} from '../../theme.js';
import {plural, truncate} from '../../text.js';
import {stepChanges} from './step-changes.js';

/**
 * Rows the step detail takes on a Plan screen of this body height: a few at 80×24, so the step list keeps most of the
 * screen, about a third of a tall terminal, and none on a tiny one (the steps and the confirmation come first).
 */
export function stepDetailRows(height: number): number {
	return height < 40 ? Math.max(0, Math.min(6, height - 15)) : Math.floor(height * 0.35);
}

/** Props of <StepDetail/>. */
export interface StepDetailProps {
	/** The step under the cursor; nothing is shown without one. */
	readonly step?: PlanStep;
	/** Rows available, the heading included. */
	readonly rows: number;
	readonly width: number;
	readonly theme: Theme;
	/** The comparison's options (its `ignore` paths), so the fields shown are the ones the plan counted. */
	readonly options: NormalizeOptions;
}

interface Line {
	readonly sign: '-' | '+';
	readonly text: string;
}

function heading(step: PlanStep, fields: number): string {
	const what = step.name || step.id;
	switch (step.action) {
		case 'create': return `${what}: created with ${plural(fields, 'field')} (+ after y)`;
		case 'delete': return `${what}: deleted, ${plural(fields, 'field')} gone (- now)`;
		case 'update': return `${what}: ${plural(fields, 'field')} changed (- now, + after y)`;
		case 'skip': return `${what}: already equal, nothing changes`;
	}
}

/**
 * The cursor step's change the Terraform way: `-` what the target holds now, `+` what it will hold after `y`, one
 * line per changed field (secrets masked), cut with a "N more" line when the rows run out; Enter still opens the
 * whole diff.
 */
export function StepDetail({step, rows, width, theme, options}: StepDetailProps) {
	const changes = useMemo(() => (step ? stepChanges(step, options) : []), [step, options]);
	if (!step || rows <= 0) return null;
	const lines: Line[] = changes.flatMap((change) => [
		...(change.before === undefined ? [] : [{sign: '-' as const, text: `${change.path}: ${change.before}`}]),
		...(change.after === undefined ? [] : [{sign: '+' as const, text: `${change.path}: ${change.after}`}]),
	]);
	// The fields whose value is the target environment's own, named before the changes: what a migration keeps.
	const overlay = step.overlay ? `◆ ${plural(step.overlay.fields.length, 'field')} from overlay ${step.overlay.environment}: ${step.overlay.fields.join(', ')}` : undefined;
	const room = rows - 1 - (overlay && rows > 1 ? 1 : 0);
	const shown = lines.length > room ? lines.slice(0, Math.max(0, room - 1)) : lines;
	const more = lines.length - shown.length;
	const style = (sign: Line['sign']): Style => (sign === '-' ? theme.action.delete : theme.action.create);
	return (
		<Box flexDirection="column" width={width} height={rows}>
			<Text {...theme.ui.muted} wrap="truncate">{truncate(heading(step, changes.length), width)}</Text>
			{overlay && rows > 1 ? <Text {...theme.diff.fold} wrap="truncate">{truncate(overlay, width)}</Text> : null}
			{shown.map((line, index) => (
				<Text key={index} wrap="truncate">
					<Text {...style(line.sign)}>{line.sign}</Text> {truncate(line.text, width - 2)}
				</Text>
			))}
			{more > 0 ? <Text {...theme.ui.muted} wrap="truncate">{truncate(`… ${plural(more, 'more line')} (Enter: the whole diff)`, width)}</Text> : null}
		</Box>
	);
}
