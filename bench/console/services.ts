import {compareSetsCounted, countStatuses, type CompareOptions} from '../../source/core/compare.js';
import type {Item, Kind} from '../../source/core/item.js';
import type {OperationResult} from '../../source/core/plan.js';
import type {PlanResult} from '../../source/engine/plans.js';
import type {Comparison} from '../../source/core/status.js';
import type {ConsoleServices, EnvironmentInfo, EnvironmentView, ItemHistory, OperationEntry} from '../../source/engine/services.js';
import {asSet} from './fixtures.js';

/**
 * ConsoleServices over items already in memory: the console's own rendering is what the key timings measure, so
 * loading answers at once with the same comparison the engine builds (core compareSetsCounted). Writes and history
 * are not part of the scenario and say so if reached.
 */
export class MemoryServices implements ConsoleServices {
	private readonly view: EnvironmentView;
	private readonly info: EnvironmentInfo = {
		name: 'bench', dashboard: 'http://127.0.0.1:1', protected: false, readOnly: false, git: {repo: '/bench/repo', branch: 'main', dir: ''},
	};

	constructor(git: readonly Item[], live: readonly Item[]) {
		const {comparisons, hidden} = compareSetsCounted(asSet(git), asSet(live));
		const counts: Record<Kind, number> = {api: 0, policy: 0, template: 0};
		for (const item of live) counts[item.kind]++;
		this.view = {
			name: 'bench', reachability: 'ok', left: {type: 'git', label: 'git main@0000000'}, right: {type: 'live', label: 'live bench', environment: 'bench'},
			commit: '0000000', counts, drift: countStatuses(comparisons), comparisons, hidden,
		};
	}

	/** The comparisons the Items screen lists, in its order, so the bench can say which row the cursor is on. */
	get comparisons(): readonly Comparison[] {
		return this.view.comparisons;
	}

	environments(): readonly EnvironmentInfo[] {
		return [this.info];
	}

	async loadEnvironment(): Promise<EnvironmentView> {
		return this.view;
	}

	private notMeasured(what: string): never {
		throw new Error(`bench: ${what} is not part of the console scenario`);
	}

	compareEnvironments(): Promise<EnvironmentView> {
		return this.notMeasured('comparing environments');
	}

	plan(): Promise<PlanResult> {
		return this.notMeasured('planning');
	}

	apply(): Promise<OperationResult> {
		return this.notMeasured('applying');
	}

	refreshView(): Promise<EnvironmentView> {
		return this.notMeasured('applying');
	}

	compareOptions(): CompareOptions {
		return {};
	}

	history(): Promise<ItemHistory> {
		return this.notMeasured('history');
	}

	versionComparison(): Promise<Comparison> {
		return this.notMeasured('history');
	}

	operations(): Promise<readonly OperationEntry[]> {
		return this.notMeasured('the operations log');
	}

	savePlan(): Promise<string> {
		return this.notMeasured('saving a plan');
	}
}
