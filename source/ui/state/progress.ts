import type {OperationResult, ProgressEvent, StepResult} from '../../core/plan.js';

/** What the Progress screen knows about a running or finished apply. */
export interface ProgressState {
	readonly operation?: string;
	readonly total: number;
	readonly done: number;
	readonly results: readonly StepResult[];
	readonly finished?: OperationResult;
	readonly error?: string;
}

/** Engine events and the final outcome of an apply. */
export type ProgressAction =
	| {readonly type: 'event'; readonly event: ProgressEvent}
	| {readonly type: 'finished'; readonly result: OperationResult}
	| {readonly type: 'crashed'; readonly error: string};

/** Pure reducer over engine progress events; the final result replaces the streamed one so nothing is missed. */
export function progressReducer(state: ProgressState, action: ProgressAction): ProgressState {
	switch (action.type) {
		case 'event':
			if (action.event.type === 'start') return {...state, total: action.event.total, operation: action.event.operation};
			return {...state, done: action.event.done, total: action.event.total, results: [...state.results, action.event.result]};
		case 'finished':
			return {
				...state, finished: action.result, operation: action.result.operation, results: action.result.results,
				done: action.result.results.length, total: Math.max(state.total, action.result.results.length),
			};
		case 'crashed':
			return {...state, error: action.error};
	}
}

/** Outcome counts for the summary line. */
export function outcomeCounts(results: readonly StepResult[]): {applied: number; verified: number; skipped: number; failed: number} {
	let applied = 0;
	let verified = 0;
	let skipped = 0;
	let failed = 0;
	for (const r of results) {
		if (r.status === 'applied') {
			applied++;
			if (r.verified) verified++;
		} else if (r.status === 'skipped') skipped++;
		else failed++;
	}
	return {applied, verified, skipped, failed};
}

/** Nothing applied yet. */
export const initialProgress: ProgressState = {total: 0, done: 0, results: []};
