import {memo} from 'react';
import {Box, Text} from 'ink';
import type {Comparison} from '../../../core/status.js';
import type {Marks} from '../../state/marks.js';
import {listenPath} from '../../state/filter.js';
import type {Theme} from '../../theme.js';
import {fit, width as cells} from '../../text.js';
import {statusGlyphs} from '../../components/glyphs.js';
import {originTags} from '../../../core/origin.js';

/** Cells of each column; 0 hides the column. */
export interface ColumnWidths {
	readonly kind: number;
	readonly flavor: number;
	readonly name: number;
	readonly id: number;
	readonly listen: number;
	readonly categories: number;
	readonly changes: number;
	/** Who moved a differing row since its base (`git`, `live`, `both`, `?`); 0 when no row has an origin. */
	readonly origin: number;
}

/** Props of <ItemRow/>. */
export interface ItemRowProps {
	readonly row: Comparison;
	readonly selected: boolean;
	readonly marked: boolean;
	readonly widths: ColumnWidths;
	readonly theme: Theme;
	/** The other side was not read (a Dashboard down): the row's status is unknown, shown as `?`. */
	readonly unknown?: boolean;
}

/** The texts of one row's columns, in table order. */
function cellsOf(row: Comparison): string[] {
	return [
		row.kind ?? '?', row.flavor ?? '', row.name || row.file || '', row.id ?? row.error ?? '', listenOf(row),
		row.categories.join(','), row.status === 'changed' ? String(row.changes.length) : '', row.origin ? originTags[row.origin] : '',
	];
}

function listenOf(row: Comparison): string {
	return listenPath(row.right) ?? listenPath(row.left) ?? '';
}

/** One table row; memoised so a cursor move re-renders two rows, not the whole page. */
export const ItemRow = memo(function ItemRow({row, selected, marked, widths: w, theme, unknown = false}: ItemRowProps) {
	const line = joinColumns(w, cellsOf(row));
	return (
		<Text wrap="truncate">
			<Text {...(selected ? theme.ui.cursor : {})}>{selected ? '›' : ' '}</Text>
			<Text {...theme.ui.marked}>{marked ? '●' : ' '}</Text>
			<Text {...(unknown ? theme.ui.muted : theme.status[row.status])}>{unknown ? '?' : statusGlyphs[row.status]}</Text>
			{'  '}
			{/* The cursor row is inverse across the table; other rows drop trailing padding, which Ink would otherwise
			    turn into styled-character objects on every frame. */}
			<Text {...(selected ? theme.ui.cursor : {})}>{selected ? line : line.trimEnd()}</Text>
		</Text>
	);
}, (a, b) => a.row === b.row && a.selected === b.selected && a.marked === b.marked && a.theme === b.theme && a.widths === b.widths
	&& a.unknown === b.unknown);

/** Lays out one row's cells in the table's columns, skipping columns a narrow terminal has no room for. */
function joinColumns(w: ColumnWidths, texts: readonly string[]): string {
	const sizes = [w.kind, w.flavor, w.name, w.id, w.listen, w.categories, w.changes, w.origin];
	return texts
		.map((text, i) => (sizes[i]! > 0 ? fit(text, sizes[i]!, i === 6 ? 'right' : 'left') : undefined))
		.filter((text) => text !== undefined)
		.join(' ');
}

/** The widest text of each content column over the rows the table can show (not just the page: columns stay put). */
export interface ContentWidths {
	readonly name: number;
	readonly id: number;
	readonly listen: number;
	readonly categories: number;
	/** Cells of the origin column: 0 when no row has an origin (a comparison of two environments, no drift). */
	readonly origin?: number;
}

/** Measures the content columns of every row; one pass, done when the rows change (not on a cursor move). */
export function contentWidths(rows: readonly Comparison[]): ContentWidths {
	let name = 0;
	let id = 0;
	let listen = 0;
	let categories = 0;
	let origin = 0;
	for (const row of rows) {
		if (row.origin) origin = originWidth;
		const [, , rowName, rowId, rowListen, rowCategories] = cellsOf(row);
		name = Math.max(name, cells(rowName!));
		id = Math.max(id, cells(rowId!));
		listen = Math.max(listen, cells(rowListen!));
		categories = Math.max(categories, cells(rowCategories!));
	}
	return {name, id, listen, categories, origin};
}

/** The origin column: its title (`from`) and its widest tag (`live`, `both`). */
const originWidth = 4;

/** Caps per column, so one absurdly long name or ID cannot take a wide terminal's whole row. */
const caps = {name: 60, id: 48, listen: 40, categories: 30} as const;
/** Below this a name is hard to recognise; IDs give way (truncated) rather than squeeze names under it. */
const minName = 16;

/**
 * Column widths from the content: IDs whole when they fit (they are what people copy and search by), names get the
 * rest, then a listen-path column and categories when there is room; no column is wider than its longest text (or its
 * cap), so a 200-column terminal leaves space at the right instead of stretching columns apart. The table width
 * excludes the five-cell cursor / mark / status prefix.
 */
export function columnWidths(width: number, content: ContentWidths): ColumnWidths {
	// Under 70 columns flavor and categories give way to name and ID, the columns people search by.
	const narrow = width < 70;
	const kind = 8;
	const flavor = narrow ? 0 : 7;
	const changes = narrow ? 2 : 3;
	const origin = content.origin ?? 0;
	// Columns are joined by one space each.
	let room = width - 5 - kind - 1 - (flavor > 0 ? flavor + 1 : 0) - changes - 1 - (origin > 0 ? origin + 1 : 0);
	const want = {
		name: Math.max(4, Math.min(caps.name, content.name)),
		id: Math.max(2, Math.min(caps.id, content.id)),
		// A column with content is at least as wide as its title, so the title reads whole.
		listen: content.listen > 0 ? Math.min(caps.listen, Math.max(content.listen, 'listen path'.length)) : 0,
		categories: content.categories > 0 ? Math.min(caps.categories, Math.max(content.categories, 'categories'.length)) : 0,
	};
	const id = Math.max(2, Math.min(want.id, room - 1 - Math.min(want.name, minName)));
	room -= id + 1;
	const name = Math.max(1, Math.min(want.name, room));
	room -= name;
	// The optional columns only when their longest text (or at least a useful part of it) fits whole.
	const listen = want.listen > 0 && room - 1 >= Math.min(want.listen, 12) ? Math.min(want.listen, room - 1) : 0;
	room -= listen > 0 ? listen + 1 : 0;
	const categories = !narrow && want.categories > 0 && room - 1 >= Math.min(want.categories, 10) ? Math.min(want.categories, room - 1) : 0;
	return {kind, flavor, name, id, listen, categories, changes, origin};
}

/** Props of <ItemTable/>. */
export interface ItemTableProps {
	/** Only the rows in the viewport: the caller slices, so thousands of items cost nothing to render. */
	readonly rows: readonly Comparison[];
	readonly cursorIndex: number;
	readonly marks: Marks;
	readonly width: number;
	/** Column widths for this table (see columnWidths), computed by the caller from all rows the table can show. */
	readonly widths: ColumnWidths;
	/** "31/36": the cursor's position among the rows the filters leave; shown at the right of the column header. */
	readonly position: string;
	/** Every row's status is unknown (the other side was not read): `?` instead of the status glyph. */
	readonly unknown?: boolean;
	readonly theme: Theme;
}

/** The Items table body (header + visible rows). */
export function ItemTable({rows, cursorIndex, marks, width, widths, position, theme, unknown}: ItemTableProps) {
	const header = `     ${joinColumns(widths, ['kind', 'flavor', 'name', 'ID', 'listen path', 'categories', 'Δ', 'from'])}`.trimEnd();
	// The position sits at the right edge; on a narrow terminal it wins over the header's last column names.
	const gap = width - cells(position) - 1;
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				{/* Cut, not ellipsised: a title half shown reads worse than one left out. */}
				<Text {...theme.ui.muted}>{header.slice(0, Math.max(0, gap)).padEnd(Math.max(0, gap))}</Text> <Text {...theme.ui.key}>{position}</Text>
			</Text>
			{/* Keyed by position: paging updates the rows in place (Ink keeps its layout nodes) instead of remounting. */}
			{rows.map((row, i) => (
				<ItemRow key={i} row={row} selected={i === cursorIndex} marked={marks.has(row.key)} widths={widths} theme={theme} unknown={unknown} />
			))}
		</Box>
	);
}
