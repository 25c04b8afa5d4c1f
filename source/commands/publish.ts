import type {Command} from 'commander';
import type {ActionFlags} from './action.js';
import {showAndApply} from './action.js';
import {exitCodes, runCommand, selectionOf} from './context.js';
import {formatFlagsError, withReviewFormat, type ReviewFormat} from './review-flags.js';
import {withCommonOptions, withPlanOut, withWriteGate, withSelection, type CommonOptions, type SelectionOptions} from './options.js';

interface PublishOptions extends CommonOptions, SelectionOptions, ActionFlags {
	readonly ref?: string;
	readonly fromEnv?: string;
	readonly prune?: boolean;
	readonly format?: ReviewFormat;
	readonly withDependencies?: boolean;
}

/** `tyk-console publish ENV`: Git (or another environment's live state) → this environment's Dashboard. */
export function registerPublish(program: Command): void {
	withReviewFormat(withPlanOut(withWriteGate(withSelection(withCommonOptions(program.command('publish'))))))
		.argument('<environment>', 'environment whose Dashboard is written')
		.description('create or update the selected items on the Dashboard from Git (or from another environment)')
		.option('--ref <rev>', 'publish Git at this branch, tag or commit instead of the configured branch')
		.option('--from-env <env>', "publish another environment's live state (migration) instead of Git")
		.option('--prune', 'also delete live items that the source does not have (listed in the plan)')
		.option('--with-dependencies', 'also publish the APIs the selected policies grant that the target lacks, from the same source')
		.action(async (environment: string, options: PublishOptions, command: Command) => {
			const usage = formatFlagsError(options, 'plan');
			if (usage) command.error(`error: ${usage}`);
			await runCommand(options, async (engine, output) => {
				const {plan, excluded} = await engine.plan({
					type: 'publish', environment, selection: selectionOf(options), ref: options.ref, fromEnvironment: options.fromEnv, prune: options.prune,
					withDependencies: options.withDependencies,
				});
				if (options.format === 'markdown' || options.format === 'html') {
					// The plan for review (a PR comment or a page; with --format, --out names that file): nothing is written.
					const {planReview, emitReview} = await import('./review-output.js');
					await emitReview(output, planReview(engine, plan, excluded, `tyk-console publish ${environment}`), options.format, options.out);
					const blocked = plan.blocked ?? [];
					return excluded.length > 0 || blocked.length > 0 ? exitCodes.error : exitCodes.ok;
				}
				return showAndApply(engine, output, plan, excluded, options);
			});
		});
}
