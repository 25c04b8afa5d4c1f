/** Small figure helpers so every scenario prints the same way: name, value, target, ratio. Nothing asserts. */

/** Median of a non-empty list; what the scenarios report, since one slow run on a shared machine says little. */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new Error('bench: median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Smallest value: on a busy shared machine the least disturbed run, printed next to the median. */
export function fastest(values: readonly number[]): number {
	if (values.length === 0) throw new Error('bench: minimum of no values');
	return Math.min(...values);
}

/** Milliseconds, rounded to what a human compares. */
export function ms(value: number): string {
	return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

/** One aligned line of a scenario's figures. */
export function line(name: string, value: string, note = ''): string {
	return `  ${name.padEnd(40)} ${value.padEnd(24)} ${note}`.trimEnd();
}

/** A target check rendered as text: the figure, the target and whether it is met. */
export function verdict(met: boolean): string {
	return met ? 'MET' : 'MISSED';
}

/** Prints lines to stdout at once, so a scenario's figures are never interleaved with another process's output. */
export function print(lines: readonly string[]): void {
	process.stdout.write(lines.join('\n') + '\n');
}

/** Parses a whole-number argument with a clear message, since bench arguments are typed by hand. */
export function wholeNumber(text: string, name: string, min = 0): number {
	if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`bench: ${name} must be a whole number >= ${min}, got "${text}"`);
	return Number(text);
}
