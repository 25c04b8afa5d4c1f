import {Option, type Command} from 'commander';
import type {Kind} from '../core/item.js';
import {kindOf} from './rollback.js';
import {runCommand, exitCodes} from './context.js';
import {withCommonOptions, type CommonOptions} from './options.js';

interface HistoryOptions extends CommonOptions {
	readonly id: string;
	readonly kind?: Kind;
}

/** `tyk-console history ENV --id ID`: Git revisions and journal snapshots of one item, newest first. */
export function registerHistory(program: Command): void {
	withCommonOptions(program.command('history'))
		.argument('<environment>', 'environment (its Git branch and its journal)')
		.description('list the Git revisions and journal snapshots of one item, newest first')
		.requiredOption('--id <id>', 'portable ID of the item')
		.addOption(new Option('--kind <kind>', 'kind of the item, when the ID is ambiguous').choices(['api', 'policy', 'template']))
		.action(async (environment: string, options: HistoryOptions) => {
			await runCommand(options, async (engine, output) => {
				const kind = await kindOf(engine, environment, options.id, options.kind);
				const found = await engine.history(environment, kind, options.id);
				if (output.json) {
					output.data({environment, kind, id: options.id, revisions: found.revisions, snapshots: found.snapshots});
					return exitCodes.ok;
				}
				const {paint} = output;
				output.out(`${paint.bold(`${kind} ${options.id}`)} in ${environment}${found.file ? paint.gray(` (${found.file})`) : ''}`);
				output.out('Git revisions:');
				if (found.revisions.length === 0) output.out(paint.gray('  none'));
				for (const r of found.revisions) output.out(`  ${paint.yellow(r.commit.slice(0, 7))} ${r.date.slice(0, 19).replace('T', ' ')} ${r.author}  ${r.subject}`);
				output.out('Journal snapshots (state before each operation):');
				if (found.snapshots.length === 0) output.out(paint.gray('  none'));
				for (const s of found.snapshots) output.out(`  ${paint.cyan(s.id)}  ${s.time.slice(0, 19).replace('T', ' ')}  before ${s.action}`);
				output.out(paint.gray(`Roll back with: tyk-console rollback ${environment} --id ${options.id} --to <commit> | --snapshot <snapshot>`));
				return exitCodes.ok;
			});
		});
}
