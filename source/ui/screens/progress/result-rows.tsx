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
	/** For a dump that committed: the commit, shown above the rows (short hash and subject). */
	readonly commit?: {readonly hash: string; readonly subject?: string};
}

function outcome(result: StepResult): string {
	if (result.status === 'failed') return `failed: ${result.error ?? 'no reason given'}`;
	if (result.status === 'skipped') return 'skipped';
	return result.verified ? 'applied and verified' : 'applied (not verified)';
}

const marks = {applied: '✓', skipped: '·', failed: '✗'} as const;

/** Lines the rows' heading takes: one for a dump's commit. */
export function resultHeadLines(commit: ResultRowsProps['commit']): number {
	return commit ? 1 : 0;
}

/** One line per step outcome; failures carry their reason right on the line; a dump's commit heads them. */
export function ResultRows({results, cursorIndex, width, theme, commit}: ResultRowsProps) {
	const nameWidth = Math.max(10, Math.floor((width - 20) * 0.35));
	return (
		<Box flexDirection="column" width={width}>
			{commit ? (
				<Text wrap="truncate">
					<Text {...theme.result.applied}>committed</Text> <Text {...theme.ui.key}>{commit.hash.slice(0, 7)}</Text>{commit.subject ? ` ${commit.subject}` : ''}
				</Text>
			) : null}
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
