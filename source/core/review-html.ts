import {diffRows, type Cell, type DiffRow} from './diff-rows.js';
import {entryWho, escapeHtml, reviewColumns, type ReviewDoc, type ReviewEntry} from './review.js';

/** Inline styles: the page is one file, opened offline or attached to a review, so it loads nothing. */
const style = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1f2328; background: #fff; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin: 0; display: inline; }
table { border-collapse: collapse; }
table.summary td, table.summary th { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }
details { margin: 0.8em 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.4em 0.8em; }
table.diff { width: 100%; table-layout: fixed; font: 12px/1.35 ui-monospace, monospace; margin-top: 0.5em; }
table.diff td { padding: 0 6px; white-space: pre-wrap; word-break: break-all; vertical-align: top; }
table.diff td.n { width: 3.5em; color: #6e7781; text-align: right; user-select: none; }
td.del { background: #ffebe9; } td.ins { background: #e6ffec; } td.none { background: #f6f8fa; }
td.fold { color: #6e7781; text-align: center; background: #f6f8fa; }
mark.del { background: #ffc1c0; } mark.ins { background: #abf2bc; }
.muted { color: #6e7781; } .note { color: #9a6700; }
`;

function cellText(cell: Cell | undefined, side: 'del' | 'ins'): string {
	if (!cell) return '';
	if (!cell.spans) return escapeHtml(cell.text);
	return cell.spans.map((span) => (span.changed ? `<mark class="${side}">${escapeHtml(span.text)}</mark>` : escapeHtml(span.text))).join('');
}

function side(cell: Cell | undefined, type: 'del' | 'ins' | 'same'): string {
	if (!cell) return '<td class="n"></td><td class="none"></td>';
	const cls = type === 'same' ? '' : ` class="${type}"`;
	return `<td class="n">${cell.line}</td><td${cls}>${cellText(cell, type === 'ins' ? 'ins' : 'del')}</td>`;
}

function rowHtml(row: DiffRow): string {
	if (row.type === 'fold') return `<tr><td colspan="4" class="fold">… ${row.hidden} unchanged line(s) …</td></tr>`;
	const type = row.type;
	const left = side(row.left, type === 'same' ? 'same' : 'del');
	const right = side(row.right, type === 'same' ? 'same' : 'ins');
	return `<tr>${type === 'insert' ? side(undefined, 'same') : left}${type === 'delete' ? side(undefined, 'same') : right}</tr>`;
}

/** Side-by-side rows of one entry (the console's row model: folded, word-level marks on paired changed lines). */
function sideBySide(doc: ReviewDoc, entry: ReviewEntry): string {
	if (entry.leftText === undefined && entry.rightText === undefined) return '';
	const model = diffRows(entry.leftText, entry.rightText, {layout: 'split', timeLimitMs: 500});
	const head = `<tr><th colspan="2">${escapeHtml(doc.leftLabel)}</th><th colspan="2">${escapeHtml(doc.rightLabel)}</th></tr>`;
	const note = model.fallback ? '<p class="muted">The line diff took too long: both documents are shown whole, line by line.</p>' : '';
	return `${note}<table class="diff"><colgroup><col style="width:3.5em"><col><col style="width:3.5em"><col></colgroup>${head}${model.rows.map(rowHtml).join('')}</table>`;
}

function entrySection(doc: ReviewDoc, entry: ReviewEntry): string {
	const parts = [
		`<details open><summary><h2>${escapeHtml(`${entry.status} ${entry.kind}`)} ${escapeHtml(entryWho(entry))}</h2></summary>`,
		...(entry.origin ? [`<p>Origin: ${escapeHtml(entry.origin)}</p>`] : []),
		...(entry.blame ? [`<p>Last live change: ${escapeHtml(entry.blame)}</p>`] : []),
		...(entry.error ? [`<p class="note">${escapeHtml(entry.error)}</p>`] : []),
		...(entry.paths.length > 0 ? [`<p class="muted">Changed: ${escapeHtml(entry.paths.join(', '))}</p>`] : []),
		...(entry.secretsChanged ?? []).map((path) => `<p class="note">${escapeHtml(`${path}: secret changed (value masked)`)}</p>`),
		sideBySide(doc, entry),
		'</details>',
	];
	return parts.join('\n');
}

/**
 * The review as one self-contained HTML page: inline CSS, no script, no external asset or link, every text escaped;
 * a summary table, then one side-by-side diff per entry, built with the same row model as the console's Diff screen.
 */
export function renderHtml(doc: ReviewDoc): string {
	const {header, cells} = reviewColumns(doc);
	const rows = doc.entries.map((entry) => `<tr>${cells(entry).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
	const table = doc.entries.length === 0 ? '' : `<table class="summary"><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>\n${rows.join('\n')}</table>`;
	return [
		'<!DOCTYPE html>',
		'<html lang="en"><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(doc.title)}</title>`,
		`<style>${style}</style>`,
		'</head><body>',
		`<h1>${escapeHtml(doc.title)}</h1>`,
		`<p>${escapeHtml(`${doc.leftLabel} → ${doc.rightLabel}`)}: ${escapeHtml(doc.summary)}</p>`,
		...(doc.notes ?? []).map((note) => `<p class="muted">${escapeHtml(note)}</p>`),
		table,
		...doc.entries.map((entry) => entrySection(doc, entry)),
		'</body></html>',
		'',
	].join('\n');
}
