import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {diffRows, unfold} from '../../../core/diff-rows.js';
import {useUi} from '../../context.js';
import {useKeys, type CommandHandlers} from '../../hooks/use-keys.js';
import {clampTop, currentHunk, diffViewReducer, initialDiffView, type DiffViewAction} from '../../state/diff-view.js';
import type {Route} from '../../state/navigation.js';
import {fit, plural, truncate} from '../../text.js';
import {diffTexts} from './diff-texts.js';
import {DiffRowView, rowHeight} from './diff-lines.js';

/** Props of <DiffScreen/>. */
export interface DiffScreenProps {
	readonly route: Extract<Route, {type: 'diff'}>;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** Below this width the side-by-side view would leave too little per column, so the diff is stacked (unified). */
export const stackedBelow = 100;

/**
 * Side-by-side diff of one item. The row model is computed once per (texts, layout); scrolling only changes which
 * rows are rendered, so a page-down in a 20,000-line diff renders one screenful.
 */
export function DiffScreen({route, width, height, isActive}: DiffScreenProps) {
	const ui = useUi();
	const {theme} = ui;
	const {comparison} = route;
	const [view, setView] = useState(initialDiffView);
	const compareOptions = useMemo(() => ui.services.compareOptions?.() ?? {}, [ui.services]);
	const texts = useMemo(() => diffTexts(comparison, view.showHidden, compareOptions), [comparison, view.showHidden, compareOptions]);
	const layout: 'split' | 'stacked' = width < stackedBelow ? 'stacked' : 'split';
	const [leftText, rightText] = view.swap ? [texts.right, texts.left] : [texts.left, texts.right];
	const [leftLabel, rightLabel] = view.swap ? [route.rightLabel, route.leftLabel] : [route.leftLabel, route.rightLabel];
	const folded = useMemo(() => diffRows(leftText, rightText, {layout}), [leftText, rightText, layout]);
	const model = useMemo(() => (view.fold ? folded : unfold(folded)), [folded, view.fold]);
	const viewport = Math.max(1, height - 3);
	const bounds = {rows: model.rows.length, viewport, hunks: model.hunks};
	const top = clampTop(view.top, bounds);
	const act = (action: DiffViewAction) => () => setView((s) => diffViewReducer(s, action, bounds));
	const handlers: CommandHandlers = {
		up: act({type: 'scroll', move: 'up'}), down: act({type: 'scroll', move: 'down'}),
		pageUp: act({type: 'scroll', move: 'pageUp'}), pageDown: act({type: 'scroll', move: 'pageDown'}),
		top: act({type: 'scroll', move: 'top'}), bottom: act({type: 'scroll', move: 'bottom'}),
		nextChange: act({type: 'nextChange'}), prevChange: act({type: 'prevChange'}),
		fold: act({type: 'toggle', what: 'fold'}), wrap: act({type: 'toggle', what: 'wrap'}),
		swap: act({type: 'toggle', what: 'swap'}), hidden: act({type: 'toggle', what: 'showHidden'}),
	};
	useKeys('diff', handlers, {isActive});
	const digits = String(Math.max(model.stats.leftLines, model.stats.rightLines, 1)).length;
	const options = {layout, sides: model.sides, width, digits, wrap: view.wrap, theme};
	const lines = [];
	for (let i = top, used = 0; i < model.rows.length && used < viewport; i++) {
		const row = model.rows[i]!;
		used += rowHeight(row, options);
		// Keyed by position on screen, not by row: a page-down updates the same components (and Ink's layout nodes)
		// with new text instead of unmounting a screenful and mounting another.
		lines.push(<DiffRowView key={i - top} row={row} {...options} />);
	}
	const hiddenCount = route.hidden ?? texts.hidden;
	const hiddenNote = view.showHidden
		? 'showing all fields (i hides server-managed ones)'
		: `${plural(hiddenCount, 'server-managed field')} hidden (i shows)`;
	const s = model.stats;
	const counts = model.sides === 'both' ? `~${s.changed} -${s.deleted} +${s.inserted}` : `${Math.max(s.leftLines, s.rightLines)} lines`;
	const header = `${comparison.kind ?? ''} ${comparison.name || comparison.id || comparison.key} · ${comparison.status}`
		+ ` · ${counts} · ${hiddenNote}${texts.masked > 0 ? ` · ${plural(texts.masked, 'secret')} masked` : ''}`;
	const half = Math.floor((width - 1) / 2);
	const labels = model.sides === 'both'
		? layout === 'split' ? `${fit(`◀ ${leftLabel}`, half)}│${fit(`▶ ${rightLabel}`, width - 1 - half)}` : `- ${leftLabel}   + ${rightLabel}   (stacked: window under ${stackedBelow} columns)`
		: model.sides === 'left-only' ? `only in ${leftLabel} (not in ${rightLabel})` : `only in ${rightLabel} (not in ${leftLabel})`;
	const footer = `row ${Math.min(top + 1, model.rows.length)}-${Math.min(top + viewport, model.rows.length)} of ${model.rows.length}`
		+ ` · change ${currentHunk(top, viewport, model.hunks)}/${model.hunks.length} · fold ${view.fold ? 'on' : 'off'} · wrap ${view.wrap ? 'on' : 'off'}`
		+ `${view.swap ? ' · swapped' : ''}${model.fallback ? ' · whole-document view (the diff took too long)' : ''}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.ui.title} wrap="truncate">{truncate(header, width)}</Text>
			{comparison.error ? <Text {...theme.ui.error} wrap="truncate">{truncate(comparison.error, width)}</Text> : <Text {...theme.ui.muted} wrap="truncate">{truncate(labels, width)}</Text>}
			{/* Clipped vertically only: lines are already cut to the width, and a horizontal clip makes Ink re-slice
			    every line's escapes on every frame (a third of a page-down's time). */}
			<Box flexDirection="column" height={viewport} overflowY="hidden">
				{/* First, not after the lines: below a full page of text it would be clipped away and never seen. */}
				{!model.fallback && model.hunks.length === 0 && (leftText !== undefined || rightText !== undefined) && s.changed + s.deleted + s.inserted === 0
					? <Text {...theme.ui.muted}>No differences{view.showHidden ? '' : ' in the compared fields'}.</Text> : null}
				{leftText === undefined && rightText === undefined ? <Text {...theme.ui.muted}>Nothing to show: neither side could be read.</Text> : lines}
			</Box>
			<Text {...theme.ui.muted} wrap="truncate">{truncate(footer, width)}</Text>
		</Box>
	);
}
