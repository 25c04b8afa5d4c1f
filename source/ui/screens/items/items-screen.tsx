import {useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {findEnvironment, useUi} from '../../context.js';
import {useMarks} from '../../marks-context.js';
import {moveHandlers, useKeys} from '../../hooks/use-keys.js';
import {useTextInput} from '../../hooks/use-text-input.js';
import {clampList, initialList, moveList} from '../../state/list.js';
import {
	initialFilter, nextKindTab, nextOriginFilter, nextSortOrder, nextStatusFilter, visibleComparisons, type ItemsFilter, type KindTab,
} from '../../state/filter.js';
import {actionKeys} from '../../state/marks.js';
import {shownView, viewKey} from '../../state/views.js';
import {Spinner} from '../../components/spinner.js';
import {Age} from '../../components/age.js';
import {sentence, truncate, width as textWidth} from '../../text.js';
import {columnWidths, contentWidths, ItemTable} from './item-table.js';
import {headerLines, ItemsHeader} from './items-header.js';
import {writeRefusal} from './write-guard.js';
import {emptyReason, tableRows} from './empty-state.js';
import {reachLabels} from '../environments/environment-row.js';

/** What each origin filter keeps, in the status line's words. */
const originWords = {git: 'Git moved', live: 'moved live', both: 'both sides moved (conflicts)', unknown: 'without a base'} as const;

/** Props of <ItemsScreen/>. */
export interface ItemsScreenProps {
	readonly environment: string;
	/** Set for a comparison of two environments: left is `base`'s live state, right is `environment`'s. */
	readonly base?: string;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** Items of one environment (Git vs live) or of a comparison (live vs live), with filters, marks and actions. */
export function ItemsScreen({environment, base, width, height, isActive}: ItemsScreenProps) {
	const ui = useUi();
	const {theme, views} = ui;
	const key = viewKey(environment, base);
	const {marks, dispatch: mark} = useMarks(key);
	const [filter, setFilter] = useState<ItemsFilter>(initialFilter);
	const [editing, setEditing] = useState(false);
	const [list, setList] = useState(initialList);
	useEffect(() => views.load(environment, {base}), [environment, base]);
	const entry = views.store[key];
	const view = shownView(entry);
	// A side that could not be read leaves the other on its own (`unknown` names the missing side): its rows stay.
	const {rows: all, unknown} = useMemo(() => tableRows(view), [view]);
	const rows = useMemo(() => visibleComparisons(all, unknown ? {...filter, status: 'all'} : filter), [all, filter, unknown]);
	const problems = [
		view && view.reachability !== 'ok' ? `Live ${reachLabels[view.reachability]}: ${sentence(view.reason ?? 'no reason given')}` : '',
		// In a comparison the left side is another environment's Dashboard, not Git.
		view?.gitError ? `${view.left.type === 'live' ? `Live ${view.left.environment ?? ''}` : 'Git'}: ${sentence(view.gitError)}` : '',
	].filter(Boolean).join(' ');
	// A reason is read whole (a missing index names where the layout is): up to three lines rather than cut at 80 columns.
	const problemLines = problems ? Math.min(3, Math.ceil(textWidth(problems) / Math.max(1, width - 12))) : 0;
	const notes = view?.notes ?? [];
	// The count first: at 80 columns the first note is cut, never the fact that there are more (the CLI's diff lists all).
	const note = notes.length === 0 ? '' : `${notes.length === 1 ? 'Note' : `${notes.length} notes (diff lists all)`}: ${notes[0]}`;
	const viewport = Math.max(1, height - 2 - headerLines(filter, editing) - problemLines - (note ? 1 : 0));
	const bounds = {count: rows.length, viewport};
	const widths = useMemo(() => columnWidths(width, contentWidths(rows)), [rows, width]);
	// The cursor stays on its item when the rows change under it (a reload, an auto-refresh, a new order): it follows
	// the item's key, not its position. A new filter clears the anchor, so the list starts at its top.
	const anchor = useRef<{key?: string; rows?: readonly unknown[]}>({});
	let shown = clampList(list, bounds);
	const {key: anchorKey, rows: anchorRows} = anchor.current;
	if (anchorRows !== rows && anchorKey !== undefined && rows[shown.cursor]?.key !== anchorKey) {
		const index = rows.findIndex((row) => row.key === anchorKey);
		if (index >= 0) {
			shown = clampList({cursor: index, offset: shown.offset + index - shown.cursor}, bounds);
			setList(shown);
		}
	}
	const current = rows[shown.cursor];
	anchor.current = {key: current?.key, rows};
	const info = findEnvironment(ui.environments, environment);
	const refilter = (change: (f: ItemsFilter) => ItemsFilter) => {
		anchor.current = {};
		setFilter(change);
		setList(initialList);
	};
	const setTab = (tab: KindTab) => refilter((f) => ({...f, tab}));
	// Marked items count even when the current filter hides them: the plan lists every one before anything is written.
	const keys = () => actionKeys(marks, all.map((r) => r.key), current?.key);
	const guarded = (action: string, run: () => void) => {
		const refusal = writeRefusal(info, action);
		if (refusal) ui.say(refusal);
		else run();
	};
	useKeys(base === undefined ? 'items' : 'compare', {
		...moveHandlers((move) => setList((s) => moveList(s, move, bounds))),
		tabAll: () => setTab('all'), tabApis: () => setTab('api'), tabPolicies: () => setTab('policy'),
		tabTemplates: () => setTab('template'), nextTab: () => refilter((f) => ({...f, tab: nextKindTab(f.tab)})),
		filter: () => {
			setEditing(true);
			// While typing, letters go to the filter, not to the keys in the hint line: say how to leave it.
			ui.say('Filter: Enter keeps it, Esc clears it · matches name, ID, category, listen path');
		},
		statusFilter: () => refilter((f) => ({...f, status: nextStatusFilter(f.status)})),
		originFilter: () => {
			const origin = nextOriginFilter(filter.origin);
			refilter((f) => ({...f, origin}));
			ui.say(origin === 'any' ? 'Every origin shown' : `Only items ${originWords[origin]} since the last sync · o cycles`);
		},
		sort: () => {
			const sort = nextSortOrder(filter.sort);
			setFilter((f) => ({...f, sort}));
			ui.say(`Sorted by ${sort}${sort === 'kind' ? ' (then name)' : sort === 'status' ? ' (problems and drift first)' : ''}`);
		},
		mark: () => {
			if (!current) return;
			mark({type: 'toggle', key: current.key});
			setList((s) => moveList(s, 'down', bounds));
		},
		markAll: () => {
			mark({type: 'markAll', keys: rows.map((r) => r.key)});
			ui.say(`Marked ${rows.length} visible item${rows.length === 1 ? '' : 's'}`);
		},
		clearMarks: () => mark({type: 'clear'}),
		refresh: () => views.load(environment, {base, force: true}),
		open: () => {
			if (!current || !view) return;
			ui.navigate({type: 'push', route: {
				type: 'diff', comparison: current, environment, leftLabel: view.left.label, rightLabel: view.right.label,
				...(unknown ? {notRead: unknown} : {}),
				hidden: view.hidden[current.key], ...(view.blame?.[current.key] ? {blame: view.blame[current.key]} : {}),
				...(view.overlay?.fields[current.key] ? {overlay: {environment: view.overlay.environment, fields: view.overlay.fields[current.key]!}} : {}),
			}});
			// After navigating: a new screen starts with the default message, and this one is about the new screen.
			if (current.status === 'invalid' || current.status === 'conflict') ui.say(current.error ?? `${current.name}: ${current.status}`);
		},
		dump: () => {
			if (base !== undefined) return void ui.say(`Dump works on one environment (a comparison has no Git side): open ${environment} from the Environments screen`);
			const selected = keys();
			if (selected.length === 0) return void ui.say('Nothing to dump: no item selected');
			ui.navigate({type: 'push', route: {type: 'plan', request: {type: 'dump', environment, keys: selected}}});
		},
		publish: () => guarded(base === undefined ? 'publish' : 'migrate', () => {
			const selected = keys();
			if (selected.length === 0) return void ui.say('Nothing to publish: no item selected');
			ui.navigate({type: 'push', route: {type: 'plan', request: {type: 'publish', environment, keys: selected, fromEnvironment: base}}});
		}),
		history: () => {
			if (!current?.kind || !current.id) return void ui.say('No item with an ID under the cursor');
			ui.navigate({type: 'push', route: {type: 'history', environment, kind: current.kind, id: current.id, name: current.name}});
		},
		undo: () => guarded('undo', () => ui.navigate({type: 'push', route: {type: 'plan', request: {type: 'undo', environment}}})),
	}, {isActive});
	useTextInput({
		onText: (text) => {
			anchor.current = {};
			setFilter((f) => ({...f, text: f.text + text}));
			setList(initialList);
		},
		onEnter: () => {
			setEditing(false);
			ui.say(filter.text ? `Filter "${filter.text}" kept: / edits it` : '? shows every key');
		},
		onEscape: () => {
			anchor.current = {};
			setFilter((f) => ({...f, text: ''}));
			setEditing(false);
			ui.say('Filter cleared');
		},
		onBackspace: () => {
			anchor.current = {};
			setFilter((f) => ({...f, text: [...f.text].slice(0, -1).join('')}));
		},
	}, {isActive: isActive && editing});
	const sides = view ? `${view.left.label} → ${view.right.label}` : '';
	const status = entry === undefined || (entry.state === 'loading' && !view)
		? <Spinner label={`Loading ${base ? `${base} and ${environment}` : `${environment} (Git and live)`}…`} style={theme.reach.loading} />
		: entry.state === 'failed'
			? <Text {...theme.ui.error}>{truncate(`Could not load ${environment}: ${entry.error} (R retries)`, width)}</Text>
			: <Text wrap="truncate">
				{sides} <Text {...theme.ui.muted}>· {rows.length} of {all.length} shown</Text>
				{/* Before the age: at 80 columns the end of this line is cut, and this is what the ? glyphs mean. */}
				{unknown ? <Text {...theme.reach.failed}> · ? {unknown === 'right' ? 'live' : view!.left.type === 'live' ? view!.left.label : 'Git'} not read</Text> : null}
				{entry.state === 'loading' ? <Text {...theme.reach.loading}> · reloading…</Text> : <Age at={views.loadedAt(key)} prefix=" · loaded" style={theme.ui.muted} />}
				{/* Which side + and - mean: in a comparison they are environments, not Git and live. */}
				{unknown ? null : <Text {...theme.ui.muted}> · + only left, - only right</Text>}
			</Text>;
	return (
		<Box flexDirection="column" width={width} height={height}>
			{/* Statuses are unknown while a side is not read, and every row is shown: the header says `all`, not the filter. */}
			<ItemsHeader comparisons={all} filter={unknown ? {...filter, status: 'all'} : filter} editing={editing} width={width} theme={theme} />
			{status}
			{problems
				? <Box height={problemLines} overflow="hidden"><Text {...theme.ui.error} wrap="wrap">{truncate(problems, width * problemLines)}</Text></Box>
				: null}
			{note ? <Text {...theme.ui.muted} wrap="truncate">{truncate(note, width)}</Text> : null}
			<ItemTable
				rows={rows.slice(shown.offset, shown.offset + viewport)} cursorIndex={shown.cursor - shown.offset} marks={marks} width={width}
				widths={widths} position={`${rows.length === 0 ? 0 : shown.cursor + 1}/${rows.length}`} theme={theme} unknown={unknown !== undefined}
			/>
			{view && rows.length === 0 ? <Text {...theme.ui.muted} wrap="truncate">{truncate(`  ${emptyReason(view, all, filter, unknown)}`, width)}</Text> : null}
		</Box>
	);
}
