/**
 * Retry policy for idempotent reads. Writes are never retried: a create that timed out may have been applied,
 * and repeating it blindly could duplicate an item (product.md §6).
 */

/** Statuses worth another try: the Dashboard (or a proxy in front of it) is busy or briefly broken. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds; undefined when absent or unreadable,
 * so the caller falls back to its own back-off.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (1-based): exponential back-off from `baseMs`, raised to what the server
 * asked for with `Retry-After`, and capped so a hostile header cannot park the tool for hours.
 */
export function retryDelay(attempt: number, baseMs: number, retryAfterMs: number | undefined, maxMs: number): number {
	const backoff = baseMs * 2 ** (attempt - 1);
	return Math.min(maxMs, Math.max(backoff, retryAfterMs ?? 0));
}

/** Promise-based sleep, the default for the client's injectable `sleep` option. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
