import type {Command} from 'commander';
import type {ActionFlags} from './action.js';
import {showAndApply} from './action.js';
import {runCommand, selectionOf} from './context.js';
import {withCommonOptions, withPlanOut, withWriteGate, withSelection, type CommonOptions, type SelectionOptions} from './options.js';

interface PublishOptions extends CommonOptions, SelectionOptions, ActionFlags {
	readonly ref?: string;
	readonly fromEnv?: string;
	readonly prune?: boolean;
	readonly withDependencies?: boolean;
}

/** `tyk-console publish ENV`: Git (or another environment's live state) → this environment's Dashboard. */
export function registerPublish(program: Command): void {
	withPlanOut(withWriteGate(withSelection(withCommonOptions(program.command('publish')))))
		.argument('<environment>', 'environment whose Dashboard is written')
		.description('create or update the selected items on the Dashboard from Git (or from another environment)')
		.option('--ref <rev>', 'publish Git at this branch, tag or commit instead of the configured branch')
		.option('--from-env <env>', "publish another environment's live state (migration) instead of Git")
		.option('--prune', 'also delete live items that the source does not have (listed in the plan)')
		.option('--with-dependencies', 'also publish the APIs the selected policies grant that the target lacks, from the same source')
		.action(async (environment: string, options: PublishOptions) => {
			await runCommand(options, async (engine, output) => {
				const {plan, excluded} = await engine.plan({
					type: 'publish', environment, selection: selectionOf(options), ref: options.ref, fromEnvironment: options.fromEnv, prune: options.prune,
					withDependencies: options.withDependencies,
				});
				return showAndApply(engine, output, plan, excluded, options);
			});
		});
}
