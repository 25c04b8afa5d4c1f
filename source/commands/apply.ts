import type {Command} from 'commander';
import {relativeTime} from '../core/relative-time.js';
import {statuses, type Comparison, type Status} from '../core/status.js';
import {showAndApply, type ActionFlags} from './action.js';
import {runCommand} from './context.js';
import {withCommonOptions, withWriteGate, type CommonOptions} from './options.js';
import type {SavedPlan} from '../sources/plan-file.js';

interface ApplyOptions extends CommonOptions, ActionFlags {
	readonly maxAge: string;
}

/** Clocks of two machines (the reviewer's and CI's) may disagree a little; a plan from further in the future is wrong. */
const clockSkewMs = 5 * 60_000;

/** The left-out entries the plan showed, in the shape the result printer takes. */
function excludedRows(saved: SavedPlan): Comparison[] {
	return saved.excluded.map((entry): Comparison => ({
		key: `invalid:${entry.file ?? ''}`, name: entry.file ?? '', status: statuses.includes(entry.status as Status) ? (entry.status as Status) : 'invalid',
		changes: [], categories: [], ...(entry.file ? {file: entry.file} : {}), ...(entry.error ? {error: entry.error} : {}),
	}));
}

/**
 * `tyk-console apply FILE`: applies a plan saved with `--out`, exactly as reviewed. The whole plan is refused when it
 * is older than `--max-age` or its environment now names another Dashboard; each step re-reads its item and is refused
 * (`changed since planned`) when live moved since the plan was made, while the others are applied.
 */
export function registerApply(program: Command): void {
	withWriteGate(withCommonOptions(program.command('apply')))
		.argument('<file>', 'a plan saved by publish, rollback or undo with --out')
		.description('apply a saved plan exactly as it was reviewed (steps whose live item moved since are refused)')
		.option('--max-age <duration>', 'refuse a plan older than this (e.g. 90m, 24h, 2d)', '24h')
		.action(async (file: string, options: ApplyOptions) => {
			await runCommand(options, async (engine, output) => {
				const {parseDuration, readSavedPlan, sameDashboard} = await import('../sources/plan-file.js');
				const maxAge = parseDuration(options.maxAge);
				if (maxAge === undefined) throw new Error(`--max-age ${JSON.stringify(options.maxAge)} is not a duration: use seconds or a number with s, m, h or d (24h)`);
				const saved = await readSavedPlan(file);
				const age = Date.now() - Date.parse(saved.created);
				if (age > maxAge) {
					throw new Error(`${file} was made ${relativeTime(Date.parse(saved.created), Date.now())} (${saved.created}), more than --max-age ${options.maxAge}: nothing was written; make the plan again, or raise --max-age`);
				}
				if (age < -clockSkewMs) throw new Error(`${file} says it was made at ${saved.created}, in the future: nothing was written; check the clocks, or make the plan again`);
				const environment = engine.environment(saved.environment);
				if (!sameDashboard(environment.dashboard, saved.dashboard)) {
					throw new Error(`${file} was made against ${saved.dashboard}, but environment ${saved.environment} is ${environment.dashboard} now: nothing was written; make the plan again for this Dashboard`);
				}
				if (!output.json) output.out(`Applying ${file}: made ${relativeTime(Date.parse(saved.created), Date.now())} (${saved.created}) against ${saved.dashboard}`);
				// The target may have moved since the review: the checks before writing run again on it as it is now.
				const {recheckPlan} = await import('../engine/plans.js');
				return showAndApply(engine, output, await recheckPlan(engine.context, saved.plan), excludedRows(saved), options);
			});
		});
}
