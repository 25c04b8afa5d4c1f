import type {Command} from 'commander';
import {showAndApply, type ActionFlags} from './action.js';
import {runCommand, selectionOf} from './context.js';
import {withCommonOptions, withSelection, type CommonOptions, type SelectionOptions} from './options.js';

interface DumpFlags extends CommonOptions, SelectionOptions, ActionFlags {
	readonly message?: string;
	readonly commit?: boolean;
	readonly push?: boolean;
	readonly prune?: boolean;
}

/** `tyk-console dump ENV`: live → the environment's Git branch, in the tyk-sync layout, as one commit. */
export function registerDump(program: Command): void {
	withSelection(withCommonOptions(program.command('dump')))
		.argument('<environment>', 'environment whose live Dashboard is read')
		.description("write the selected live items (default: all) to the environment's Git source and commit them")
		.option('--message <text>', 'commit message (default: says what was dumped from where)')
		.option('--no-commit', 'write the files into the directory without committing')
		.option('--push', 'push the branch after committing')
		.option('--prune', 'also remove from Git the items that are no longer live (listed in the plan)')
		.option('--dry-run', 'print the plan and write nothing')
		.action(async (environment: string, options: DumpFlags) => {
			await runCommand(options, async (engine, output) => {
				const {plan, excluded} = await engine.plan({type: 'dump', environment, selection: selectionOf(options), prune: options.prune});
				return showAndApply(engine, output, plan, excluded, options, {message: options.message, noCommit: options.commit === false, push: options.push});
			});
		});
}
