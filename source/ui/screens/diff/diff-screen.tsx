import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {diffRows, unfold, type DiffModel, type DiffRow} from '../../../core/diff-rows.js';
import {blameShort} from '../../../core/blame.js';
import {useUi} from '../../context.js';
import {useKeys, type CommandHandlers} from '../../hooks/use-keys.js';
import {useExternal} from '../../hooks/use-external.js';
import {clampTop, currentHunk, diffViewReducer, initialDiffView, type DiffViewAction} from '../../state/diff-view.js';
import {matchLabel} from '../../state/diff-search.js';
import type {Route} from '../../state/navigation.js';
import {fit, plural, truncate, width as cells} from '../../text.js';
import {diffTexts, documentTexts} from './diff-texts.js';
import {DiffRowView, overlayMark, rowHeight, type LineOptions} from './diff-lines.js';
import {linePaths} from './line-paths.js';
import {useDiffSearch} from './use-diff-search.js';
import {pairNames, useBasePair, type BasePair} from './use-base-pair.js';

/** Props of <DiffScreen/>. */
export interface DiffScreenProps {
	readonly route: Extract<Route, {type: 'diff'}>;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** Below this width the side-by-side view would leave too little per column, so the diff is stacked (unified). */
export const stackedBelow = 100;

/** One side's full text as a one-column model, so the JSON view scrolls, wraps, searches and numbers like the diff. */
function textModel(text: string): DiffModel {
	const lines = text.split('\n');
	const rows: DiffRow[] = lines.map((line, i) => ({type: 'same', left: {line: i + 1, text: line}}));
	return {layout: 'stacked', rows, hunks: [], sides: 'left-only', fallback: false, stats: {changed: 0, deleted: 0, inserted: 0, leftLines: lines.length, rightLines: 0}};
}

/**
 * Side-by-side diff of one item. The row model is computed once per (texts, layout); scrolling only changes which
 * rows are rendered, so a page-down in a 20,000-line diff renders one screenful. `v` turns it into the JSON view of
 * one side (normalised, or the raw document with `i`); `/` searches either.
 */
export function DiffScreen({route, width, height, isActive}: DiffScreenProps) {
	const ui = useUi();
	const {theme} = ui;
	const external = useExternal();
	const [view, setView] = useState(initialDiffView);
	const compareOptions = useMemo(() => ui.services.compareOptions?.() ?? {}, [ui.services]);
	// The live side says who changed it last, when the view knows (blame: the journal or the Dashboard's audit log).
	const liveLabel = route.blame ? `${route.rightLabel} · ${blameShort(route.blame)}` : route.rightLabel;
	// `b` cycles Git ↔ live, base ↔ Git, base ↔ live: a base pair diffs its own two versions.
	const based = useBasePair(route, ui.services, compareOptions, liveLabel, ui.say);
	const {comparison} = based;
	const texts = useMemo(() => diffTexts(comparison, view.showHidden, compareOptions), [comparison, view.showHidden, compareOptions]);
	const documents = useMemo(() => (view.showHidden ? documentTexts(comparison) : undefined), [comparison, view.showHidden]);
	const layout: 'split' | 'stacked' = width < stackedBelow ? 'stacked' : 'split';
	const [leftText, rightText] = view.swap ? [texts.right, texts.left] : [texts.left, texts.right];
	const [sourceLabel, targetLabel] = based.labels ?? [route.leftLabel, liveLabel];
	const [leftLabel, rightLabel] = view.swap ? [targetLabel, sourceLabel] : [sourceLabel, targetLabel];
	// The JSON view and the pager show the ◀ side (s swaps), or the other one when the item has no ◀ side.
	const jsonSide = (view.swap ? 'right' : 'left') as 'left' | 'right';
	const otherSide = jsonSide === 'left' ? 'right' : 'left';
	const sideOf = (side: 'left' | 'right') => (documents ? documents[side] : texts[side]);
	const shownSide = sideOf(jsonSide) !== undefined ? jsonSide : otherSide;
	const shownText = sideOf(shownSide);
	const shownLabel = shownSide === 'left' ? sourceLabel : based.labels?.[1] ?? route.rightLabel;
	const form = view.showHidden ? 'raw document' : 'normalised';
	const folded = useMemo(() => diffRows(leftText, rightText, {layout}), [leftText, rightText, layout]);
	const diffModel = useMemo(() => (view.fold ? folded : unfold(folded)), [folded, view.fold]);
	const jsonModel = useMemo(() => (view.raw && shownText !== undefined ? textModel(shownText) : undefined), [view.raw, shownText]);
	const model = jsonModel ?? diffModel;
	const viewport = Math.max(1, height - 3);
	const bounds = {rows: model.rows.length, viewport, hunks: model.hunks};
	const top = clampTop(view.top, bounds);
	const dispatch = (action: DiffViewAction) => setView((s) => diffViewReducer(s, action, bounds));
	const act = (action: DiffViewAction) => () => dispatch(action);
	const found = useDiffSearch({model, folded: !jsonModel && view.fold ? folded : undefined, top, isActive, dispatch, say: ui.say});
	const {search, matches} = found;
	const columnText = (layout === 'split' && model.sides === 'both' ? Math.floor((width - 1) / 2) : width) - 8;
	const shift = (direction: 1 | -1) => () => {
		if (view.wrap) return void ui.say('Wrap is on: w turns it off to scroll sideways');
		const longest = model.rows.reduce((max, row) => Math.max(max, row.type === 'fold' ? 0 : Math.max(row.left?.text.length ?? 0, row.right?.text.length ?? 0)), 0);
		const max = Math.max(0, longest - columnText);
		if (max === 0) return void ui.say('Every line fits: nothing to scroll sideways');
		dispatch({type: 'shift', by: direction * Math.max(4, Math.floor(columnText / 4)), max});
	};
	/** The row the copy and the pager talk about: the current match, else the first change on screen, else the top. */
	const focusRow = () => found.current ?? model.hunks.find((h) => h >= top && h < top + viewport) ?? top;
	const copyPath = () => {
		const row = model.rows[focusRow()];
		const line = row && row.type !== 'fold' ? row : undefined;
		const cell = line?.left ?? line?.right;
		const text = jsonModel ? shownText : line?.left ? leftText : rightText;
		const path = cell && text !== undefined ? linePaths(text)[cell.line - 1] : undefined;
		if (!path) return void ui.say('No field on the line in focus: scroll (or search) to a field line');
		external.copy(path);
		ui.say(`copied ${path}`);
	};
	const open = (how: 'page' | 'edit') => {
		if (shownText === undefined) return void ui.say('Nothing to open: neither side could be read');
		const name = `${comparison.kind ?? 'item'}-${comparison.id ?? comparison.key}-${shownSide}.json`;
		const result = external.run((programs) => (how === 'page' ? programs.page(`${shownText}\n`) : programs.edit(`${shownText}\n`, name)));
		ui.say(result.ok ? `${result.message} (${shownLabel}, ${form})` : result.message);
	};
	const handlers: CommandHandlers = {
		up: act({type: 'scroll', move: 'up'}), down: act({type: 'scroll', move: 'down'}),
		pageUp: act({type: 'scroll', move: 'pageUp'}), pageDown: act({type: 'scroll', move: 'pageDown'}),
		top: act({type: 'scroll', move: 'top'}), bottom: act({type: 'scroll', move: 'bottom'}),
		// With a search active, n/N go over its matches; otherwise over the changes.
		nextChange: () => void (found.step('next') || dispatch({type: 'nextChange'})),
		prevChange: () => void (found.step('previous') || dispatch({type: 'prevChange'})),
		fold: act({type: 'toggle', what: 'fold'}), wrap: act({type: 'toggle', what: 'wrap'}),
		swap: act({type: 'toggle', what: 'swap'}), hidden: act({type: 'toggle', what: 'showHidden'}),
		scrollLeft: shift(-1), scrollRight: shift(1),
		rawView: () => {
			dispatch({type: 'toggle', what: 'raw'});
			if (!view.raw) ui.say('JSON view: s shows the other side, i the raw document, o pager, e editor, v back to the diff');
		},
		pager: () => open('page'),
		editor: () => open('edit'),
		copyId: () => {
			const id = comparison.id ?? comparison.key;
			external.copy(id);
			ui.say(`copied ID ${id}`);
		},
		copyPath,
		basePair: based.cycle,
	};
	// `/` opens the search field, and with a search active the first Esc clears it.
	useKeys('diff', {...handlers, ...found.handlers}, {isActive: isActive && !found.search.editing});
	const digits = String(Math.max(model.stats.leftLines, model.stats.rightLines, 1)).length;
	// The overlay's fields are marked on the Git side, which a base pair does not show on the left.
	const overlay = useOverlayLines(based.pair === 'git-live' ? route.overlay?.fields : undefined, texts.left, view.swap, !jsonModel);
	const options = {layout, sides: model.sides, width, digits, wrap: view.wrap, theme, offset: view.wrap ? 0 : view.offset, highlight: search.query.toLowerCase(), overlay};
	const s = model.stats;
	// Said above the rows, on a line of its own: the rows start one line lower (they were drawn over it at 80 columns).
	const noDifferences = !jsonModel && !model.fallback && model.hunks.length === 0 && (leftText !== undefined || rightText !== undefined) && s.changed + s.deleted + s.inserted === 0;
	const lines = [];
	for (let i = top, used = noDifferences ? 1 : 0; i < model.rows.length && used < viewport; i++) {
		const row = model.rows[i]!;
		used += rowHeight(row, options);
		// Keyed by position on screen, not by row: a page-down updates the same components (and Ink's layout nodes)
		// with new text instead of unmounting a screenful and mounting another.
		lines.push(<DiffRowView key={i - top} row={row} {...options} />);
	}
	const hiddenCount = based.pair === 'git-live' ? route.hidden ?? texts.hidden : texts.hidden;
	const hiddenNote = view.showHidden
		? 'showing all fields (i hides server-managed ones)'
		: `${plural(hiddenCount, 'server-managed field')} hidden (i shows)`;
	// At 80 columns the counts must stay whole: the wording shortens, then the name (also in the breadcrumb) gives way.
	const hiddenShort = view.showHidden ? 'all fields (i)' : `${hiddenCount} hidden (i)`;
	const counts = model.sides === 'both' ? `~${s.changed} -${s.deleted} +${s.inserted}` : `${Math.max(s.leftLines, s.rightLines)} lines`;
	const fromOverlay = route.overlay ? ` · ${overlayMark} ${plural(route.overlay.fields.length, 'field')} from overlay ${route.overlay.environment}` : '';
	const fromOverlayShort = route.overlay ? ` · ${overlayMark} ${route.overlay.fields.length} overlay ${route.overlay.environment}` : '';
	// A side that was not read (its Dashboard down): the pair's status is unknown, and the item is not "only" anywhere.
	const unread = route.notRead === undefined ? undefined : route.notRead === 'right' ? route.rightLabel : route.leftLabel;
	// A base pair that cannot be shown says why where the side labels go; the Git ↔ live diff stays below it.
	const status = unread === undefined ? comparison.status : 'not compared';
	const header = jsonModel
		? `JSON of ${comparison.name || comparison.id || comparison.key} · ${shownLabel} · ${form} (i ${view.showHidden ? 'normalised' : 'raw document'}, s other side, v diff)`
		: fitHeader(`${pairPrefix(based)}${comparison.kind ?? ''} `, comparison.name || comparison.id || comparison.key, [
			` · ${status} · ${counts}${fromOverlay} · ${hiddenNote}${texts.masked > 0 ? ` · ${plural(texts.masked, 'secret')} masked` : ''}`,
			` · ${status} · ${counts}${fromOverlayShort} · ${hiddenShort}${texts.masked > 0 ? ` · ${texts.masked} masked` : ''}`,
		], width);
	const half = Math.floor((width - 1) / 2);
	const labels = jsonModel
		? `${s.leftLines} lines · secrets masked · o opens it in ${external.programs?.pager ?? '$PAGER'}, e in ${external.programs?.editor ?? '$EDITOR'} (read-only copy)`
		: model.sides === 'both'
			? layout === 'split' ? `${fit(`◀ ${leftLabel}`, half)}│${fit(`▶ ${rightLabel}`, width - 1 - half)}` : `- ${leftLabel}   + ${rightLabel}   (stacked: window under ${stackedBelow} columns)`
			: unread !== undefined ? `${model.sides === 'left-only' ? leftLabel : rightLabel} alone: ${unread} could not be read`
				: model.sides === 'left-only' ? `only in ${leftLabel} (not in ${rightLabel})` : `only in ${rightLabel} (not in ${leftLabel})`;
	const matchNote = matchLabel(search, matches.length);
	const footer = search.editing
		? `search /${search.draft}█  (Enter searches, Esc cancels)`
		: `row ${Math.min(top + 1, model.rows.length)}-${Math.min(top + viewport, model.rows.length)} of ${model.rows.length}`
			+ `${matchNote ? ` · ${matchNote}` : ''}`
			+ (jsonModel ? '' : ` · change ${currentHunk(top, viewport, model.hunks)}/${model.hunks.length} · fold ${view.fold ? 'on' : 'off'}`)
			+ ` · wrap ${view.wrap ? 'on' : 'off'}${!view.wrap && view.offset > 0 ? ` · col ${view.offset + 1}` : ''}`
			+ `${view.swap ? ' · swapped' : ''}${model.fallback ? ' · whole-document view (the diff took too long)' : ''}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text {...theme.ui.title} wrap="truncate">{truncate(header, width)}</Text>
			{based.note !== undefined
				? <Text {...theme.ui.error} wrap="truncate">{truncate(`${pairNames[based.pair]}: ${based.note} · showing Git ↔ live · b cycles`, width)}</Text>
				: comparison.error && !jsonModel ? <Text {...theme.ui.error} wrap="truncate">{truncate(comparison.error, width)}</Text> : <Text {...theme.ui.muted} wrap="truncate">{truncate(labels, width)}</Text>}
			{/* Clipped vertically only: lines are already cut to the width, and a horizontal clip makes Ink re-slice
			    every line's escapes on every frame (a third of a page-down's time). */}
			<Box flexDirection="column" height={viewport} overflowY="hidden">
				{/* First, not after the lines: below a full page of text it would be clipped away and never seen. */}
				{noDifferences ? <Text {...theme.ui.muted}>No differences{view.showHidden ? '' : ' in the compared fields'}.</Text> : null}
				{leftText === undefined && rightText === undefined ? <Text {...theme.ui.muted}>Nothing to show: neither side could be read.</Text> : lines}
			</Box>
			<Text {...(search.editing ? theme.ui.title : theme.ui.muted)} wrap="truncate">{truncate(footer, width)}</Text>
		</Box>
	);
}

/** The header's first words for a base pair (`base ↔ Git · `), so which two versions are shown is never in doubt. */
function pairPrefix(based: BasePair): string {
	return based.pair === 'git-live' || based.note !== undefined ? '' : `${pairNames[based.pair]} · `;
}

/**
 * The diff header in `width` cells: the first tail (the facts after the name, longest wording first) that fits with
 * the whole name, else the shortest with the name cut to what is left; the counts are never the part that is cut.
 */
function fitHeader(kind: string, name: string, tails: readonly string[], width: number): string {
	const tail = tails.find((candidate) => cells(kind) + cells(name) + cells(candidate) <= width) ?? tails.at(-1)!;
	return kind + truncate(name, Math.max(8, width - cells(kind) - cells(tail))) + tail;
}

/**
 * The lines of the source side (left, or right when swapped) whose value an environment's overlay gave: the line of
 * each field path, and every line inside it when the path names an object. Undefined without an overlay.
 */
function useOverlayLines(fields: readonly string[] | undefined, text: string | undefined, swap: boolean, shown: boolean): LineOptions['overlay'] {
	const lines = useMemo(() => {
		if (!fields || fields.length === 0 || text === undefined) return undefined;
		const within = (path: string) => fields.some((field) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`));
		const out = new Set<number>();
		linePaths(text).forEach((path, index) => {
			if (path !== '' && within(path)) out.add(index + 1);
		});
		return out;
	}, [fields, text]);
	return lines && shown ? {side: swap ? 'right' : 'left', lines} : undefined;
}
