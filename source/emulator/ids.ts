import {randomBytes} from 'node:crypto';

/**
 * Small seeded PRNG (mulberry32). Seed data and fault injection must repeat exactly for the same
 * seed, which `Math.random` cannot do.
 */
export function createPrng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** Hex string of `length` characters from a PRNG, so seeded ids look like real ones and still repeat. */
export function prngHex(next: () => number, length: number): string {
	let out = '';
	while (out.length < length) out += Math.floor(next() * 0x1_0000_0000).toString(16).padStart(8, '0');
	return out.slice(0, length);
}

/** Default id source: 32 random hex characters (a UUIDv4 without dashes has the same look). */
export function defaultRandomId(): string {
	return randomBytes(16).toString('hex');
}

function normalise(raw: string, length: number): string {
	const hex = raw.toLowerCase().replace(/[^0-9a-f]/g, '');
	return hex.padStart(length, '0').slice(-length);
}

/**
 * Turns any injected id source into the two id shapes the Dashboard emits (24-hex DB ids, 32-hex public ids).
 * Taking the tail keeps counter-style test sources (`"1"`, `"2"`, ...) distinct.
 */
export interface IdFactory {
	dbId(): string;
	apiId(): string;
}

/** Wraps an injectable `() => string` into an IdFactory. */
export function idFactory(source: () => string): IdFactory {
	return {
		dbId: () => normalise(source(), 24),
		apiId: () => normalise(source(), 32),
	};
}

/** RFC 3339 without fractions, as the Dashboard writes wrapper `created_at`/`updated_at`. */
export function rfc3339(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The `updated_at` for a save: now, or one second after the previous value when the clock has not moved past it
 * (stamps have whole-second precision), so every save visibly moves the stamp on and clients can detect changes.
 */
export function laterStamp(now: Date, previous: string | undefined): string {
	const last = previous ? Date.parse(previous) : Number.NaN;
	const next = Number.isNaN(last) || now.getTime() >= last + 1000 ? now : new Date(last + 1000);
	return rfc3339(next);
}
