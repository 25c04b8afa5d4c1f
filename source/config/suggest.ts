/** Edit distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
	const previous = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = previous[0]!;
		previous[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = previous[j]!;
			previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return previous[b.length]!;
}

function fold(key: string): string {
	return key.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The known key closest to an unknown one, when it is close enough to be a typo (case, `_`/`-` and up to two
 * edits, or a third of the length for long keys); undefined when nothing is plausibly meant.
 */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestScore = Number.POSITIVE_INFINITY;
	for (const candidate of known) {
		const score = distance(fold(unknown), fold(candidate));
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	const limit = Math.max(2, Math.floor(unknown.length / 3));
	return bestScore <= limit ? best : undefined;
}
