import {Option, type Command} from 'commander';
import type {Kind} from '../core/item.js';
import type {Engine} from '../engine/engine.js';
import {showAndApply, type ActionFlags} from './action.js';
import {runCommand} from './context.js';
import {withCommonOptions, withPlanOut, withWriteGate, type CommonOptions} from './options.js';

interface RollbackOptions extends CommonOptions, ActionFlags {
	readonly id: string;
	readonly kind?: Kind;
	readonly to?: string;
	readonly snapshot?: string;
}

/** Finds the kind of an item by its portable ID when `--kind` is not given (live first, then Git). */
export async function kindOf(engine: Engine, environment: string, id: string, given?: Kind): Promise<Kind> {
	if (given) return given;
	// Only this ID is read in full: the lists, plus the item itself where it is a Tyk OAS API.
	const view = await engine.load(environment, {selection: {ids: [id]}}).catch((error: unknown) => {
		if (error instanceof Error && error.message.startsWith('no item with ID')) return undefined;
		throw error;
	});
	if (!view) throw new Error(`no item with ID "${id}" in ${environment} (live or Git); add --kind if it exists only in history`);
	const kinds = [...new Set(view.comparisons.filter((c) => c.id === id && c.kind).map((c) => c.kind!))];
	if (kinds.length === 1) return kinds[0]!;
	if (kinds.length > 1) throw new Error(`"${id}" names items of several kinds (${kinds.join(', ')}): add --kind`);
	// Not found because a side could not be read: say that, not "no such item".
	if (view.reason) throw new Error(view.reason);
	if (view.gitError) throw new Error(view.gitError);
	throw new Error(`no item with ID "${id}" in ${environment} (live or Git); add --kind if it exists only in history`);
}

/** `tyk-console rollback ENV --id ID (--to REV | --snapshot SNAP)`: one earlier version of one item goes live. */
export function registerRollback(program: Command): void {
	withPlanOut(withWriteGate(withCommonOptions(program.command('rollback'))))
		.argument('<environment>', 'environment whose Dashboard is written')
		.description('put an earlier version of one item live: a Git revision or a journal snapshot')
		.requiredOption('--id <id>', 'portable ID of the item')
		.addOption(new Option('--kind <kind>', 'kind of the item, when the ID is ambiguous').choices(['api', 'policy', 'template']))
		.option('--to <rev>', 'Git revision (commit, tag, branch) holding the version to restore')
		.option('--snapshot <snapshot>', 'journal snapshot ID (from `history`) holding the version to restore')
		.action(async (environment: string, options: RollbackOptions) => {
			await runCommand(options, async (engine, output) => {
				if (Boolean(options.to) === Boolean(options.snapshot)) throw new Error('rollback needs exactly one of --to REV or --snapshot SNAP');
				const kind = options.snapshot ? (options.kind ?? (/:(api|policy|template):/.exec(options.snapshot)?.[1] as Kind | undefined) ?? 'api') : await kindOf(engine, environment, options.id, options.kind);
				const version = options.to ? {type: 'git' as const, commit: options.to} : {type: 'snapshot' as const, id: options.snapshot!};
				const {plan, excluded} = await engine.plan({type: 'rollback', environment, kind, id: options.id, version});
				return showAndApply(engine, output, plan, excluded, options);
			});
		});
}

interface UndoOptions extends CommonOptions, ActionFlags {
	readonly operation?: string;
}

/** `tyk-console undo ENV [--operation OP]`: the pre-images of an operation go back live. */
export function registerUndo(program: Command): void {
	withPlanOut(withWriteGate(withCommonOptions(program.command('undo'))))
		.argument('<environment>', 'environment whose Dashboard is written')
		.description('restore the pre-images of an operation (default: the last one on the environment)')
		.option('--operation <id>', 'operation ID (printed by every action and by `history`)')
		.action(async (environment: string, options: UndoOptions) => {
			await runCommand(options, async (engine, output) => {
				const {plan, excluded, operation, interrupted} = await engine.plan({type: 'undo', environment, operation: options.operation});
				if (!output.json) {
					if (interrupted && interrupted.operation !== operation) output.out(`Finishing the interrupted undo ${interrupted.operation}: undoing operation ${operation} again`);
					else output.out(`Undoing operation ${operation}${interrupted ? ' (interrupted: it has no finish record)' : ''}`);
				}
				return showAndApply(engine, output, plan, excluded, options);
			});
		});
}
