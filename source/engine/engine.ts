import type {CompareOptions} from '../core/compare.js';
import {compareSetsCounted, countStatuses} from '../core/compare.js';
import {makeItem, type Item, type Kind} from '../core/item.js';
import type {GitOutcome, OperationResult, Plan, ProgressEvent} from '../core/plan.js';
import type {EnvironmentConfig} from '../config/types.js';
import {getItem, liveAddress} from '../sources/dashboard/index.js';
import type {EngineContext} from './context.js';
import {applyToGit, type DumpOptions} from './apply-git.js';
import {applyToLive} from './apply-live.js';
import {compareEnvironment, unreadableFiles, type CompareSpec} from './compare-env.js';
import {gitLabel, readGitSide} from './git-side.js';
import {history, versionComparison} from './history.js';
import {makePlan, type PlanRequest, type PlanResult} from './plans.js';
import {environmentOperations} from './operations.js';
import {baseVersion, flagOverwrites, recordBase, withOrigins} from './origins.js';
import {refreshBlame, withBlame} from './blame.js';
import type {BaseVersion, ConsoleApplyOptions, ConsoleServices, EnvironmentInfo, EnvironmentView, ItemHistory, OperationEntry, VersionRef} from './services.js';
import {canPatch, liveSidesMoved, patchView, targetChanges} from './view-update.js';
import {writeSavedPlan} from '../sources/plan-file.js';
import {adoptLiveSecrets, adoptWrittenSecrets, viewOverlay} from './overlays.js';
import {resolve} from 'node:path';
import {isEmptyIndexNote} from '../sources/layout/reader.js';
import type {Comparison} from '../core/status.js';

/** How an apply reports and, for a dump, lands in Git. */
export interface ApplyOptions {
	readonly onProgress?: (event: ProgressEvent) => void;
	readonly dump?: DumpOptions;
}

/**
 * The one engine API, for the commands and the console alike, so they can never disagree: load a view (a whole
 * environment or a selection of it), make a plan (from a view the caller holds, or by reading what it needs), apply
 * it (a typed result saying what the target holds now), and bring held views up to date after an apply without
 * reading again what the apply already knows.
 */
export class Engine implements ConsoleServices {
	readonly context: EngineContext;

	constructor(context: EngineContext) {
		this.context = context;
	}

	environments(): readonly EnvironmentInfo[] {
		return this.context.config.environments.map((environment) => ({
			name: environment.name, dashboard: environment.dashboard, protected: environment.protected, readOnly: environment.readOnly,
			git: environment.git,
		}));
	}

	/** The configured environment (the write gate needs its protected/read-only flags); throws for an unknown name. */
	environment(name: string): EnvironmentConfig {
		return this.context.environment(name);
	}

	/** One environment's Git side (or another environment, `against`) compared with its live state. */
	async load(name: string, spec: CompareSpec = {}): Promise<EnvironmentView> {
		return withOrigins(this.context, await compareEnvironment(this.context, name, spec));
	}

	/** The console's load: the comparison with blame (who last changed each changed item live), like `diff`. */
	async loadEnvironment(name: string, signal?: AbortSignal): Promise<EnvironmentView> {
		return withBlame(this.context, await this.load(name, {signal}), signal);
	}

	async compareEnvironments(base: string, other: string, signal?: AbortSignal): Promise<EnvironmentView> {
		return withBlame(this.context, await this.load(other, {against: base, signal}), signal);
	}

	/** The plan a request describes, its steps that would erase a change made on the target since the base flagged. */
	async plan(request: PlanRequest): Promise<PlanResult> {
		const built = await makePlan(this.context, request);
		return {...built, plan: await flagOverwrites(this.context, built.plan)};
	}

	/** `progress` is the options object, or (the console's form) the progress callback with `more` options after it. */
	async apply(plan: Plan, progress: ((event: ProgressEvent) => void) | ApplyOptions = {}, more: ConsoleApplyOptions = {}): Promise<OperationResult> {
		const options: ApplyOptions = typeof progress === 'function' ? {...more, onProgress: progress} : progress;
		const result = plan.direction === 'dump'
			? await applyToGit(this.context, plan, options.dump, options.onProgress)
			: await applyToLive(this.context, plan, options.onProgress);
		const baseError = await recordBase(this.context, plan, result, {push: options.dump?.push});
		return baseError === undefined ? result : {...result, baseError};
	}

	/**
	 * A held view after an apply: the rows the apply wrote are compared again with what the target holds now (known
	 * from the apply's read-back; items whose write is uncertain are read again, one request each). A view the apply
	 * did not touch is returned as it is. Only what cannot be patched row by row (a conflict, a Git branch that moved
	 * under the dump) is read again, and a Dashboard is never listed again for it.
	 */
	async refreshView(view: EnvironmentView, result: OperationResult, signal?: AbortSignal): Promise<EnvironmentView> {
		const next = await this.refreshRows(view, result, signal);
		if (next === view) return view;
		// The apply moved the base of what it wrote: origins are measured again (rows it compared again have none), and
		// the items it wrote to this view's Dashboard are blamed on it (from the journal; the Dashboard is not asked again).
		const written = result.direction === 'dump' || result.environment !== view.name
			? [] : result.results.filter((step) => step.status === 'applied' && step.action !== 'skip').map((step) => step.key);
		return refreshBlame(this.context, await withOrigins(this.context, next), new Set(written));
	}

	private async refreshRows(view: EnvironmentView, result: OperationResult, signal?: AbortSignal): Promise<EnvironmentView> {
		if (result.direction === 'dump') return this.afterDump(view, result, signal);
		const sides = liveSidesMoved(view, result.environment);
		if (sides.length === 0) return view;
		const changes = targetChanges(result);
		await this.readUncertain(view, result, changes, sides);
		if (!canPatch(view, changes.keys())) return this.reload(view, signal);
		// The source side's overlay secrets take what was written (they are not compared): a publish leaves rows clean.
		const held = sides.includes('right') ? adoptWrittenSecrets(view, changes) : view;
		return sides.reduce((current, side) => patchView(current, side, changes, this.compareOptions()), held);
	}

	private async readUncertain(view: EnvironmentView, result: OperationResult, changes: Map<string, Item | undefined>, sides: readonly ('left' | 'right')[]): Promise<void> {
		if (result.uncertain.length === 0) return;
		const client = await this.context.client(result.environment);
		const rows = new Map(view.comparisons.map((row) => [row.key, row]));
		const uncertain = new Set(result.uncertain);
		await Promise.all(result.results.filter((step) => uncertain.has(step.key)).map(async (step) => {
			const row = rows.get(step.key);
			const held = sides.includes('right') ? row?.right : row?.left;
			const body = await getItem(client, step.kind, held?.flavor ?? step.flavor, liveAddress(held, step.id));
			changes.set(step.key, body ? makeItem(step.kind, body) : undefined);
		}));
	}

	private reload(view: EnvironmentView, signal?: AbortSignal): Promise<EnvironmentView> {
		const against = view.left.type === 'live' ? view.left.environment : undefined;
		return this.load(view.name, {against, selection: view.selection, signal});
	}

	/** Whether a view's Git side is the layout a dump of `environment` wrote (same repository, branch and folder). */
	private sharesGit(view: EnvironmentView, environment: string): boolean {
		if (view.left.type !== 'git' && view.left.type !== 'dir') return false;
		const mine = this.context.environment(view.name).git;
		const theirs = this.context.environment(environment).git;
		return mine.repo === theirs.repo && mine.branch === theirs.branch && mine.dir === theirs.dir;
	}

	private async afterDump(view: EnvironmentView, result: GitOutcome, signal?: AbortSignal): Promise<EnvironmentView> {
		if (!this.sharesGit(view, result.environment)) return view;
		const changes = targetChanges(result);
		if (result.commit === undefined) {
			// Without a commit the branch did not move; only a plain directory changed where the view reads it.
			return view.left.type === 'dir' && canPatch(view, changes.keys()) ? patchView(view, 'left', changes, this.compareOptions()) : view;
		}
		const git = this.context.environment(view.name).git;
		const moved = {commit: result.commit.slice(0, 7), fullCommit: result.commit, left: {type: 'git' as const, label: gitLabel(git.branch, result.commit)}};
		const sameBase = (view.fullCommit ?? null) === (result.base ?? null) || (view.sourceEmpty === true && result.base === null);
		// Another environment's view cannot take the dump's items as they are when either has an overlay (each renders
		// the base with its own): its Git side is read again instead.
		const sameRendering = view.name === result.environment || (!view.overlay && !result.overlay);
		if (sameBase && sameRendering && canPatch(view, changes.keys())) {
			const {sourceEmpty: _empty, notes, ...rest} = patchView(view, 'left', changes, this.compareOptions());
			// The index the dump wrote lists files now; the other notes are about files the dump did not touch.
			const kept = notes?.filter((note) => !isEmptyIndexNote(note));
			return {...rest, ...moved, ...(kept && kept.length > 0 ? {notes: kept} : {})};
		}
		if (view.selection) return this.reload(view, signal);
		// The branch moved under the view (another commit came first): read the layout again, a local read, and
		// compare it with the live items the view already holds.
		const side = await readGitSide(git, result.commit, {overlays: [view.name]});
		const live = view.comparisons.flatMap((row) => (row.right ? [row.right] : []));
		const liveSet = {items: live, invalid: [], conflicts: []};
		const own = side.overlays?.get(view.name);
		const {comparisons, hidden} = compareSetsCounted(adoptLiveSecrets(side.set, liveSet, own), liveSet, this.compareOptions());
		const {sourceEmpty: _empty, unreadable: _unreadable, notes: _notes, overlay: _overlay, ...rest} = view;
		const unreadable = unreadableFiles(side.set);
		return {
			...rest, ...moved, comparisons, hidden, drift: countStatuses(comparisons), ...(unreadable.length > 0 ? {unreadable} : {}),
			...(side.set.notes ? {notes: side.set.notes} : {}), ...(own ? {overlay: viewOverlay(view.name, side.overlayFields, [], own)} : {}),
		};
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

	/**
	 * Saves a plan for `tyk-console apply`: to `file` (the CLI's `--out`, with the entries the plan left out), or to a
	 * new file named after the environment and the time in the working directory (the console's `w`).
	 */
	async savePlan(plan: Plan, options: {file?: string; excluded?: readonly Comparison[]} = {}): Promise<string> {
		if (plan.direction === 'dump') throw new Error('a dump is not saved: it lands on the Git commit it was planned on, or not at all');
		const created = new Date().toISOString();
		// Relative to where the console was started, where the user will run `tyk-console apply`: short enough for 80 columns.
		const file = options.file ?? `./tyk-plan-${plan.environment}-${created.replace(/[-:]/g, '').replace('T', '-').replace(/\.\d+Z$/, '')}.json`;
		const excluded = (options.excluded ?? []).map((entry) => ({status: entry.status, ...(entry.file ? {file: entry.file} : {}), ...(entry.error ? {error: entry.error} : {})}));
		await writeSavedPlan(resolve(file), {created, environment: plan.environment, dashboard: this.environment(plan.environment).dashboard, plan, excluded});
		return file;
	}

	baseVersion(environment: string, comparison: Comparison): Promise<BaseVersion> {
		return baseVersion(this.context, environment, comparison);
	}

	operations(environment: string): Promise<readonly OperationEntry[]> {
		return environmentOperations(this.context, environment);
	}

	close(): Promise<void> {
		return this.context.close();
	}
}
