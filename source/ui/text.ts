import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007E]*$/;

const graphemeSegmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * The user-perceived characters of a text with their widths in cells. Cutting between code points would split a
 * family emoji (👨‍👩‍👧 is five), a flag (🇩🇪 is two regional indicators) or a letter from its combining accent.
 */
function* graphemes(text: string): Generator<{readonly grapheme: string; readonly cells: number}> {
	for (const {segment} of graphemeSegmenter.segment(text)) yield {grapheme: segment, cells: stringWidth(segment)};
}

/**
 * Display width in terminal cells (wide CJK and emoji count 2), the only measure that keeps columns aligned.
 * Plain ASCII (nearly every API name, ID and JSON line) takes a fast path: string-width is costly per call and a
 * frame measures thousands of strings.
 */
export function width(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

/**
 * Cuts text to at most `max` cells, ending with `…` when something was cut, so the user can see a value is longer
 * than the column instead of reading a silently shortened one. Never cuts inside a grapheme.
 */
export function truncate(text: string, max: number): string {
	if (max <= 0) return '';
	if (width(text) <= max) return text;
	if (printableAscii.test(text)) return max === 1 ? '…' : `${text.slice(0, max - 1)}…`;
	if (max === 1) return '…';
	let out = '';
	let used = 0;
	for (const {grapheme, cells} of graphemes(text)) {
		if (used + cells > max - 1) break;
		out += grapheme;
		used += cells;
	}
	return out + '…';
}

/** Truncates and pads to exactly `size` cells, for fixed table columns. */
export function fit(text: string, size: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, size);
	const pad = ' '.repeat(Math.max(0, size - width(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/**
 * Splits text into chunks of at most `size` cells, for wrapped diff lines, never inside a grapheme (one wider than
 * `size` gets a chunk of its own). Always returns at least one chunk.
 */
export function chunk(text: string, size: number): string[] {
	if (size <= 0) return [text];
	if (printableAscii.test(text)) {
		const out: string[] = [];
		for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
		return out.length > 0 ? out : [''];
	}
	const out: string[] = [];
	let current = '';
	let used = 0;
	for (const {grapheme, cells} of graphemes(text)) {
		if (used + cells > size && current !== '') {
			out.push(current);
			current = '';
			used = 0;
		}
		current += grapheme;
		used += cells;
	}
	out.push(current);
	return out;
}

/** "1 snapshot", "2 snapshots": counts in headers read as sentences. */
export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Text as one finished sentence: a full stop is added unless it already ends with one (or ! or ?), so a message built
 * around an error that carries its own ("… Is the Dashboard running?") never reads "running?." or "down..".
 */
export function sentence(text: string): string {
	const trimmed = text.trimEnd();
	return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
