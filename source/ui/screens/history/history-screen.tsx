import {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {Kind} from '../../../core/item.js';
import type {ItemHistory} from '../../../engine/services.js';
import {findEnvironment, useUi} from '../../context.js';
import {useAsync, useReturnCount} from '../../hooks/use-async.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import {Spinner} from '../../components/spinner.js';
import {fit, plural, truncate} from '../../text.js';
import {writeRefusal} from '../items/write-guard.js';
import {historyEntries} from './history-entries.js';
import {errorMessage} from '../../../core/errors.js';

/** Props of <HistoryScreen/>. */
export interface HistoryScreenProps {
	readonly environment: string;
	readonly kind: Kind;
	readonly id: string;
	readonly name: string;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** Git revisions and journal snapshots of one item; Enter diffs a version against live, `r` plans a rollback to it. */
export function HistoryScreen({environment, kind, id, name, width, height, isActive}: HistoryScreenProps) {
	const ui = useUi();
	const {theme} = ui;
	const generation = useReturnCount({isActive});
	// Reloaded each time the user comes back (after a rollback there is a new snapshot to show).
	const state = useAsync(() => ui.services.history(environment, kind, id), [environment, kind, id, generation]);
	// While it reloads, the last history stays on screen and under the keys: a key pressed right after coming back
	// (r on the revision the user just looked at) must act on it, not fall into an empty list.
	const last = useRef<ItemHistory | undefined>(undefined);
	if (state.state === 'ready') last.current = state.value;
	const shownHistory = state.state === 'failed' ? undefined : state.state === 'ready' ? state.value : last.current;
	const entries = shownHistory ? historyEntries(shownHistory) : [];
	const [list, setList] = useState(initialList);
	const [opening, setOpening] = useState<string | undefined>();
	const viewport = Math.max(1, height - 3);
	const bounds = {count: entries.length, viewport};
	const shown = clampList(list, bounds);
	const current = entries[shown.cursor];
	useKeys('history', {
		...moveHandlers((move) => setList((s) => moveList(s, move, bounds))),
		open: () => {
			if (!current) return;
			setOpening(current.label);
			ui.services.versionComparison(environment, kind, id, current.version).then(
				(comparison) => {
					setOpening(undefined);
					ui.navigate({type: 'push', route: {type: 'diff', comparison, environment, leftLabel: current.label, rightLabel: `live ${environment}`}});
				},
				(error: unknown) => {
					setOpening(undefined);
					ui.say(`Could not read ${current.label}: ${errorMessage(error)}`);
				},
			);
		},
		rollback: () => {
			if (!current) return;
			const refusal = writeRefusal(findEnvironment(ui.environments, environment), 'rollback');
			if (refusal) return void ui.say(refusal);
			ui.navigate({type: 'push', route: {type: 'plan', request: {type: 'rollback', environment, kind, id, version: current.version, label: current.label}}});
		},
	}, {isActive});
	const w = [Math.min(36, Math.max(16, Math.floor(width * 0.3))), Math.min(25, Math.max(20, Math.floor(width * 0.2))), Math.min(20, Math.floor(width * 0.15))];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text {...theme.ui.title}>{kind} {truncate(name || id, 40)}</Text> <Text {...theme.ui.muted}>{id}</Text>
				{shownHistory ? ` · ${plural(shownHistory.revisions.length, 'Git revision')} · ${plural(shownHistory.snapshots.length, 'snapshot')}` : ''}
				{state.state === 'loading' && shownHistory ? <Text {...theme.reach.loading}> · reloading…</Text> : null}
			</Text>
			{state.state === 'loading' && !shownHistory ? <Spinner label="Reading Git history and journal…" style={theme.reach.loading} /> : null}
			{state.state === 'failed' ? <Text {...theme.ui.error}>{truncate(`Could not read the history: ${state.error}`, width)}</Text> : null}
			{opening ? <Spinner label={`Reading ${opening}…`} style={theme.reach.loading} /> : <Text {...theme.ui.muted}>  version / date / by / what</Text>}
			{shownHistory && entries.length === 0 ? <Text {...theme.ui.muted}>No Git revisions or snapshots for this item.</Text> : null}
			{entries.slice(shown.offset, shown.offset + viewport).map((entry, i) => {
				const selected = shown.offset + i === shown.cursor;
				return (
					<Text key={entry.label} wrap="truncate">
						<Text {...(selected ? theme.ui.cursor : {})}>{selected ? '›' : ' '}</Text>{' '}
						<Text {...(entry.version.type === 'git' ? theme.ui.key : theme.status.changed)}>{fit(entry.columns[0], w[0]!)}</Text>{' '}
						{fit(entry.columns[1], w[1]!)} {fit(entry.columns[2], w[2]!)} {entry.columns[3]}
					</Text>
				);
			})}
		</Box>
	);
}
