import type {Plan} from '../core/plan.js';
import type {Comparison} from '../core/status.js';
import type {Engine} from '../engine/engine.js';
import type {DumpOptions} from '../engine/apply-git.js';
import {confirmWrite} from './confirm.js';
import {exitCodes} from './context.js';
import type {Output} from './output.js';
import {planJson, printPlan, printResult, progressReporter, resultExitCode} from './plan-output.js';

/** Flags every writing command shares. */
export interface ActionFlags {
	readonly dryRun?: boolean;
	readonly yes?: boolean;
	/** Save the plan to this file instead of applying it (`tyk-console apply FILE` applies it as reviewed). */
	readonly out?: string;
}

/**
 * The common tail of publish, rollback, undo and dump: show the plan, stop on `--dry-run`, pass the write gate
 * (read-only, protected, confirmation), apply, print per-item results, and turn them into the exit code.
 */
export async function showAndApply(
	engine: Engine, output: Output, plan: Plan, excluded: readonly Comparison[], flags: ActionFlags, dump?: DumpOptions,
): Promise<number> {
	// A dry run gates CI the same way the real run would: entries left out of the plan, or blocked steps, are an error.
	const blocked = plan.blocked ?? [];
	const dryRunCode = excluded.length > 0 || blocked.length > 0 ? exitCodes.error : exitCodes.ok;
	if (flags.out && blocked.length === 0) return saveInstead(engine, output, plan, excluded, flags.out, dryRunCode);
	if (output.json && (flags.dryRun || blocked.length > 0)) {
		output.data({...planJson(plan, excluded), dryRun: flags.dryRun === true});
		if (!flags.dryRun) output.log(`tyk-console: ${blockedSentence(blocked.length, flags.out)}`);
		return dryRunCode;
	}
	if (!output.json) printPlan(output, plan, excluded);
	const writes = plan.steps.filter((step) => step.action !== 'skip').length;
	if (flags.dryRun) {
		if (!output.json) output.out(output.paint.gray('Dry run: nothing was written.'));
		return dryRunCode;
	}
	if (blocked.length > 0) {
		output.log(`tyk-console: ${blockedSentence(blocked.length, flags.out)}`);
		return exitCodes.error;
	}
	if (writes === 0) {
		if (output.json) output.data({operation: null, environment: plan.environment, direction: plan.direction, results: [], excluded: excluded.map((c) => ({file: c.file, status: c.status, error: c.error}))});
		else output.out('Nothing to do: the target already matches.');
		return excluded.length > 0 ? exitCodes.error : exitCodes.ok;
	}
	if (plan.direction !== 'dump') {
		const consent = await confirmWrite(engine.environment(plan.environment), flags);
		if (!consent.ok) {
			output.log(`tyk-console: ${consent.reason}`);
			return exitCodes.error;
		}
	}
	const result = await engine.apply(plan, {onProgress: progressReporter(output), dump});
	printResult(output, result, excluded);
	const pushError = result.direction === 'dump' ? result.pushError : undefined;
	if (pushError) output.log(`tyk-console: committed, but ${pushError}`);
	// Entries left out (unreadable files, conflicts) mean not everything could be read: never a clean exit.
	const code = resultExitCode(result);
	if (code === exitCodes.ok && excluded.length > 0) return exitCodes.error;
	// Asked to push and it did not happen: the action partly failed, and CI must not read it as done.
	return code === exitCodes.ok && pushError ? exitCodes.partial : code;
}

/** Why a plan was not applied (or not saved to `--out`): its blocked steps, which the plan above lists. */
function blockedSentence(count: number, out?: string): string {
	return `${count} blocked step(s) (listed in the plan): nothing was written${out ? `, and the plan was not saved to ${out}` : ''}; fix them, or leave those items out`;
}

/** `--out FILE`: the plan is shown and saved (0600), and nothing is written to the target. */
async function saveInstead(engine: Engine, output: Output, plan: Plan, excluded: readonly Comparison[], file: string, code: number): Promise<number> {
	await engine.savePlan(plan, {file, excluded});
	if (output.json) {
		output.data({...planJson(plan, excluded), dryRun: false, saved: file});
		return code;
	}
	printPlan(output, plan, excluded);
	output.out(`Plan saved to ${file} (readable by you alone: it holds the definitions); nothing was written.`);
	output.out(output.paint.gray(`Apply it as reviewed with: tyk-console apply ${file}`));
	return code;
}
