import {memo, type ReactElement} from 'react';
import {Box, Text} from 'ink';
import type {Cell, DiffRow, LineType, Sides, Span} from '../../../core/diff-rows.js';
import type {Style, Theme} from '../../theme.js';
import {fit} from '../../text.js';
import {cellSpans, clipSpans, markMatches, skipCells, spansWidth, wrapSpans, type MarkedSpan} from './spans.js';

/** Geometry and switches for turning rows into terminal lines. */
export interface LineOptions {
	readonly layout: 'split' | 'stacked';
	readonly sides: Sides;
	readonly width: number;
	/** Digits of the largest line number. */
	readonly digits: number;
	readonly wrap: boolean;
	readonly theme: Theme;
	/** Cells scrolled off to the left (horizontal scroll, wrap off). */
	readonly offset?: number;
	/** The active search, lower case: its occurrences are shown inverted. */
	readonly highlight?: string;
	/** The side whose lines an environment's overlay gave (the source side), and which of its lines it gave. */
	readonly overlay?: {readonly side: 'left' | 'right'; readonly lines: ReadonlySet<number>};
}

/** The gutter mark of a line whose value came from an environment's overlay. */
export const overlayMark = '◆';

/** Search hits stand out whatever the tint: inverted, an attribute that also reads without colour. */
const matchStyle: Style = {inverse: true};

type Tone = 'same' | 'removed' | 'added' | 'empty';

function toneOf(type: LineType, side: 'left' | 'right'): Tone {
	if (type === 'same') return 'same';
	if (type === 'delete') return side === 'left' ? 'removed' : 'empty';
	if (type === 'insert') return side === 'right' ? 'added' : 'empty';
	return side === 'left' ? 'removed' : 'added';
}

const signs: Record<Tone, string> = {same: ' ', removed: '-', added: '+', empty: ' '};

function lineStyle(tone: Tone, theme: Theme): Style {
	if (tone === 'removed') return theme.diff.removedLine;
	if (tone === 'added') return theme.diff.addedLine;
	return {};
}

function wordStyle(tone: Tone, theme: Theme): Style {
	return tone === 'removed' ? theme.diff.removedWord : theme.diff.addedWord;
}

/**
 * One column's pieces for each visual line: gutter (number + sign) and the text spans, padded to `size`. With
 * `numbers` (the stacked layout) the gutter holds both documents' line numbers, as a unified diff reads.
 */
function column(cell: Cell | undefined, tone: Tone, size: number, digits: number, options: LineOptions, key: string, numbers?: readonly [number | undefined, number | undefined], side?: 'left' | 'right'): ReactElement[] {
	const {wrap, theme, offset = 0, highlight = '', overlay} = options;
	const marked = cell !== undefined && overlay !== undefined && (side === undefined || side === overlay.side) && overlay.lines.has(cell.line);
	const gutterWidth = numbers ? digits * 2 + 1 : digits;
	const number = (line: number | undefined) => (line === undefined ? ' '.repeat(digits) : String(line).padStart(digits));
	const gutter = !cell ? ' '.repeat(gutterWidth) : numbers ? `${number(numbers[0])} ${number(numbers[1])}` : number(cell.line);
	const textWidth = Math.max(1, size - gutterWidth - 2);
	const spans = cell ? cellSpans(cell.text, cell.spans) : [];
	const lines: Span[][] = cell ? (wrap ? wrapSpans(spans, textWidth) : [clipSpans(skipCells(spans, offset), textWidth)]) : [[]];
	const base = lineStyle(tone, theme);
	return lines.map((pieces, i) => (
		<Text key={`${key}-${i}`}>
			<Text {...theme.diff.gutter}>{i === 0 ? gutter : ' '.repeat(gutterWidth)}</Text>
			{marked && i === 0 ? <Text {...theme.diff.fold}>{overlayMark}</Text> : <Text {...base}>{' '}</Text>}<Text {...base}>{signs[tone]}</Text>
			{markMatches(pieces, highlight).map((span: MarkedSpan, j) => (
				<Text key={j} {...(span.changed && tone !== 'same' ? {...base, ...wordStyle(tone, theme)} : base)} {...(span.match ? matchStyle : {})}>{span.text}</Text>
			))}
			{/* Unstyled lines need no padding: their column's Box keeps the width, and every padding cell costs Ink a
			    styled-character object per frame (most of a page-down in a large, mostly unchanged diff). */}
			{tone === 'same' ? null : <Text {...(tone === 'empty' ? theme.diff.empty : base)}>{(tone === 'empty' && !cell ? '·' : ' ').repeat(Math.max(0, textWidth - spansWidth(pieces)))}</Text>}
		</Text>
	));
}

/**
 * The terminal lines of one row: a fold marker, one column (one-sided item), two columns side by side (split) or one
 * or two unified lines (stacked). Changed lines carry a `-`/`+` marker in the gutter, so they read without colour.
 */
export function rowLines(row: DiffRow, options: LineOptions): ReactElement[] {
	const {layout, sides, width, digits, theme} = options;
	if (row.type === 'fold') {
		return [<Text key="f" {...theme.diff.fold} wrap="truncate">{fit(`  … ${row.hidden} unchanged lines …  (z unfolds)`, width)}</Text>];
	}
	if (sides !== 'both' || layout === 'stacked') {
		const side = row.type === 'insert' || (sides === 'right-only') ? 'right' : 'left';
		const cell = side === 'right' ? row.right : row.left;
		// A one-sided item has nothing to compare with: no tint, the header says which side it is on.
		const tone = sides === 'both' ? toneOf(row.type, side) : 'same';
		// Stacked, both line numbers: the left document's, then the right's (blank on the side a line is not in).
		const numbers = sides === 'both' ? [row.left?.line, row.right?.line] as const : undefined;
		const shown = cell ?? row.right ?? row.left;
		return column(shown, tone, width, digits, options, 's', numbers, shown === row.right ? 'right' : 'left')
			.map((line, i) => <Text key={`s${i}`} wrap="truncate">{line}</Text>);
	}
	const half = Math.floor((width - 1) / 2);
	const left = column(row.left, toneOf(row.type, 'left'), half, digits, options, 'l', undefined, 'left');
	const right = column(row.right, toneOf(row.type, 'right'), width - 1 - half, digits, options, 'r', undefined, 'right');
	const count = Math.max(left.length, right.length);
	const blank = (size: number) => <Text>{' '.repeat(size)}</Text>;
	// Three text nodes side by side, not one: Ink measures every text node's width several times a frame, and a
	// string with any non-ASCII character (the │) is measured grapheme by grapheme, ten times slower than ASCII.
	return Array.from({length: count}, (_, i) => (
		<Box key={`p${i}`} width={width} height={1}>
			<Box width={half} flexShrink={0}>{left[i] ?? blank(half)}</Box><Text {...theme.diff.gutter}>│</Text>{right[i] ?? blank(width - 1 - half)}
		</Box>
	));
}

/** Props of <DiffRowView/>. */
export interface DiffRowViewProps extends LineOptions {
	readonly row: DiffRow;
}

/**
 * One row as a component, memoised on the row and the geometry, so a frame re-renders only rows that changed; the
 * screen keys it by position, so scrolling updates rows in place instead of remounting them.
 */
export const DiffRowView = memo(function DiffRowView({row, ...options}: DiffRowViewProps) {
	return <>{rowLines(row, options)}</>;
});

/** How many terminal lines a row takes, so the screen fills exactly its height when wrapping. */
export function rowHeight(row: DiffRow, options: LineOptions): number {
	if (row.type === 'fold' || !options.wrap) return 1;
	return rowLines(row, options).length;
}
