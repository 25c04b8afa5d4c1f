import type {CompareOptions} from '../core/compare.js';
import type {Kind} from '../core/item.js';
import type {OperationResult, Plan, ProgressEvent} from '../core/plan.js';
import type {EngineContext} from './context.js';
import {applyToGit, type DumpOptions} from './apply-git.js';
import {applyToLive} from './apply-live.js';
import {compareEnvironment} from './compare-env.js';
import type {GitSide} from './git-side.js';
import {history, versionComparison} from './history.js';
import {planDump, planPublish, planRollback, planUndo} from './plans.js';
import type {ConsoleServices, EnvironmentInfo, ItemHistory, VersionRef} from './services.js';

/**
 * The engine both the console and the commands use, so they can never disagree. Dump plans remember the Git side
 * they were planned against, so applying writes on top of exactly what the user saw.
 */
export class Engine implements ConsoleServices {
	readonly context: EngineContext;
	private readonly dumpSides = new WeakMap<Plan, GitSide>();

	constructor(context: EngineContext) {
		this.context = context;
	}

	environments(): readonly EnvironmentInfo[] {
		return this.context.config.environments.map((environment) => ({
			name: environment.name, dashboard: environment.dashboard, protected: environment.protected, readOnly: environment.readOnly,
			git: environment.git,
		}));
	}

	loadEnvironment(name: string) {
		return compareEnvironment(this.context, name);
	}

	compareEnvironments(base: string, other: string) {
		return compareEnvironment(this.context, other, {against: base});
	}

	async planPublish(environment: string, keys: readonly string[], options: {fromEnvironment?: string} = {}): Promise<Plan> {
		return (await planPublish(this.context, environment, {keys}, options)).plan;
	}

	async planDump(environment: string, keys: readonly string[]): Promise<Plan> {
		const build = await planDump(this.context, environment, {keys});
		this.dumpSides.set(build.plan, build.git);
		return build.plan;
	}

	async planRollback(environment: string, kind: Kind, id: string, version: VersionRef): Promise<Plan> {
		return (await planRollback(this.context, environment, kind, id, version)).plan;
	}

	async planUndo(environment: string, operation?: string): Promise<Plan> {
		return (await planUndo(this.context, environment, operation)).plan;
	}

	/** Remembers the Git side of a dump plan built elsewhere (the dump command builds its own). */
	rememberDumpSide(plan: Plan, side: GitSide): void {
		this.dumpSides.set(plan, side);
	}

	apply(plan: Plan, onProgress: (event: ProgressEvent) => void = () => {}, dumpOptions?: DumpOptions): Promise<OperationResult> {
		if (plan.direction === 'dump') {
			const side = this.dumpSides.get(plan);
			if (!side) throw new Error('internal: dump plan without its Git side; plan it with planDump');
			return applyToGit(this.context, plan, side, dumpOptions, onProgress);
		}
		return applyToLive(this.context, plan, onProgress);
	}

	history(environment: string, kind: Kind, id: string): Promise<ItemHistory> {
		return history(this.context, environment, kind, id);
	}

	versionComparison(environment: string, kind: Kind, id: string, version: VersionRef) {
		return versionComparison(this.context, environment, kind, id, version);
	}

	compareOptions(): CompareOptions {
		return {ignore: this.context.config.ignore};
	}

	close(): Promise<void> {
		return this.context.close();
	}
}
