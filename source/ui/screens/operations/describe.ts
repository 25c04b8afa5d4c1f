import type {OperationEntry, OperationOutcome, OperationStepEntry} from '../../../engine/services.js';
import {relativeTime} from '../../../core/relative-time.js';
import {plural} from '../../text.js';

/** When an operation ran, as the rest of the console says it ("3 min ago"); an unreadable time says so. */
export function ago(iso: string, now: number): string {
	const then = Date.parse(iso);
	return Number.isNaN(then) ? 'unknown time' : relativeTime(then, now);
}

/** The outcome's glyph: the list is read by its left edge first. */
export const outcomeGlyphs: Readonly<Record<OperationOutcome, string>> = {
	ok: '✓', 'partly failed': '±', failed: '✗', interrupted: '‼', running: '…',
};

/** "3 items" (skips left out: they wrote nothing), "1 item, 1 equal", "no items". */
export function itemCount(entry: OperationEntry): string {
	const writes = entry.steps.filter((step) => step.action !== 'skip').length;
	const skips = entry.steps.length - writes;
	if (entry.steps.length === 0) return 'no items';
	return skips === 0 ? plural(writes, 'item') : `${plural(writes, 'item')}, ${skips} equal`;
}

/** What an operation did beyond its kind: a dump's commit, what an undo restored, or where the items came from. */
export function operationWhat(entry: OperationEntry): string {
	// A dump always comes from its own environment's live state: the commit is what tells dumps apart.
	if (entry.kind === 'dump') return entry.commit ? `commit ${entry.commit.slice(0, 7)}${entry.subject ? ` ${entry.subject}` : ''}` : 'no commit (a plain directory, or nothing written)';
	if (entry.kind === 'undo') return entry.undoes ? `restored the items of ${entry.undoes}` : entry.source;
	return `from ${entry.source}`;
}

/** Whether and how `u` acts on this operation, one line. */
export function undoLine(entry: OperationEntry): string {
	if (entry.undo) {
		// What a plain undo does with the newest write cut short: an undo is finished, anything else is undone.
		if (entry.outcome === 'interrupted' && entry.undo.operation === undefined) {
			return entry.kind === 'undo' ? 'interrupted undo: u finishes it (through the plan)' : 'interrupted: u restores what it reached (through the plan)';
		}
		return 'u undoes it (through the plan)';
	}
	return `cannot undo: ${entry.undoBlocked ?? 'no reason given'}`;
}

/** One step's outcome, in the words of the Progress screen. */
export function stepOutcome(step: OperationStepEntry): string {
	switch (step.status) {
		case 'applied': return 'applied';
		case 'skipped': return 'already equal';
		case 'failed': return `failed: ${step.error ?? 'no reason given'}`;
		case 'unknown': return 'no result: the run stopped here; the write may or may not have landed';
	}
}
