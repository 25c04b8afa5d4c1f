import {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {OperationEntry} from '../../../engine/services.js';
import {findEnvironment, useUi} from '../../context.js';
import {useAsync, useReturnCount} from '../../hooks/use-async.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {useHints} from '../../hooks/use-hints.js';
import {hintsFor, type Command} from '../../keys.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import {Spinner} from '../../components/spinner.js';
import {EnvName} from '../../components/env-badge.js';
import {useClock} from '../../components/age.js';
import {fit, plural, truncate} from '../../text.js';
import {writeRefusal} from '../items/write-guard.js';
import {ago, itemCount, operationWhat, undoLine} from './describe.js';
import {OperationRows, outcomeStyle} from './operation-rows.js';
import {OperationSteps} from './operation-steps.js';

/** Props of <OperationsScreen/>. */
export interface OperationsScreenProps {
	readonly environment: string;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/**
 * The operations log (`@`, as in lazygit): every operation on one environment, newest first, with what it did, its
 * outcome and when; Enter shows its steps (Esc back to the list); `u` undoes it through the Plan screen, or says why
 * it cannot be undone. Read again each time the user comes back, so an undo just applied is listed.
 */
export function OperationsScreen({environment, width, height, isActive}: OperationsScreenProps) {
	const ui = useUi();
	const clock = useClock();
	const {theme} = ui;
	const generation = useReturnCount({isActive});
	const state = useAsync(() => ui.services.operations(environment), [environment, generation]);
	// While it reloads the last list stays under the keys, like the History screen.
	const last = useRef<readonly OperationEntry[] | undefined>(undefined);
	if (state.state === 'ready') last.current = state.value;
	const entries = state.state === 'ready' ? state.value : state.state === 'loading' ? last.current : undefined;
	const [list, setList] = useState(initialList);
	const [open, setOpen] = useState<string | undefined>();
	const [stepList, setStepList] = useState(initialList);
	const viewport = Math.max(1, height - 3);
	const shown = clampList(list, {count: entries?.length ?? 0, viewport});
	const current = entries?.[shown.cursor];
	const opened = open === undefined ? undefined : entries?.find((entry) => entry.id === open);
	const stepsShown = clampList(stepList, {count: opened?.steps.length ?? 0, viewport});
	const now = clock();
	const target = opened ?? current;
	// Hints name only the keys that act here: no Enter inside the steps, no u on what cannot be undone.
	const idle: Command[] = [...(opened ? ['open' as const] : []), ...(target && !target.undo ? ['undo' as const] : [])];
	useHints(idle.length > 0 ? hintsFor('operations', idle) : undefined, isActive);
	useKeys('operations', {
		...moveHandlers((move) => (opened
			? setStepList((s) => moveList(s, move, {count: opened.steps.length, viewport}))
			: setList((s) => moveList(s, move, {count: entries?.length ?? 0, viewport})))),
		open: () => {
			if (opened || !current) return;
			setStepList(initialList);
			setOpen(current.id);
		},
		undo: () => {
			if (!target) return;
			if (!target.undo) return void ui.say(`Cannot undo: ${target.undoBlocked ?? 'no reason given'}`);
			const refusal = writeRefusal(findEnvironment(ui.environments, environment), 'undo');
			if (refusal) return void ui.say(refusal);
			ui.navigate({type: 'push', route: {type: 'plan', request: {type: 'undo', environment, ...(target.undo.operation === undefined ? {} : {operation: target.undo.operation})}}});
		},
		back: () => {
			if (!opened) return false;
			setOpen(undefined);
			return true;
		},
	}, {isActive});
	const heading = (
		<Text wrap="truncate">
			<Text {...theme.ui.title}>Operations on </Text><EnvName name={environment} info={findEnvironment(ui.environments, environment)} theme={theme} />
			{entries ? ` · ${plural(entries.length, 'operation')}, newest first` : ''}
			{entries?.some((entry) => entry.outcome === 'interrupted')
				? <Text {...theme.result.failed}> · {entries.filter((entry) => entry.outcome === 'interrupted').length} interrupted</Text> : null}
			{state.state === 'loading' && entries ? <Text {...theme.reach.loading}> · reloading…</Text> : null}
		</Text>
	);
	if (state.state === 'failed') return <Box flexDirection="column">{heading}<Text {...theme.ui.error}>{truncate(`Could not read the journal: ${state.error}`, width * 2)}</Text></Box>;
	if (!entries) return <Box flexDirection="column">{heading}<Spinner label="Reading the journal and the audit log…" style={theme.reach.loading} /></Box>;
	if (opened) {
		return (
			<Box flexDirection="column" width={width} height={height}>
				<Text wrap="truncate">
					<Text {...theme.ui.title}>{opened.kind ?? 'operation'} {opened.id}</Text> · {itemCount(opened)} ·{' '}
					<Text {...outcomeStyle(theme, opened.outcome)}>{opened.outcome}</Text>
				</Text>
				<Text {...theme.ui.muted} wrap="truncate">
					{truncate(`${operationWhat(opened)} · by ${opened.user} · started ${opened.startedAt} (${ago(opened.startedAt, now)})${opened.finishedAt ? ` · finished ${opened.finishedAt}` : ''}`, width)}
				</Text>
				<Box height={viewport} flexDirection="column">
					{opened.steps.length === 0 ? <Text {...theme.ui.muted}>No items: it wrote nothing.</Text> : null}
					<OperationSteps steps={opened.steps.slice(stepsShown.offset, stepsShown.offset + viewport)} cursorIndex={stepsShown.cursor - stepsShown.offset} width={width} theme={theme} />
				</Box>
				<Text {...(opened.undo ? theme.ui.key : theme.ui.muted)} wrap="truncate">{truncate(`${undoLine(opened)} · Esc: the list`, width)}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{heading}
			<Text {...theme.ui.muted} wrap="truncate">{`    ${fit('when', 12)} ${fit('what', 9)} ${fit('items', 15)} ${fit('outcome', 13)} details`}</Text>
			<Box height={viewport} flexDirection="column">
				{entries.length === 0
					? <Text {...theme.ui.muted}>{truncate(`No operations on ${environment} yet: every dump, publish, migration, rollback and undo is listed here.`, width)}</Text>
					: <OperationRows entries={entries.slice(shown.offset, shown.offset + viewport)} cursorIndex={shown.cursor - shown.offset} width={width} theme={theme} now={now} />}
			</Box>
			{current ? <Text {...(current.undo ? theme.ui.key : theme.ui.muted)} wrap="truncate">{truncate(`${undoLine(current)} · ${current.id}`, width)}</Text> : null}
		</Box>
	);
}
