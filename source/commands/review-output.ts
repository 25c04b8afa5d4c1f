import {writeFile} from 'node:fs/promises';
import {blameText} from '../core/blame.js';
import {compareItems, comparisonDetail} from '../core/compare.js';
import type {Plan} from '../core/plan.js';
import {countActions} from '../core/plan.js';
import {renderHtml} from '../core/review-html.js';
import {renderMarkdown, type ReviewDoc, type ReviewEntry} from '../core/review.js';
import type {Comparison} from '../core/status.js';
import type {Engine} from '../engine/engine.js';
import type {EnvironmentView} from '../engine/services.js';
import {statusLabel, summaryLine} from './format.js';
import type {Output} from './output.js';
import type {ReviewFormat} from './review-flags.js';

function kindText(kind: string | undefined, flavor: string | undefined): string {
	return kind ? `${kind}${flavor ? ` ${flavor}` : ''}` : 'file';
}

/** One diff row as a review entry: masked texts from the row's own detail, blame from the view. */
function diffEntry(row: Comparison, view: EnvironmentView, engine: Engine, seeAll: (id: string) => string): ReviewEntry {
	const detail = row.status === 'invalid' || row.status === 'conflict' ? undefined : comparisonDetail(row, engine.compareOptions());
	const blame = view.blame?.[row.key];
	return {
		status: statusLabel(row.status), ...(row.origin ? {origin: row.origin} : {}), kind: kindText(row.kind, row.flavor), name: row.name,
		...(row.id ? {id: row.id, seeAll: seeAll(row.id)} : {}), paths: row.changes,
		...(blame ? {blame: blameText(blame)} : {}),
		...(detail ? {leftText: detail.leftText, rightText: detail.rightText, secretsChanged: row.changes.filter((path) => detail.masked.includes(path))} : {}),
		...(row.error ? {error: row.error} : {}),
	};
}

/** A diff's rows (already filtered as the text output shows them) as a review. */
export function diffReview(engine: Engine, view: EnvironmentView, rows: readonly Comparison[], environment: string, against?: string): ReviewDoc {
	const base = `tyk-console diff ${environment}${against ? ` --against ${against}` : ''}`;
	return {
		title: base, leftLabel: view.left.label, rightLabel: view.right.label, summary: summaryLine(view.drift), statusHeader: 'Status',
		entries: rows.map((row) => diffEntry(row, view, engine, (id) => `${base} --id ${id} --full`)),
		notes: [...(view.notes ?? []), ...(view.reason ? [view.reason] : []), ...(view.gitError ? [view.gitError] : [])],
		seeAll: `${base} --full`,
	};
}

/** A plan as a review: one entry per write, `-` what the target holds now and `+` what it will hold. */
export function planReview(engine: Engine, plan: Plan, excluded: readonly Comparison[], command: string): ReviewDoc {
	const counts = countActions(plan);
	const steps = plan.steps.filter((step) => step.action !== 'skip');
	const entries: ReviewEntry[] = steps.map((step) => {
		const compared = compareItems(step.before, step.after, engine.compareOptions());
		return {
			status: step.action, ...(step.overwrites ? {origin: step.overwrites.origin} : {}),
			kind: kindText(step.kind, step.flavor), name: step.name, id: step.id, paths: step.action === 'update' ? step.changes : [],
			leftText: compared.leftText, rightText: compared.rightText,
			secretsChanged: step.changes.filter((path) => compared.masked.includes(path)),
		};
	});
	// Steps that erase a change made on the target since the base (origins): said above the table, by name.
	const overwrites = steps.filter((step) => step.overwrites).map((step) => {
		const since = step.overwrites?.since ? ` made after ${step.overwrites.since}` : '';
		return `${step.action} ${step.kind} ${step.name || step.id} overwrites a ${step.overwrites!.origin === 'both' ? 'conflicting' : step.overwrites!.origin} change${since}`;
	});
	const blocked = (plan.blocked ?? []).map((step) => `blocked: ${step.kind} ${step.name || step.id}: ${step.reason} (nothing is written while a step is blocked)`);
	const left = excluded.map((entry): ReviewEntry => ({status: 'left out', kind: kindText(entry.kind, entry.flavor), name: entry.file ?? entry.key, paths: [], error: entry.error ?? entry.status}));
	return {
		title: `${command} (plan, nothing written)`, leftLabel: `${plan.target.label} (now)`, rightLabel: `after ${plan.direction} from ${plan.source.label}`,
		summary: `${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.skip} unchanged`,
		statusHeader: 'Action', entries: [...entries, ...left], notes: [...blocked, ...overwrites, ...(plan.notes ?? [])], seeAll: `${command} --dry-run`,
	};
}

/**
 * Prints or writes a review: markdown to stdout (or to `out`), HTML to `out` only. Every line is already safe text
 * (the renderers escape all outside strings), and is printed without colour.
 */
export async function emitReview(output: Output, doc: ReviewDoc, format: Exclude<ReviewFormat, 'text'>, out?: string): Promise<void> {
	const text = format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
	if (out) {
		await writeFile(out, text);
		output.log(`tyk-console: wrote ${out} (${format}, ${doc.entries.length} item(s))`);
		return;
	}
	for (const line of text.replace(/\n$/, '').split('\n')) output.out(line);
}
