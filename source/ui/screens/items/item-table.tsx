import {memo} from 'react';
import {Box, Text} from 'ink';
import type {Comparison} from '../../../core/status.js';
import type {Marks} from '../../state/marks.js';
import type {Theme} from '../../theme.js';
import {fit} from '../../text.js';
import {statusGlyphs} from '../../components/glyphs.js';

type Widths = ReturnType<typeof columnWidths>;

/** Props of <ItemRow/>. */
export interface ItemRowProps {
	readonly row: Comparison;
	readonly selected: boolean;
	readonly marked: boolean;
	readonly widths: Widths;
	readonly theme: Theme;
}

/** One table row; memoised so a cursor move re-renders two rows, not the whole page. */
export const ItemRow = memo(function ItemRow({row, selected, marked, widths: w, theme}: ItemRowProps) {
	const line = joinColumns(w, [
		row.kind ?? '?', row.flavor ?? '', row.name || row.file || '', row.id ?? row.error ?? '', row.categories.join(','),
		row.status === 'changed' ? String(row.changes.length) : '',
	]);
	return (
		<Text wrap="truncate">
			<Text {...(selected ? theme.ui.cursor : {})}>{selected ? '›' : ' '}</Text>
			<Text {...theme.ui.marked}>{marked ? '●' : ' '}</Text>
			<Text {...theme.status[row.status]}>{statusGlyphs[row.status]}</Text>
			{'  '}
			{/* The cursor row is inverse across the table; other rows drop trailing padding, which Ink would otherwise
			    turn into styled-character objects on every frame. */}
			<Text {...(selected ? theme.ui.cursor : {})}>{selected ? line : line.trimEnd()}</Text>
		</Text>
	);
}, (a, b) => a.row === b.row && a.selected === b.selected && a.marked === b.marked && a.theme === b.theme
	&& a.widths.name === b.widths.name && a.widths.id === b.widths.id && a.widths.categories === b.widths.categories
	&& a.widths.flavor === b.widths.flavor);

/** Lays out one row's cells in the table's columns, skipping columns a narrow terminal has no room for. */
function joinColumns(w: Widths, cells: readonly [string, string, string, string, string, string]): string {
	const sizes = [w.kind, w.flavor, w.name, w.id, w.categories, w.changes];
	return cells
		.map((cell, i) => (sizes[i]! > 0 ? fit(cell, sizes[i]!, i === 5 ? 'right' : 'left') : undefined))
		.filter((cell) => cell !== undefined)
		.join(' ');
}

/** Column widths for a table width; name, ID and categories share what the fixed columns leave. */
export function columnWidths(width: number): {kind: number; flavor: number; name: number; id: number; categories: number; changes: number} {
	// Under 70 columns flavor and categories give way to name and ID, the columns people search by.
	const narrow = width < 70;
	const flavor = narrow ? 0 : 7;
	const fixed = 5 + 8 + 1 + (narrow ? 0 : flavor + 1) + 4 + (narrow ? 2 : 3);
	const rest = Math.max(12, width - fixed);
	const name = Math.floor(rest * (narrow ? 0.55 : 0.4));
	const id = narrow ? rest - name : Math.floor(rest * 0.35);
	return {kind: 8, flavor, name, id, categories: narrow ? 0 : Math.max(0, rest - name - id), changes: 4};
}

/** Props of <ItemTable/>. */
export interface ItemTableProps {
	/** Only the rows in the viewport: the caller slices, so thousands of items cost nothing to render. */
	readonly rows: readonly Comparison[];
	readonly cursorIndex: number;
	readonly marks: Marks;
	readonly width: number;
	readonly theme: Theme;
}

/** The Items table body (header + visible rows). */
export function ItemTable({rows, cursorIndex, marks, width, theme}: ItemTableProps) {
	const w = columnWidths(width);
	return (
		<Box flexDirection="column" width={width}>
			<Text {...theme.ui.muted} wrap="truncate">
				{'     '}{joinColumns(w, ['kind', 'flavor', 'name', 'ID', 'categories', 'Δ'])}
			</Text>
			{/* Keyed by position: paging updates the rows in place (Ink keeps its layout nodes) instead of remounting. */}
			{rows.map((row, i) => (
				<ItemRow key={i} row={row} selected={i === cursorIndex} marked={marks.has(row.key)} widths={w} theme={theme} />
			))}
		</Box>
	);
}
