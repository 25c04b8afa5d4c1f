import stringWidth from 'string-width';

/** Display width in terminal cells (wide CJK and emoji count 2), the only measure that keeps columns aligned. */
export function width(text: string): number {
	return stringWidth(text);
}

/**
 * Cuts text to at most `max` cells, ending with `…` when something was cut, so the user can see a value is longer
 * than the column instead of reading a silently shortened one.
 */
export function truncate(text: string, max: number): string {
	if (max <= 0) return '';
	if (stringWidth(text) <= max) return text;
	if (max === 1) return '…';
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = stringWidth(char);
		if (used + w > max - 1) break;
		out += char;
		used += w;
	}
	return out + '…';
}

/** Truncates and pads to exactly `size` cells, for fixed table columns. */
export function fit(text: string, size: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, size);
	const pad = ' '.repeat(Math.max(0, size - stringWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/** Splits text into chunks of at most `size` cells, for wrapped diff lines. Always returns at least one chunk. */
export function chunk(text: string, size: number): string[] {
	if (size <= 0) return [text];
	const out: string[] = [];
	let current = '';
	let used = 0;
	for (const char of text) {
		const w = stringWidth(char);
		if (used + w > size && current !== '') {
			out.push(current);
			current = '';
			used = 0;
		}
		current += char;
		used += w;
	}
	out.push(current);
	return out;
}
