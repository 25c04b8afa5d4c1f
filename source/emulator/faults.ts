import {createPrng} from './ids.js';

/** Which requests fault injection applies to. */
export type FailOn = 'all' | 'reads' | 'writes';

/** Run-time fault settings; changeable while the server runs so tests and the demo can flip them. */
export interface FaultSettings {
	failRate: number;
	failOn: FailOn;
	latencyMs: number;
}

/** Checks fault settings and says what is wrong in one sentence, or returns undefined when they are valid. */
export function faultSettingsError(settings: Partial<FaultSettings>): string | undefined {
	const {failRate, failOn, latencyMs} = settings;
	if (failRate !== undefined && !(Number.isFinite(failRate) && failRate >= 0 && failRate <= 1)) return 'failRate must be between 0 and 1';
	if (failOn !== undefined && !['all', 'reads', 'writes'].includes(failOn)) return "failOn must be 'all', 'reads' or 'writes'";
	if (latencyMs !== undefined && !(Number.isFinite(latencyMs) && latencyMs >= 0)) return 'latencyMs must be a number of milliseconds ≥ 0';
	return undefined;
}

/**
 * Deterministic fault injection: the n-th eligible request fails or not the same way on every run, so tests
 * of retries and partial failures are repeatable.
 */
export class Faults {
	private readonly next: () => number;
	readonly settings: FaultSettings;

	constructor(settings: Partial<FaultSettings>, seed = 1) {
		this.next = createPrng(seed);
		this.settings = {failRate: 0, failOn: 'all', latencyMs: 0};
		this.set(settings);
	}

	/** Changes some settings; throws on invalid values so a bad call cannot silently disable faults. */
	set(settings: Partial<FaultSettings>): void {
		const error = faultSettingsError(settings);
		if (error) throw new Error(error);
		if (settings.failRate !== undefined) this.settings.failRate = settings.failRate;
		if (settings.failOn !== undefined) this.settings.failOn = settings.failOn;
		if (settings.latencyMs !== undefined) this.settings.latencyMs = settings.latencyMs;
	}

	/** Whether this request should be answered 500. Draws from the PRNG only for eligible requests. */
	shouldFail(method: string): boolean {
		const {failRate, failOn} = this.settings;
		if (failRate <= 0) return false;
		const isRead = method === 'GET' || method === 'HEAD';
		if ((failOn === 'reads' && !isRead) || (failOn === 'writes' && isRead)) return false;
		return this.next() < failRate;
	}
}
