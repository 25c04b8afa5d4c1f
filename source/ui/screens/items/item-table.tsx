import {Box, Text} from 'ink';
import type {Comparison} from '../../../core/status.js';
import type {Marks} from '../../state/marks.js';
import type {Theme} from '../../theme.js';
import {fit} from '../../text.js';
import {statusGlyphs} from '../../components/glyphs.js';

/** Column widths for a table width; name, ID and categories share what the fixed columns leave. */
export function columnWidths(width: number): {kind: number; flavor: number; name: number; id: number; categories: number; changes: number} {
	const fixed = 5 + 8 + 1 + 7 + 1 + 4 + 3;
	const rest = Math.max(12, width - fixed);
	const name = Math.floor(rest * 0.4);
	const id = Math.floor(rest * 0.35);
	return {kind: 8, flavor: 7, name, id, categories: Math.max(0, rest - name - id), changes: 4};
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
				{'     '}{fit('kind', w.kind)} {fit('flavor', w.flavor)} {fit('name', w.name)} {fit('ID', w.id)} {fit('categories', w.categories)} {fit('Δ', w.changes, 'right')}
			</Text>
			{rows.map((row, i) => {
				const selected = i === cursorIndex;
				const marked = marks.has(row.key);
				const line = `${fit(row.kind ?? '?', w.kind)} ${fit(row.flavor ?? '', w.flavor)} ${fit(row.name || row.file || '', w.name)} ${fit(row.id ?? row.error ?? '', w.id)} ${fit(row.categories.join(','), w.categories)} ${fit(row.status === 'changed' ? String(row.changes.length) : '', w.changes, 'right')}`;
				return (
					<Text key={row.key} wrap="truncate">
						<Text {...(selected ? theme.ui.cursor : {})}>{selected ? '›' : ' '}</Text>
						<Text {...theme.ui.marked}>{marked ? '●' : ' '}</Text>
						<Text {...theme.status[row.status]}>{statusGlyphs[row.status]}</Text>
						{'  '}
						<Text {...(selected ? theme.ui.cursor : {})}>{line}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
