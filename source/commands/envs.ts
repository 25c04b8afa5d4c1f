import type {Command} from 'commander';
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
				const infos = engine.environments();
				if (output.json) {
					output.data({environments: views.map((view, index) => ({
						name: view.name, dashboard: infos[index]!.dashboard, protected: infos[index]!.protected, readOnly: infos[index]!.readOnly,
						git: {...infos[index]!.git, commit: view.fullCommit}, reachability: view.reachability, error: view.reason ?? view.gitError,
						counts: view.counts, drift: view.drift,
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
					}
				}
				return views.some((view) => view.reachability !== 'ok' || view.gitError) ? exitCodes.error : exitCodes.ok;
			});
		});
}
