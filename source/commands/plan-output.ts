import {countActions, type OperationResult, type Plan, type ProgressEvent, type StepOverwrite} from '../core/plan.js';
import {overwriteText} from '../core/origin.js';
import type {Comparison} from '../core/status.js';
import type {Output} from './output.js';

/** The plan as `--json --dry-run` prints it. */
export function planJson(plan: Plan, excluded: readonly Comparison[]): Record<string, unknown> {
	return {
		environment: plan.environment, direction: plan.direction, dryRun: true,
		source: plan.source.label, target: plan.target.label, counts: countActions(plan),
		steps: plan.steps.map((step) => ({
			kind: step.kind, flavor: step.flavor, id: step.id, name: step.name, action: step.action, changes: step.action === 'update' ? step.changes : undefined,
			...(step.overlay ? {overlay: {environment: step.overlay.environment, fields: step.overlay.fields}} : {}),
			...(step.overwrites ? {overwrites: step.overwrites.origin, overwriteNote: overwriteLine(plan, step.overwrites)} : {}),
		})),
		blocked: (plan.blocked ?? []).map((entry) => ({kind: entry.kind, id: entry.id, name: entry.name, reason: entry.reason})),
		excluded: excludedJson(excluded),
		notes: plan.notes ?? [],
	};
}

/** The red line of a step that erases a change made on its target since the base. */
function overwriteLine(plan: Plan, overwrite: StepOverwrite): string {
	return overwriteText(overwrite, plan.direction === 'dump' ? 'dump' : 'publish');
}

/** The plan in words: counts, then one line per write, deletes listed by name. */
export function printPlan(output: Output, plan: Plan, excluded: readonly Comparison[]): void {
	const counts = countActions(plan);
	const {paint} = output;
	output.out(`${paint.bold('Plan')}: ${plan.source.label} → ${plan.target.label}`);
	output.out(`  ${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete, ${counts.skip} unchanged`);
	for (const step of plan.steps) {
		if (step.action === 'skip') continue;
		const colour = step.action === 'create' ? paint.green : step.action === 'delete' ? paint.red : paint.yellow;
		const detail = step.action === 'update' ? paint.gray(` (${step.changes.length} field(s): ${step.changes.slice(0, 3).join(', ')}${step.changes.length > 3 ? ', …' : ''})`) : '';
		output.out(`  ${colour(step.action.padEnd(6))} ${step.kind.padEnd(8)} ${step.name || step.id} (${step.id})${detail}`);
		if (step.overlay) output.out(`         ${paint.cyan(`${step.overlay.fields.length} field(s) from overlay ${step.overlay.environment}`)}${paint.gray(`: ${step.overlay.fields.slice(0, 3).join(', ')}${step.overlay.fields.length > 3 ? ', …' : ''}`)}`);
		if (step.overwrites) output.out(`         ${paint.red(`! ${overwriteLine(plan, step.overwrites)}`)}`);
	}
	for (const entry of excluded) output.out(`  ${paint.red('left out')} ${entry.file ?? entry.key}: ${entry.error ?? entry.status}`);
	for (const note of plan.notes ?? []) output.out(`  ${paint.gray(note)}`);
	printBlocked(output, plan);
}

/** Blocked steps in red with their reasons; when adding dependencies would unblock some, how. */
function printBlocked(output: Output, plan: Plan): void {
	const blocked = plan.blocked ?? [];
	if (blocked.length === 0) return;
	const {paint} = output;
	output.out(paint.red(`  ${blocked.length} blocked: nothing is written while a step is blocked`));
	for (const entry of blocked) output.out(`  ${paint.red('blocked')} ${entry.kind.padEnd(8)} ${entry.name || entry.id} (${entry.id}): ${entry.reason}`);
	if (blocked.some((entry) => entry.missingApi !== undefined) && plan.direction !== 'rollback' && plan.direction !== 'undo') {
		output.out(paint.gray('  --with-dependencies adds the APIs those policies grant to the selection'));
	}
}

/** A progress line on stderr when it is a terminal; silent otherwise (CI logs stay clean). */
export function progressReporter(output: Output): (event: ProgressEvent) => void {
	if (!process.stderr.isTTY || output.json) return () => {};
	return (event) => {
		if (event.type === 'start') process.stderr.write(`operation ${event.operation}: 0/${event.total}\r`);
		else process.stderr.write(`operation: ${event.done}/${event.total}${event.done === event.total ? '\n' : '\r'}`);
	};
}

/**
 * Exit code of an applied plan: 0 all good, 3 some failed while others applied, 1 when nothing could be applied. A
 * journal that could not be written is never a clean run, even when every item was applied (its records are missing).
 */
export function resultExitCode(result: OperationResult): number {
	const failed = result.results.filter((r) => r.status === 'failed').length;
	if (failed === 0 && journalErrorOf(result) === undefined) return 0;
	return result.results.some((r) => r.status === 'applied') ? 3 : 1;
}

function journalErrorOf(result: OperationResult): string | undefined {
	return result.direction === 'dump' ? undefined : result.journalError;
}

/** Source entries the plan could not include (invalid files, conflicts), as JSON output lists them. */
function excludedJson(excluded: readonly Comparison[]): Array<Record<string, unknown>> {
	return excluded.map((c) => ({file: c.file, status: c.status, error: c.error}));
}

/**
 * Per-item outcome, failures with their reason, then the operation ID and how to undo it. Entries left out of the
 * plan are listed too (`excluded` in JSON), so an applied run never hides what it could not include.
 */
export function printResult(output: Output, result: OperationResult, excluded: readonly Comparison[] = []): void {
	const {paint} = output;
	const journalError = journalErrorOf(result);
	// On stderr in both modes: CI logs show it even when stdout is parsed as JSON.
	if (result.baseError !== undefined) output.log(`tyk-console: ${result.baseError}`);
	if (journalError !== undefined) {
		output.log(`tyk-console: ${journalError}; writing stopped there: every item reached is listed with its result, and each one written has its pre-image saved, so once the state directory can be written again \`tyk-console undo ${result.environment}\` restores them`);
	}
	if (output.json) {
		output.data({
			operation: result.operation, environment: result.environment, direction: result.direction,
			results: result.results.map((r) => ({kind: r.kind, id: r.id, name: r.name, action: r.action, status: r.status, verified: r.verified, error: r.error})),
			excluded: excludedJson(excluded),
			...(journalError === undefined ? {} : {journalError}),
		});
		return;
	}
	for (const r of result.results) {
		if (r.status === 'skipped') continue;
		const mark = r.status === 'applied' ? paint.green(r.verified ? 'applied and verified' : 'applied') : paint.red('failed');
		output.out(`  ${mark} ${r.action} ${r.kind} ${r.name || r.id} (${r.id})${r.error ? `: ${r.error}` : ''}`);
	}
	const applied = result.results.filter((r) => r.status === 'applied').length;
	const failed = result.results.filter((r) => r.status === 'failed').length;
	const skipped = result.results.filter((r) => r.status === 'skipped').length;
	output.out(`Operation ${result.operation}: ${applied} applied, ${failed} failed, ${skipped} unchanged${excluded.length > 0 ? `, ${excluded.length} left out (see the plan)` : ''}.`);
	if (applied > 0 && result.direction !== 'dump') output.out(paint.gray(`Undo with: tyk-console undo ${result.environment} --operation ${result.operation}`));
}
