import {randomBytes} from 'node:crypto';

let lastMs = 0;

/**
 * The current time, strictly increasing within this process, so operations started in the same millisecond still
 * sort in the order they were started (runs on one environment are serialised by its lock across processes).
 */
export function monotonicNow(): Date {
	const now = Math.max(Date.now(), lastMs + 1);
	lastMs = now;
	return new Date(now);
}

/** `20261122T163000Z-a1b2c3`: sorts by time as text, readable in a terminal, unique thanks to the random tail. */
export function operationId(time: Date): string {
	const stamp = time.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
	return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Operation IDs as generated above; anything else (a path, `..`) is refused before it touches the file system. */
export const operationIdPattern = /^\d{8}T\d{6}Z-[0-9a-f]{6}$/;
