import {useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {Kind} from '../../../core/item.js';
import type {ItemHistory} from '../../../engine/services.js';
import {findEnvironment, useUi} from '../../context.js';
import {useAsync, useReturnCount} from '../../hooks/use-async.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import {Spinner} from '../../components/spinner.js';
import {useClock} from '../../components/age.js';
import {relativeTime} from '../../../core/relative-time.js';
import {fit, plural, truncate} from '../../text.js';
import {writeRefusal} from '../items/write-guard.js';
import {historyEntries, type HistoryEntry} from './history-entries.js';
import {findLiveVersion} from './live-version.js';
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

/** Column widths; the absolute date only where there is room for it next to the relative one. */
function columnWidths(width: number): {live: number; version: number; when: number; date: number; by: number} {
	return {live: 6, version: 11, when: 13, date: width >= 120 ? 16 : 0, by: Math.min(28, Math.max(14, Math.floor(width * 0.18)))};
}

/** A readable absolute date: `2026-11-20 10:15` from ISO 8601 (with or without a time). */
function shortDate(date: string): string {
	return date.slice(0, 16).replace('T', ' ');
}

/**
 * Git revisions and journal snapshots of one item, newest first in one list, with how long ago each was made and a
 * `● live` mark on the newest version whose content the Dashboard runs now (found after the list shows, one version
 * at a time). Enter diffs a version against live, `r` plans a rollback to it.
 */
export function HistoryScreen({environment, kind, id, name, width, height, isActive}: HistoryScreenProps) {
	const ui = useUi();
	const {theme} = ui;
	const clock = useClock();
	const generation = useReturnCount({isActive});
	// Reloaded each time the user comes back (after a rollback there is a new snapshot to show).
	const state = useAsync(() => ui.services.history(environment, kind, id), [environment, kind, id, generation]);
	// While it reloads, the last history stays on screen and under the keys: a key pressed right after coming back
	// (r on the revision the user just looked at) must act on it, not fall into an empty list.
	const last = useRef<ItemHistory | undefined>(undefined);
	if (state.state === 'ready') last.current = state.value;
	const shownHistory = state.state === 'failed' ? undefined : state.state === 'ready' ? state.value : last.current;
	const entries = useMemo(() => (shownHistory ? historyEntries(shownHistory) : []), [shownHistory]);
	const live = useAsync(
		() => (state.state === 'ready' ? findLiveVersion(entries, (version) => ui.services.versionComparison(environment, kind, id, version)) : Promise.resolve(undefined)),
		[state],
	);
	const liveLabel = live.state === 'ready' ? live.value?.label : undefined;
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
	const w = columnWidths(width);
	const now = clock();
	const liveNote = state.state === 'ready' && live.state === 'loading'
		? <Text {...theme.reach.loading}> · checking which version is live…</Text>
		: liveLabel
			// The row says it too (● live): at 80 columns the title has no room for it.
			? width >= 100 ? <Text {...theme.reach.ok}> · ● live: {entries.find((e) => e.label === liveLabel)?.short}</Text> : null
			: live.state === 'ready' && live.value && entries.length > 0
				? <Text {...theme.ui.muted}>{live.value.complete ? ' · live: none of these' : ' · live: none of the newest'}</Text>
				: null;
	// After the version, so `› git 3f2a1c9` reads as one (and is what tmux journeys look for).
	const rest = (entry: Pick<HistoryEntry, 'date' | 'by'> & {when: string}) =>
		`${fit(entry.when, w.when)} ${w.date > 0 ? `${fit(entry.date, w.date)} ` : ''}${fit(entry.by, w.by)} `;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text {...theme.ui.title}>{kind} {truncate(name || id, 40)}</Text>
				{/* The ID gives way at 80 columns to what matters more there: which version is live. */}
				{width >= 100 || !name ? <Text {...theme.ui.muted}> {id}</Text> : null}
				{shownHistory ? ` · ${plural(shownHistory.revisions.length, 'Git revision')} · ${plural(shownHistory.snapshots.length, 'snapshot')}` : ''}
				{state.state === 'loading' && shownHistory ? <Text {...theme.reach.loading}> · reloading…</Text> : liveNote}
			</Text>
			{state.state === 'loading' && !shownHistory ? <Spinner label="Reading Git history and journal…" style={theme.reach.loading} /> : null}
			{state.state === 'failed' ? <Text {...theme.ui.error}>{truncate(`Could not read the history: ${state.error}`, width)}</Text> : null}
			{opening
				? <Spinner label={`Reading ${opening}…`} style={theme.reach.loading} />
				: <Text {...theme.ui.muted} wrap="truncate">{'  '}{fit('version', w.version)} {fit('', w.live)} {rest({when: 'when', date: 'date', by: 'by'})}what (newest first)</Text>}
			{shownHistory && entries.length === 0 ? <Text {...theme.ui.muted}>No Git revisions or snapshots for this item.</Text> : null}
			{entries.slice(shown.offset, shown.offset + viewport).map((entry, i) => {
				const selected = shown.offset + i === shown.cursor;
				const isLive = entry.label === liveLabel;
				const when = Number.isNaN(entry.at) ? entry.date : relativeTime(entry.at, now);
				return (
					<Text key={entry.label} wrap="truncate">
						<Text {...(selected ? theme.ui.cursor : {})}>{selected ? '›' : ' '}</Text>{' '}
						<Text {...(entry.version.type === 'git' ? theme.ui.key : theme.status.changed)}>{fit(entry.short, w.version)}</Text>{' '}
						<Text {...theme.reach.ok}>{fit(isLive ? '● live' : '', w.live)}</Text>{' '}
						{rest({when, date: shortDate(entry.date), by: entry.by})}{entry.what}
					</Text>
				);
			})}
		</Box>
	);
}
