import {useEffect, useReducer, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {OperationResult, Plan} from '../../../core/plan.js';
import {findEnvironment, useUi} from '../../context.js';
import {useMarks} from '../../marks-context.js';
import {planViewKey} from '../../state/views.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {useHints} from '../../hooks/use-hints.js';
import {hintsFor} from '../../keys.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import {initialProgress, outcomeCounts, progressReducer} from '../../state/progress.js';
import {ProgressBar} from '../../components/progress-bar.js';
import {Spinner} from '../../components/spinner.js';
import {EnvName} from '../../components/env-badge.js';
import {writeRefusal} from '../items/write-guard.js';
import {resultHeadLines, ResultRows} from './result-rows.js';
import {errorMessage} from '../../../core/errors.js';

/**
 * What the result line says about undoing: only a finished Dashboard write that applied something is undone here; a
 * dump is a Git commit (git revert undoes it), and an operation that wrote nothing has nothing to undo.
 */
export function undoNote(result: OperationResult, applied: number): string {
	if (result.direction === 'dump') {
		if (result.commit === undefined) return applied > 0 ? 'written to the directory, not committed' : 'nothing was committed';
		// The commit line above the rows names it with its subject; here it is the command that undoes it.
		return `git revert ${result.commit.slice(0, 7)} undoes it${result.pushError ? ` · push failed: ${result.pushError}` : ''}`;
	}
	return applied > 0 ? 'u undoes it' : 'nothing was written, nothing to undo';
}

/** Props of <ProgressScreen/>. */
export interface ProgressScreenProps {
	readonly plan: Plan;
	/** For a dump: the commit message the user wrote (none: the default one). */
	readonly message?: string;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/**
 * Applies a confirmed plan once, streams per-item outcomes, and offers `u` to undo the finished operation. Items that
 * were applied (or already equal) are unmarked in the view the plan came from; failed ones stay marked.
 */
export function ProgressScreen({plan, message, width, height, isActive}: ProgressScreenProps) {
	const ui = useUi();
	const {theme} = ui;
	const [state, dispatch] = useReducer(progressReducer, {...initialProgress, total: plan.steps.length});
	const [list, setList] = useState(initialList);
	const started = useRef(false);
	const marksKey = planViewKey(plan);
	const {dispatch: mark} = useMarks(marksKey ?? '');
	useEffect(() => {
		if (started.current) return;
		started.current = true;
		ui.services.apply(plan, (event) => dispatch({type: 'event', event}), message === undefined ? undefined : {dump: {message}}).then(
			(result) => {
				dispatch({type: 'finished', result});
				const c = outcomeCounts(result.results);
				// Done items are unmarked; failed ones stay marked, so retrying is one key away.
				if (marksKey !== undefined) mark({type: 'unmark', keys: result.results.filter((r) => r.status !== 'failed').map((r) => r.key)});
				ui.say(`Operation ${result.operation}: ${c.applied} applied, ${c.skipped} skipped, ${c.failed} failed`);
				ui.views.applied(result);
			},
			(error: unknown) => dispatch({type: 'crashed', error: errorMessage(error)}),
		);
	}, []);
	const running = !state.finished && !state.error;
	const committed = state.finished?.direction === 'dump' && state.finished.commit ? {hash: state.finished.commit, subject: state.finished.subject} : undefined;
	const viewport = Math.max(1, height - 5 - resultHeadLines(committed));
	const bounds = {count: state.results.length, viewport};
	const shown = clampList(list, bounds);
	const counts = outcomeCounts(state.results);
	// `u` is offered only where it can act: after a finished Dashboard write that applied something.
	const undoable = state.finished !== undefined && state.finished.direction !== 'dump' && counts.applied > 0;
	useHints(undoable ? undefined : hintsFor('progress', ['undo']), isActive);
	useKeys('progress', {
		...moveHandlers((move) => setList((s) => moveList(s, move, bounds))),
		undo: () => {
			if (running) return void ui.say('Still applying: wait for the result before undoing');
			if (!state.finished) return void ui.say('Nothing was applied, so there is nothing to undo');
			if (plan.direction === 'dump') return void ui.say('A dump is undone in Git (revert the commit), not here');
			if (outcomeCounts(state.finished.results).applied === 0) return void ui.say('Nothing was written, so there is nothing to undo');
			const refusal = writeRefusal(findEnvironment(ui.environments, plan.environment), 'undo');
			if (refusal) return void ui.say(refusal);
			ui.navigate({type: 'push', route: {type: 'plan', request: {type: 'undo', environment: plan.environment, operation: state.finished.operation}}});
		},
		back: () => {
			if (!running) return false;
			ui.say('Still applying: the result will appear here');
			return true;
		},
		quit: () => {
			if (!running) return false;
			ui.say('Still applying: the result will appear here');
			return true;
		},
	}, {isActive});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text {...theme.ui.title}>{plan.direction}</Text> {plan.source.label} → {plan.target.label} on{' '}
				<EnvName name={plan.environment} info={findEnvironment(ui.environments, plan.environment)} theme={theme} />
				{state.operation ? <Text {...theme.ui.muted}> · operation {state.operation}</Text> : null}
			</Text>
			<ProgressBar done={state.done} total={state.total} width={Math.min(width, 60)} theme={theme} />
			{running
				? <Spinner label="Applying… (each item is verified after writing)" style={theme.reach.loading} />
				: state.error
					? <Text {...theme.ui.error} wrap="truncate">The apply stopped: {state.error}</Text>
					: <Text wrap="truncate">
						<Text {...theme.result.applied}>{counts.applied} applied ({counts.verified} verified)</Text> · <Text {...theme.result.skipped}>{counts.skipped} skipped</Text> ·{' '}
						<Text {...theme.result.failed}>{counts.failed} failed</Text> · operation {state.finished?.operation}
					</Text>}
			{/* A line of its own: at 80 columns the counts and the operation ID already fill one. */}
			{state.finished ? <Text {...theme.ui.muted} wrap="truncate">{undoNote(state.finished, counts.applied)}</Text> : null}
			<ResultRows results={state.results.slice(shown.offset, shown.offset + viewport)} cursorIndex={shown.cursor - shown.offset} width={width} theme={theme} commit={committed} />
		</Box>
	);
}
