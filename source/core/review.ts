import {createTwoFilesPatch} from 'diff';
import {safeLines, safeText} from './safe-text.js';

/**
 * One row of a review artefact (a pull-request comment or an HTML page): a changed item of a diff or a step of a
 * plan, already reduced to display strings and masked texts, so the renderers never see a secret or a raw body.
 */
export interface ReviewEntry {
	/** `changed`, `only live`, …, or a plan action (`update`, `create`, `delete`). */
	readonly status: string;
	/** `git` | `live` | `both` | `unknown` when the diff classified the item; absent otherwise. */
	readonly origin?: string;
	/** e.g. `api classic`, `policy`. */
	readonly kind: string;
	readonly name: string;
	readonly id?: string;
	/** Changed field paths (product.md notation). */
	readonly paths: readonly string[];
	/** Who last changed the live side, in words (`alice@example.com via dashboard on …`); absent when unknown. */
	readonly blame?: string;
	/** Masked canonical JSON of each side; undefined for a missing side. Both undefined: no body to show. */
	readonly leftText?: string;
	readonly rightText?: string;
	/** Paths whose secret changed though its masked text did not (same length): said under the diff. */
	readonly secretsChanged?: readonly string[];
	/** Why the item could not be compared (invalid file, conflict). */
	readonly error?: string;
	/** The command that shows this item whole, named when its diff is cut. */
	readonly seeAll?: string;
}

/** A whole review: what was compared with what, a summary line and the entries in table order. */
export interface ReviewDoc {
	/** e.g. `tyk-console diff staging`. */
	readonly title: string;
	/** Labels of the two sides (`git main@3f2a1c9`, `live staging`), used as the diff's file names. */
	readonly leftLabel: string;
	readonly rightLabel: string;
	readonly summary: string;
	/** `Status` for a diff, `Action` for a plan. */
	readonly statusHeader: string;
	readonly entries: readonly ReviewEntry[];
	/** Lines said under the table (notes of the comparison or the plan). */
	readonly notes?: readonly string[];
	/** The command that shows everything, named when something was cut. */
	readonly seeAll: string;
}

/** GitHub's limit on an issue or pull-request comment, in characters. */
export const githubCommentLimit = 65_536;

const maxPathsInCell = 6;
const maxPathChars = 60;

/** A long field path shortened in its middle, so both its root and its leaf stay readable. */
export function shortenPath(path: string, max = maxPathChars): string {
	if (path.length <= max) return path;
	const keep = max - 1;
	const head = Math.ceil(keep / 2);
	return `${path.slice(0, head)}…${path.slice(path.length - (keep - head))}`;
}

/** The changed paths of one entry as one short list: at most a few, each shortened, then how many more. */
export function pathSummary(paths: readonly string[]): string {
	const shown = paths.slice(0, maxPathsInCell).map((path) => shortenPath(path));
	return paths.length > maxPathsInCell ? `${shown.join(', ')} (+${paths.length - maxPathsInCell} more)` : shown.join(', ');
}

/** Text made safe for HTML (element content and quoted attribute values). */
export function escapeHtml(text: string): string {
	return safeText(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text made safe for one markdown table cell on GitHub: no newline (safeText shows it as `\u000a`), no `|` that
 * would split the cell, no HTML tag, no backtick span or emphasis, no link: every character markdown or HTML could
 * read as syntax becomes an entity or a backslash escape, so a hostile name reads as text and the table holds.
 */
export function escapeMarkdownCell(text: string): string {
	return safeText(text)
		.replace(/[&<>"|`]/g, (char) => `&#${char.charCodeAt(0)};`)
		.replace(/[\\*_[\]~]/g, (char) => `\\${char}`);
}

/** A unified diff of one entry (`-` left, `+` right), its file header included; empty when there is no body. */
export function unifiedDiff(doc: ReviewDoc, entry: ReviewEntry): string {
	if (entry.leftText === undefined && entry.rightText === undefined) return '';
	const left = entry.leftText === undefined ? '/dev/null' : doc.leftLabel;
	const right = entry.rightText === undefined ? '/dev/null' : doc.rightLabel;
	const patch = createTwoFilesPatch(left, right, entry.leftText ?? '', entry.rightText ?? '', '', '', {context: 3});
	// The first two lines are `Index:`-style noise (`===…`); keep from the `---` header on.
	const lines = patch.split('\n');
	const start = lines.findIndex((line) => line.startsWith('--- '));
	const body = lines.slice(start < 0 ? 0 : start).map((line) => line.replace(/\t$/, ''));
	while (body.length > 0 && body[body.length - 1] === '') body.pop();
	for (const path of entry.secretsChanged ?? []) body.push(`~ ${path}: secret changed (value masked)`);
	return safeLines(body.join('\n'));
}

/** A fence longer than any run of backticks in the text, so no line of it can close the block. */
function fenceFor(text: string): string {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
	return '`'.repeat(Math.max(3, longest + 1));
}

/** Who an entry is, in one cell: `Name (id)`, or the name alone when the ID says nothing more. */
export function entryWho(entry: ReviewEntry): string {
	return entry.id && entry.id !== entry.name ? `${entry.name || entry.id} (${entry.id})` : entry.name;
}

/**
 * The table's columns, for markdown and HTML alike: status, origin (when some entry has one), kind, name, changed
 * paths (or what is wrong), last live change (when some entry has blame); cells are plain text, escaped by the caller.
 */
export function reviewColumns(doc: ReviewDoc): {header: string[]; cells: (entry: ReviewEntry) => string[]} {
	const origin = doc.entries.some((entry) => entry.origin !== undefined);
	const blame = doc.entries.some((entry) => entry.blame !== undefined);
	const header = [doc.statusHeader, ...(origin ? ['Origin'] : []), 'Kind', 'Name', 'Changed paths', ...(blame ? ['Last live change'] : [])];
	const cells = (entry: ReviewEntry): string[] => [
		entry.status, ...(origin ? [entry.origin ?? '—'] : []), entry.kind, entryWho(entry),
		entry.error ?? pathSummary(entry.paths), ...(blame ? [entry.blame ?? '—'] : []),
	];
	return {header, cells};
}

function tableRow(cells: readonly string[]): string {
	return `| ${cells.map((cell) => (cell === '' ? ' ' : escapeMarkdownCell(cell))).join(' | ')} |`;
}

/** One `<details>` block: a summary line naming the item, then its diff in a fenced `diff` block. */
function detailsBlock(doc: ReviewDoc, entry: ReviewEntry, diff: string, cut?: string): string {
	const summary = `${escapeHtml(entry.status)} ${escapeHtml(entry.kind)} <b>${escapeHtml(entryWho(entry))}</b>`;
	const lines = ['<details>', `<summary>${summary}</summary>`, ''];
	if (entry.blame) lines.push(`Last live change: ${escapeHtml(entry.blame)}`, '');
	const fence = fenceFor(diff);
	lines.push(`${fence}diff`, diff, fence);
	if (cut) lines.push('', escapeHtml(cut));
	lines.push('', '</details>');
	return lines.join('\n');
}

interface Block {
	readonly entry: ReviewEntry;
	readonly diff: string;
	text: string;
	state: 'whole' | 'shortened' | 'dropped';
}

function shorten(doc: ReviewDoc, block: Block, excess: number): void {
	const lines = block.diff.split('\n');
	const room = Math.max(0, block.diff.length - excess - 200);
	let kept = 0;
	let length = 0;
	while (kept < lines.length && length + lines[kept]!.length + 1 <= room) length += lines[kept++]!.length + 1;
	if (kept < 4) {
		block.state = 'dropped';
		block.text = '';
		return;
	}
	const more = lines.length - kept;
	const see = block.entry.seeAll ?? doc.seeAll;
	block.text = detailsBlock(doc, block.entry, [...lines.slice(0, kept), `… ${more} more line(s)`].join('\n'), `Cut to fit the comment; the whole diff: ${see}`);
	block.state = 'shortened';
}

function joinParts(parts: readonly string[]): string {
	return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

/**
 * The review as a GitHub pull-request comment: a heading and summary line, a table with one row per entry (every row
 * the same number of cells, each cell escaped), and one collapsible `<details>` per entry holding a fenced unified
 * diff. Past `limit` characters the largest diffs are shortened first, then left out (then table rows, for a huge
 * diff), and a closing note says what was cut and which command shows it all.
 */
export function renderMarkdown(doc: ReviewDoc, limit = githubCommentLimit): string {
	const {header, cells} = reviewColumns(doc);
	const head = [`### ${escapeMarkdownCell(doc.title)}`, `${escapeMarkdownCell(`${doc.leftLabel} → ${doc.rightLabel}`)}: ${escapeMarkdownCell(doc.summary)}`].join('\n\n');
	if (doc.entries.length === 0) return joinParts([head, ...(doc.notes ?? []).map((note) => `> ${escapeMarkdownCell(note)}`)]);
	const tableLines = [tableRow(header), `|${header.map(() => ' --- ').join('|')}|`, ...doc.entries.map((entry) => tableRow(cells(entry)))];
	const notes = (doc.notes ?? []).map((note) => `> ${escapeMarkdownCell(note)}`).join('\n');
	const blocks: Block[] = doc.entries.map((entry) => {
		const diff = unifiedDiff(doc, entry);
		return {entry, diff, text: diff === '' ? '' : detailsBlock(doc, entry, diff), state: 'whole'};
	});
	const noteRoom = 600;
	const render = (table: readonly string[], footer = ''): string => joinParts([head, table.join('\n'), notes, ...blocks.map((block) => block.text), footer]);
	let table = tableLines;
	let rowsCut = 0;
	// A table alone past the limit: keep the rows that fit (header and separator always), count the rest.
	const fixed = head.length + notes.length + noteRoom + 16;
	if (tableLines.join('\n').length + fixed > limit) {
		let length = tableLines[0]!.length + tableLines[1]!.length + 2;
		let kept = 2;
		while (kept < tableLines.length && length + tableLines[kept]!.length + 1 + fixed <= limit) length += tableLines[kept++]!.length + 1;
		rowsCut = tableLines.length - kept;
		table = tableLines.slice(0, kept);
		for (const block of blocks.slice(kept - 2)) {
			block.text = '';
			block.state = 'dropped';
		}
	}
	const order = [...blocks].filter((block) => block.text !== '').sort((a, b) => b.text.length - a.text.length);
	for (const block of order) {
		const excess = render(table).length + noteRoom - limit;
		if (excess <= 0) break;
		if (block.text.length - excess > 1000) shorten(doc, block, excess);
		else {
			block.text = '';
			block.state = 'dropped';
		}
	}
	const shortened = blocks.filter((block) => block.state === 'shortened').length;
	const dropped = blocks.filter((block) => block.state === 'dropped' && block.diff !== '').length;
	if (shortened === 0 && dropped === 0 && rowsCut === 0) return render(table);
	const parts = [
		...(rowsCut > 0 ? [`${rowsCut} table row(s)`] : []),
		...(shortened > 0 ? [`${shortened} diff(s) shortened`] : []),
		...(dropped > 0 ? [`${dropped} diff(s) left out`] : []),
	];
	const footer = `> **Cut to fit GitHub's ${limit.toLocaleString('en-US')}-character comment limit:** ${escapeMarkdownCell(parts.join(', '))}. `
		+ `To see everything, run ${escapeMarkdownCell(doc.seeAll)} (add --id ID for one item).`;
	return render(table, footer);
}
