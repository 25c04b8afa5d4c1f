import type {Blame} from '../../../source/core/blame.js';
import type {Item, ItemSet, Kind} from '../../../source/core/item.js';
import {compareSets, countStatuses} from '../../../source/core/compare.js';
import {buildPlan} from '../../../source/core/planning.js';
import {checkPlan, indexItems, missingDependencies} from '../../../source/core/checks.js';
import type {OperationResult, Plan, ProgressEvent, StepResult, TargetItem} from '../../../source/core/plan.js';
import type {CompareOptions} from '../../../source/core/compare.js';
import type {PlanRequest, PlanResult} from '../../../source/engine/plans.js';
import {liveSidesMoved, patchView, targetChanges} from '../../../source/engine/view-update.js';
import type {Comparison} from '../../../source/core/status.js';
import type {Origin} from '../../../source/core/origin.js';
import type {
	ConsoleServices, EnvironmentInfo, EnvironmentView, ItemHistory, VersionRef,
} from '../../../source/engine/services.js';
import {classicApi, oasApi, policy, template} from './items.js';
import {dumpMessage, messageSubject} from '../../../source/core/dump-message.js';
import type {BaseVersion, ConsoleApplyOptions, OperationEntry} from '../../../source/engine/services.js';

/** One environment of the fake: settings, Git items and live items. */
export interface FakeEnvironment {
	readonly info: EnvironmentInfo;
	readonly git: readonly Item[];
	readonly live: readonly Item[];
	/** When set, the Dashboard is reported unreachable with this reason. */
	readonly unreachable?: string;
	/** How the failure in `unreachable` is classed (default unreachable; a missing key is an `error`). */
	readonly reachability?: EnvironmentView['reachability'];
	/** The Git side cannot be read (e.g. no .tyk.json): the live side is kept alone, as the engine does. */
	readonly gitError?: string;
	/** What reading the Git side noticed (a file listed twice…). */
	readonly notes?: readonly string[];
	/** Who last changed items live, per comparison key, as the engine's blame reports it. */
	readonly blame?: Readonly<Record<string, Blame>>;
	/** The environment's overlay fields, as the engine reports them on the view. */
	readonly overlay?: EnvironmentView['overlay'];
	/** The origin of differing rows, per comparison key, as the engine classifies them from the base. */
	readonly origins?: Readonly<Record<string, Origin>>;
	/** Items at their base, per comparison key, as the engine reads them from the base commit (absent: no base). */
	readonly bases?: Readonly<Record<string, BaseVersion>>;
}

/** Everything a test can ask the fake to do differently. */
export interface FakeOptions {
	readonly environments?: readonly FakeEnvironment[];
	/** Keys whose apply fails with the given reason. */
	readonly failures?: Readonly<Record<string, string>>;
	/** Environments whose load waits until `release(name)` is called (to see loading states and non-blocking input). */
	readonly hold?: readonly string[];
	readonly history?: ItemHistory;
	/** Notes the undo plan carries (the engine adds one per item edited since the operation). */
	readonly undoNotes?: readonly string[];
	/** A commit or snapshot ID whose version equals what is live now (the history screen marks it). */
	readonly liveVersion?: string;
	/** What the operations log lists, per environment. */
	readonly operations?: Readonly<Record<string, readonly OperationEntry[]>>;
}

function info(name: string, extra: Partial<EnvironmentInfo> = {}): EnvironmentInfo {
	return {
		name, dashboard: `http://127.0.0.1:3000/${name}`, protected: false, readOnly: false,
		git: {repo: '/tmp/repo', branch: 'main', dir: 'tyk'}, ...extra,
	};
}

const payments = classicApi('payments-1', 'Payments #finance', '/payments/', 'http://payments.internal:8080');
const orders = oasApi('orders-2', 'Orders', '/orders/', 'http://orders.internal', ['shop']);
const users = classicApi('users-3', 'Users', '/users/', 'http://users.internal');
const legacy = classicApi('legacy-4', 'Legacy SOAP', '/soap/', 'http://soap.internal');
const gold = policy('gold', 'Gold tier', 100, ['payments-1']);
const tmpl = template('tpl-1', 'Default OAS template');

/** The default world: staging drifts a little, prod is protected, archive is read-only, broken is unreachable. */
export function defaultEnvironments(): FakeEnvironment[] {
	const paymentsLive = classicApi('payments-1', 'Payments #finance', '/payments/', 'http://payments-v2.internal:8080');
	const goldLive = policy('gold', 'Gold tier', 250, ['payments-1']);
	return [
		{info: info('staging'), git: [payments, orders, users, gold, tmpl], live: [paymentsLive, orders, legacy, goldLive, tmpl]},
		{info: info('prod', {protected: true, git: {repo: '/tmp/repo', branch: 'release', dir: 'tyk'}}), git: [payments, orders, gold], live: [paymentsLive, orders, gold]},
		{info: info('archive', {readOnly: true}), git: [payments], live: [payments]},
		{info: info('broken'), git: [payments], live: [], unreachable: 'connect ECONNREFUSED 127.0.0.1:1'},
	];
}

function set(items: readonly Item[]): ItemSet {
	return {items, invalid: [], conflicts: []};
}

function counts(items: readonly Item[]): Record<Kind, number> {
	return {
		api: items.filter((i) => i.kind === 'api').length,
		policy: items.filter((i) => i.kind === 'policy').length,
		template: items.filter((i) => i.kind === 'template').length,
	};
}

/** An in-memory ConsoleServices for component tests: real core comparisons and plans, recorded calls, no I/O. */
export class FakeServices implements ConsoleServices {
	readonly calls: string[] = [];
	readonly applied: Plan[] = [];
	/** The options each apply was given (a dump's commit message). */
	readonly applyOptions: (ConsoleApplyOptions | undefined)[] = [];
	private readonly envs: FakeEnvironment[];
	private readonly waiting = new Map<string, () => void>();
	private readonly held: Set<string>;
	private applies = 0;

	constructor(private readonly options: FakeOptions = {}) {
		this.envs = [...(options.environments ?? defaultEnvironments())];
		this.held = new Set(options.hold ?? []);
	}

	/** Lets a held environment finish loading. */
	release(name: string): void {
		this.held.delete(name);
		this.waiting.get(name)?.();
	}

	/** Takes an environment's Dashboard down (a reason) or brings it back (undefined), for the next load. */
	setUnreachable(name: string, reason: string | undefined, reachability?: EnvironmentView['reachability']): void {
		const index = this.envs.findIndex((e) => e.info.name === name);
		const {unreachable: _reason, reachability: _reachability, ...rest} = this.envs[index]!;
		this.envs[index] = reason === undefined ? rest : {...rest, unreachable: reason, ...(reachability ? {reachability} : {})};
	}

	environments(): readonly EnvironmentInfo[] {
		return this.envs.map((e) => e.info);
	}

	private env(name: string): FakeEnvironment {
		const found = this.envs.find((e) => e.info.name === name);
		if (!found) throw new Error(`unknown environment ${name}`);
		return found;
	}

	private view(name: string, comparisons: Comparison[], left: EnvironmentView['left'], liveItems: readonly Item[], unreachable?: string): EnvironmentView {
		return {
			name, reachability: unreachable ? 'unreachable' : 'ok', reason: unreachable, left,
			right: {type: 'live', label: `live ${name}`, environment: name}, commit: '3f2a1c9',
			counts: counts(liveItems), drift: countStatuses(comparisons), comparisons,
			hidden: Object.fromEntries(comparisons.map((c) => [c.key, 3])),
		};
	}

	async loadEnvironment(name: string): Promise<EnvironmentView> {
		this.calls.push(`load ${name}`);
		if (this.held.has(name)) await new Promise<void>((resolve) => this.waiting.set(name, resolve));
		const env = this.env(name);
		const left = {type: 'git' as const, label: `git ${env.info.git.branch}@3f2a1c9`};
		if (env.unreachable) {
			// As the engine reports a Dashboard it cannot read: nothing compared or counted, the Git side kept alone.
			const view = this.view(name, [], left, [], env.unreachable);
			return {
				...view, reachability: env.reachability ?? 'unreachable',
				partial: {side: 'left', rows: compareSets(set(env.git), set([]), this.compareOptions())},
			};
		}
		if (env.gitError) {
			const view = this.view(name, [], left, env.live);
			return {...view, gitError: env.gitError, partial: {side: 'right', rows: compareSets(set([]), set(env.live), this.compareOptions())}};
		}
		const view = this.view(name, compareSets(set(env.git), set(env.live), this.compareOptions()), left, env.live);
		const origins = env.origins;
		const rows = origins ? view.comparisons.map((row) => (origins[row.key] ? {...row, origin: origins[row.key]} : row)) : view.comparisons;
		return {...view, comparisons: rows, ...(env.notes ? {notes: env.notes} : {}), ...(env.blame ? {blame: env.blame} : {}), ...(env.overlay ? {overlay: env.overlay} : {})};
	}

	async compareEnvironments(base: string, other: string): Promise<EnvironmentView> {
		this.calls.push(`compare ${base} ${other}`);
		const left = {type: 'live' as const, label: `live ${base}`, environment: base};
		const [from, to] = [this.env(base), this.env(other)];
		if (from.unreachable || to.unreachable) {
			// As the engine reports a side it cannot read: nothing compared, the other side kept alone.
			const view = this.view(other, [], left, to.unreachable ? [] : to.live, to.unreachable);
			const partial = to.unreachable
				? {side: 'left' as const, rows: compareSets(set(from.live), set([]), this.compareOptions())}
				: {side: 'right' as const, rows: compareSets(set([]), set(to.live), this.compareOptions())};
			return {...view, ...(from.unreachable ? {gitError: from.unreachable} : {}), ...(from.unreachable && to.unreachable ? {} : {partial})};
		}
		return this.view(other, compareSets(set(from.live), set(to.live), this.compareOptions()), left, to.live);
	}

	/** Dispatches like the engine; the per-kind methods record what was asked in `calls`. */
	async plan(request: PlanRequest): Promise<PlanResult> {
		const built = await this.planOf(request);
		return {...built, plan: this.overlaid(this.flagged(built.plan))};
	}

	/** Steps with the environment's overlay fields, as the engine puts them on the steps it writes. */
	private overlaid(plan: Plan): Plan {
		const overlay = this.envs.find((e) => e.info.name === plan.environment)?.overlay;
		if (!overlay) return plan;
		const steps = plan.steps.map((step) => {
			const fields = step.action === 'delete' ? undefined : overlay.fields[step.key];
			return fields ? {...step, overlay: {environment: overlay.environment, fields}} : step;
		});
		return {...plan, steps};
	}

	/** Flags steps that erase a change made on the target, from the environment's origins, as the engine does. */
	private flagged(plan: Plan): Plan {
		const origins = this.envs.find((e) => e.info.name === plan.environment)?.origins;
		const erased: readonly string[] = plan.direction === 'dump' ? ['git', 'both'] : plan.direction === 'publish' ? ['live', 'both'] : [];
		if (!origins || erased.length === 0) return plan;
		const steps = plan.steps.map((step) => {
			const origin = origins[step.key];
			return origin && origin !== 'unknown' && erased.includes(origin) && step.action !== 'skip'
				? {...step, overwrites: {origin, since: '2026-12-03T10:20:00.000Z', ...(plan.direction === 'dump' ? {commit: 'c0ffee0'.padEnd(40, '0'), subject: 'Raise the rate limit'} : {})}}
				: step;
		});
		return {...plan, steps};
	}

	private async planOf(request: PlanRequest): Promise<PlanResult> {
		switch (request.type) {
			case 'publish': return {plan: await this.planPublish(request.environment, request.selection?.keys ?? [], request), excluded: []};
			case 'dump': return {plan: await this.planDump(request.environment, request.selection?.keys ?? []), excluded: []};
			case 'rollback': return {plan: await this.planRollback(request.environment, request.kind, request.id, request.version), excluded: []};
			case 'undo': return {plan: await this.planUndo(request.environment, request.operation), excluded: []};
		}
	}

	/** Patches held views from the apply's target like the engine does (the fake's world itself never changes). */
	async refreshView(view: EnvironmentView, result: OperationResult): Promise<EnvironmentView> {
		this.calls.push(`refreshView ${view.name}`);
		if (result.direction === 'dump') return view.name === result.environment ? patchView(view, 'left', targetChanges(result), {}) : view;
		const sides = liveSidesMoved(view, result.environment);
		return sides.reduce((current, side) => patchView(current, side, targetChanges(result), {}), view);
	}

	compareOptions(): CompareOptions {
		return {};
	}

	async baseVersion(environment: string, comparison: Comparison): Promise<BaseVersion> {
		this.calls.push(`baseVersion ${environment} ${comparison.key}`);
		return this.env(environment).bases?.[comparison.key] ?? {label: 'no base', note: 'no base is recorded for this item'};
	}

	/** Plans like the engine: the checks before writing on the target's live items, dependencies added when asked. */
	async planPublish(environment: string, keys: readonly string[], options?: {fromEnvironment?: string; view?: EnvironmentView; withDependencies?: boolean}): Promise<Plan> {
		this.calls.push(`planPublish ${environment} ${keys.join(',')}${options?.fromEnvironment ? ` from ${options.fromEnvironment}` : ''}${options?.withDependencies ? ' with dependencies' : ''}`);
		const view = options?.view ?? (options?.fromEnvironment ? await this.compareEnvironments(options.fromEnvironment, environment) : await this.loadEnvironment(environment));
		const target = indexItems(this.env(environment).live);
		const build = (wanted: readonly string[]) => buildPlan(view.comparisons, {
			direction: options?.fromEnvironment ? 'migrate' : 'publish', environment, source: view.left, target: view.right, keys: new Set(wanted),
		}).plan;
		let plan = build(keys);
		if (options?.withDependencies) plan = build([...keys, ...missingDependencies(plan, target).map((id) => `api:${id}`)]);
		const blocked = checkPlan(plan, target);
		return blocked.length === 0 ? plan : {...plan, blocked};
	}

	async planDump(environment: string, keys: readonly string[]): Promise<Plan> {
		this.calls.push(`planDump ${environment} ${keys.join(',')}`);
		const env = this.env(environment);
		const comparisons = compareSets(set(env.live), set(env.git));
		return buildPlan(comparisons, {
			direction: 'dump', environment, source: {type: 'live', label: `live ${environment}`}, target: {type: 'git', label: 'git main'}, keys: new Set(keys),
		}).plan;
	}

	async planRollback(environment: string, kind: Kind, id: string, version: VersionRef): Promise<Plan> {
		this.calls.push(`planRollback ${environment} ${kind}:${id} ${version.type === 'git' ? version.commit : version.id}`);
		const comparison = await this.versionComparison(environment, kind, id, version);
		return buildPlan([comparison], {
			direction: 'rollback', environment, source: {type: version.type === 'git' ? 'git' : 'snapshot', label: 'older version'},
			target: {type: 'live', label: `live ${environment}`},
		}).plan;
	}

	async planUndo(environment: string, operation?: string): Promise<Plan> {
		this.calls.push(`planUndo ${environment} ${operation ?? 'last'}`);
		const env = this.env(environment);
		const comparisons = compareSets(set(env.git), set(env.live)).filter((c) => c.status === 'changed');
		const {plan} = buildPlan(comparisons, {
			direction: 'undo', environment, source: {type: 'snapshot', label: `snapshot ${operation ?? 'last'}`}, target: {type: 'live', label: `live ${environment}`},
		});
		return this.options.undoNotes ? {...plan, notes: this.options.undoNotes} : plan;
	}

	async apply(plan: Plan, onProgress: (event: ProgressEvent) => void, options?: ConsoleApplyOptions): Promise<OperationResult> {
		this.calls.push(`apply ${plan.direction} ${plan.environment}`);
		this.applied.push(plan);
		this.applyOptions.push(options);
		const operation = `op-${++this.applies}`;
		onProgress({type: 'start', total: plan.steps.length, operation});
		const results: StepResult[] = [];
		const target: TargetItem[] = [];
		for (const step of plan.steps) {
			const failure = this.options.failures?.[step.key];
			const now = failure || step.action === 'skip' ? step.before : step.after;
			target.push({key: step.key, ...(now ? {item: now} : {})});
			const result: StepResult = {
				key: step.key, kind: step.kind, id: step.id, name: step.name, action: step.action,
				status: failure ? 'failed' : step.action === 'skip' ? 'skipped' : 'applied',
				verified: failure || step.action === 'skip' ? undefined : true, error: failure,
			};
			results.push(result);
			onProgress({type: 'step', result, done: results.length, total: plan.steps.length});
		}
		const base = {operation, environment: plan.environment, results, target, uncertain: []};
		// A dump commits like the engine: the message given, or the one the CLI would write.
		const commit = {commit: `c0ffee${String(this.applies).padStart(2, '0')}deadbeef`, subject: messageSubject(options?.dump?.message ?? dumpMessage(plan))};
		return plan.direction === 'dump' ? {...base, direction: 'dump', ...commit} : {...base, direction: plan.direction};
	}

	async savePlan(plan: Plan): Promise<string> {
		this.calls.push(`savePlan ${plan.environment} ${plan.direction}`);
		return `./tyk-plan-${plan.environment}-20261203-180102.json`;
	}

	async operations(environment: string): Promise<readonly OperationEntry[]> {
		this.calls.push(`operations ${environment}`);
		return this.options.operations?.[environment] ?? [];
	}

	async history(environment: string, kind: Kind, id: string): Promise<ItemHistory> {
		this.calls.push(`history ${environment} ${kind}:${id}`);
		return this.options.history ?? {
			revisions: [
				{commit: 'aaaaaaa1111111', date: '2026-11-20', author: 'alice', subject: 'Raise payments timeout'},
				{commit: 'bbbbbbb2222222', date: '2026-11-01', author: 'bob', subject: 'Add payments API'},
			],
			snapshots: [{id: '20261121T101500Z-op-7', time: '2026-11-21T10:15:00Z', operation: 'op-7', action: 'update'}],
		};
	}

	async versionComparison(environment: string, kind: Kind, id: string, version: VersionRef): Promise<Comparison> {
		this.calls.push(`versionComparison ${environment} ${kind}:${id}`);
		const env = this.env(environment);
		const live = env.live.find((i) => i.kind === kind && i.id === id);
		if (live && this.options.liveVersion === (version.type === 'git' ? version.commit : version.id)) return compareSets(set([live]), set([live]))[0]!;
		const older = version.type === 'git' && version.commit.startsWith('bbb')
			? classicApi(id, live?.name ?? id, '/payments/', 'http://payments-old.internal:8080')
			: env.git.find((i) => i.kind === kind && i.id === id);
		return compareSets(set(older ? [older] : []), set(live ? [live] : []))[0]!;
	}
}
