import type {Command} from 'commander';
import type {OperationRecord} from '../engine/plans.js';
import {exitCodes, runCommand} from './context.js';
import {withCommonOptions, type CommonOptions} from './options.js';
import {summaryLine} from './format.js';

/** `tyk-console envs`: every environment with reachability, counts and drift; exit 1 when one cannot be read. */
export function registerEnvs(program: Command): void {
	withCommonOptions(program.command('envs'))
		.description('list environments with reachability, item counts and drift from Git')
		.action(async (options: CommonOptions) => {
			await runCommand(options, async (engine, output) => {
				const names = engine.environments().map((e) => e.name);
				const views = await Promise.all(names.map((name) => engine.load(name)));
				// The last Dashboard write of each environment when it was cut short: `undo` finishes or undoes it.
				const {lastInterrupted} = await import('../engine/plans.js');
				const interrupted = await Promise.all(names.map((name) => lastInterrupted(engine.context, name).catch(() => undefined)));
				const infos = engine.environments();
				if (output.json) {
					output.data({environments: views.map((view, index) => ({
						name: view.name, dashboard: infos[index]!.dashboard, protected: infos[index]!.protected, readOnly: infos[index]!.readOnly,
						git: {...infos[index]!.git, commit: view.fullCommit}, reachability: view.reachability, error: view.reason ?? view.gitError,
						counts: view.counts, drift: view.drift,
						interrupted: interruptedJson(interrupted[index]),
					}))});
				} else {
					const {paint} = output;
					for (const [index, view] of views.entries()) {
						const info = infos[index]!;
						const name = info.protected ? paint.red(view.name) : paint.bold(view.name);
						const flags = [info.protected ? 'protected' : '', info.readOnly ? 'read-only' : ''].filter(Boolean).join(', ');
						output.out(`${name}${flags ? paint.gray(` (${flags})`) : ''}  ${info.dashboard}  ${view.left.label}`);
						if (view.reachability !== 'ok') output.out(`  ${paint.red(view.reachability)}: ${view.reason}`);
						else output.out(`  ok: ${view.counts.api} APIs, ${view.counts.policy} policies, ${view.counts.template} templates`);
						if (view.gitError) output.out(`  ${paint.red('git')}: ${view.gitError}`);
						else if (view.reachability === 'ok') output.out(`  ${summaryLine(view.drift)}`);
						const cut = interrupted[index];
						if (cut) output.out(`  ${paint.red('interrupted')}: ${describe(cut)}; run \`tyk-console undo ${view.name}\` to ${cut.action === 'undo' && cut.undoes ? 'finish it' : 'undo what it wrote'}`);
					}
				}
				return views.some((view) => view.reachability !== 'ok' || view.gitError) ? exitCodes.error : exitCodes.ok;
			});
		});
}

/** An interrupted operation as `envs --json` lists it; null when the environment's last write finished. */
function interruptedJson(op: OperationRecord | undefined): Record<string, unknown> | null {
	if (!op) return null;
	return {operation: op.id, action: op.action, startedAt: op.startedAt, user: op.user, reached: op.preImages.length, ...(op.undoes ? {undoes: op.undoes} : {})};
}

function describe(op: OperationRecord): string {
	const what = op.action === 'undo' && op.undoes ? `undo of ${op.undoes}` : op.action;
	return `operation ${op.id} (${what}, started ${op.startedAt} by ${op.user}, ${op.preImages.length} item(s) reached) has no finish record`;
}
