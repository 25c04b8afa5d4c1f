import type {GitConfig} from '../config/types.js';
import {bareWrapNote} from '../sources/layout/writer.js';
import {wrapperOnlyFields} from '../sources/layout/write-body.js';
import {itemKey, makeItem, type Item, type ItemSet, type Kind} from '../core/item.js';
import {compareSets} from '../core/compare.js';
import type {BlockedStep, Plan, PlanStep, SideRef} from '../core/plan.js';
import {buildPlan, type PlanBuild} from '../core/planning.js';
import {checkPlan, missingDependencies, type CheckOptions, type TargetIndex} from '../core/checks.js';
import type {Selection} from '../core/selection.js';
import {isSelected, selectsAll} from '../core/selection.js';
import type {Comparison} from '../core/status.js';
import {getOperation, getSnapshot, interruptedOperation, listOperations, type OperationRecord} from '../sources/journal.js';
import {compareEnvironment} from './compare-env.js';
import type {EngineContext} from './context.js';
import {editedSinceNotes} from './edited-since.js';
import {gitLabel, readGitSide} from './git-side.js';
import type {Overlay} from '../core/overlay.js';
import {listLiveSide} from './live-side.js';
import {targetIndex} from './target-index.js';
import {contentHash} from './verify.js';
import {adoptLiveSecrets, dumpNotes, planSecrets, secretCommandNotes, withStepOverlays} from './overlays.js';
import type {EnvironmentView, VersionRef} from './services.js';

export type {Selection} from '../core/selection.js';
export type {OperationRecord} from '../sources/journal.js';

/**
 * Everything a plan can be asked for, by the commands and the console alike. `view` is the comparison the caller
 * already holds (the console's Items screen): the plan is made from it without reading anything again, and the
 * apply re-reads each item before writing it, so a plan made from an older view is still never applied blindly.
 */
export type PlanRequest =
	| {
		readonly type: 'publish'; readonly environment: string; readonly selection?: Selection; readonly view?: EnvironmentView;
		readonly ref?: string; readonly fromEnvironment?: string; readonly prune?: boolean;
		/** Add the APIs the selected policies grant that the target lacks, from the same source (`--with-dependencies`). */
		readonly withDependencies?: boolean;
	}
	| {readonly type: 'dump'; readonly environment: string; readonly selection?: Selection; readonly view?: EnvironmentView; readonly prune?: boolean}
	| {readonly type: 'rollback'; readonly environment: string; readonly kind: Kind; readonly id: string; readonly version: VersionRef}
	| {readonly type: 'undo'; readonly environment: string; readonly operation?: string};

/** A plan with what could not be planned, and for an undo the operation it undoes. */
export interface PlanResult extends PlanBuild {
	readonly operation?: string;
	/**
	 * For a plain undo whose last operation was interrupted: that operation. Either it is the one undone (a publish,
	 * rollback... cut short: its pre-images are restored), or an undo cut short, which this plan finishes by undoing
	 * its `undoes` again (never by undoing the undo, which would re-apply what it had already restored).
	 */
	readonly interrupted?: {readonly operation: string; readonly action: OperationRecord['action']; readonly undoes?: string};
}

/** The source label of an undo plan, and the operation an undo plan restores (what its journal start record names). */
const undoLabel = (operation: string): string => `before ${operation}`;

/** The operation whose pre-images an undo plan restores; undefined for other plans. */
export function undoneBy(plan: Plan): string | undefined {
	if (plan.direction !== 'undo' || plan.source.type !== 'snapshot') return undefined;
	return /^before (\S+)$/.exec(plan.source.label)?.[1];
}

/** The newest Dashboard write on an environment when it was interrupted (no finish record, its process gone). */
export function lastInterrupted(context: EngineContext, environment: string): Promise<OperationRecord | undefined> {
	return interruptedOperation(context.config.stateDir, environment);
}

const liveRef = (environment: string): SideRef => ({type: 'live', label: `live ${environment}`, environment});

/**
 * Whether a held view is the comparison this request needs: the environment's live state on the right, and on the
 * left its Git source (or, for a migration, the source environment's live state). Anything else is read afresh.
 */
function viewFits(view: EnvironmentView, environment: string, fromEnvironment?: string): boolean {
	if (view.name !== environment || view.right.environment !== environment) return false;
	return fromEnvironment === undefined ? view.left.type !== 'live' : view.left.type === 'live' && view.left.environment === fromEnvironment;
}

/** A view's failure as the error a plan must stop on: never plan from half of a comparison. */
function requireReadable(view: EnvironmentView): void {
	if (view.reachability !== 'ok') throw new Error(view.reason ?? `live ${view.name} could not be read`);
	if (view.gitError) throw new Error(view.gitError);
}

/**
 * A source file that cannot be read far enough to know its item's ID hides which items the source lacks: the live item
 * behind it would look absent and `--prune` would delete it. Refuse instead of guessing. (Conflicts and invalid files
 * whose ID is known are paired with their live item and left out of the plan, so they are safe.)
 */
function refuseBlindPrune(view: EnvironmentView, git: GitConfig, ref?: string): void {
	if (view.sourceEmpty) {
		throw new Error(`--prune refused: there is no .tyk.json in ${git.repo}${git.dir ? ` under ${git.dir}` : ''} at ${ref ?? git.branch}, so every live item would be deleted; check the branch and dir (or --ref/--dir)`);
	}
	const files = view.unreadable ?? [];
	if (files.length === 0) return;
	const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
	throw new Error(`--prune refused: ${view.left.label} has ${files.length} unreadable file(s) (${shown}), so what it lacks is unknown; fix them, or publish without --prune`);
}

/**
 * The comparisons a selection names, and their keys when it names some (so the plan can say which selected items it
 * leaves alone); a view read for the selection holds exactly those already.
 */
function selectedFrom(view: EnvironmentView, selection: Selection | undefined, held: boolean): {comparisons: readonly Comparison[]; keys?: ReadonlySet<string>} {
	if (!selection || selectsAll(selection)) return {comparisons: view.comparisons};
	const comparisons = held ? view.comparisons.filter((comparison) => isSelected(comparison, selection)) : view.comparisons;
	return {comparisons, keys: new Set(comparisons.map((comparison) => comparison.key))};
}

/** Git (at the branch or `ref`) or another environment's live state → this environment's live state. */
async function planPublish(context: EngineContext, request: Extract<PlanRequest, {type: 'publish'}>): Promise<PlanResult> {
	const {environment, fromEnvironment, selection, prune, ref} = request;
	const held = request.view && ref === undefined && viewFits(request.view, environment, fromEnvironment) ? request.view : undefined;
	const read = (wanted?: Selection) => compareEnvironment(context, environment, {ref, against: fromEnvironment, selection: wanted});
	const view = held ?? await read(selection);
	requireReadable(view);
	if (prune) refuseBlindPrune(view, context.environment(environment).git, ref);
	const build = publishBuild(view, selection, held !== undefined, request);
	const target = await targetIndex(context, environment, view);
	const whole = !selection || selectsAll(selection);
	const missing = request.withDependencies && !whole ? missingDependencies(build.plan, target) : [];
	if (missing.length === 0) return checked(context, build, target, whole ? sourceApis(view) : undefined);
	// The granted APIs join the selection, read from the same source as the rest (the held view, or a read of them).
	const keys = selectedFrom(view, selection, held !== undefined).comparisons.map((row) => row.key);
	const widened: Selection = {keys: [...keys, ...missing.map((id) => itemKey({kind: 'api', id}))]};
	const wider = held ?? await read(widened);
	requireReadable(wider);
	return checked(context, publishBuild(wider, widened, held !== undefined, request), target, sourceApis(wider));
}

function publishBuild(view: EnvironmentView, selection: Selection | undefined, held: boolean, request: Extract<PlanRequest, {type: 'publish'}>): PlanBuild {
	const {comparisons, keys} = selectedFrom(view, selection, held);
	const build = buildPlan(comparisons, {
		direction: request.fromEnvironment ? 'migrate' : 'publish', environment: request.environment, source: view.left, target: liveRef(request.environment),
		sourceSide: 'left', keys, prune: request.prune, base: view.fullCommit === undefined ? undefined : {commit: view.fullCommit},
	});
	return withOverlay(build, view, []);
}

/** Steps with the fields the environment's overlay gave them, and the overlay's notes (a migration's, a dump's). */
function withOverlay(build: PlanBuild, view: EnvironmentView, more: readonly string[]): PlanBuild {
	const notes = [...(build.plan.notes ?? []), ...(view.overlay?.notes ?? []), ...(build.plan.direction === 'dump' ? [] : secretCommandNotes(build.plan.steps, view)), ...more];
	const steps = withStepOverlays(build.plan.steps, view);
	return {...build, plan: {...build.plan, steps, ...(notes.length > 0 ? {notes} : {})}};
}

/** The APIs a view's source side holds (of the items it read), ID → name. */
function sourceApis(view: EnvironmentView): Map<string, string> {
	return new Map(view.comparisons.flatMap((row) => (row.kind === 'api' && row.left ? [[row.left.id, row.left.name] as const] : [])));
}

/** A plan with the steps the checks before writing refuse (none: the plan as it was). */
function checked<T extends PlanBuild>(context: EngineContext, build: T, target: TargetIndex, source?: ReadonlyMap<string, string>): T {
	const blocked = checkPlan(build.plan, target, {...checkOptions(context, build.plan.environment), ...(source ? {sourceApis: source} : {})});
	return blocked.length === 0 ? build : {...build, plan: {...build.plan, blocked}};
}

/** What the target environment's Dashboard allows that changes the checks (its duplicate listen path setting). */
function checkOptions(context: EngineContext, environment: string): CheckOptions {
	return {duplicateListenPaths: context.environment(environment).enableDuplicateSlugs === true};
}

/** A saved plan checked again against its target as it is now (`tyk-console apply` re-checks before writing). */
export async function recheckPlan(context: EngineContext, plan: Plan): Promise<Plan> {
	const {blocked: _before, ...rest} = plan;
	if (plan.direction === 'dump') return rest;
	const again: Plan = checked(context, {plan: rest, excluded: []}, await targetIndex(context, plan.environment)).plan;
	// A saved plan is applied as reviewed: no API can be added to it, so no step offers that way out.
	const blocked = again.blocked?.map(({missingApi: _missing, ...entry}) => entry);
	return withUnsetSecrets(context, blocked ? {...again, blocked} : again);
}

/**
 * The plan with a blocked step for each overlay secret whose environment variable is unset or empty now: found while
 * planning, before anything is written, instead of as a failed step half-way through. Commands are run only when
 * writing (a vault prompt has no place in a plan), so their sources are not checked here.
 */
async function withUnsetSecrets(context: EngineContext, plan: Plan): Promise<Plan> {
	const secrets = await planSecrets(context, plan, {envOnly: true});
	const steps = new Map(plan.steps.map((step) => [step.key, step]));
	const blocked: BlockedStep[] = (secrets?.problems ?? []).flatMap((problem) => {
		const step = steps.get(problem.key);
		return step ? [{key: step.key, kind: step.kind, id: step.id, name: step.name, reason: `overlay secret ${problem.path}: ${problem.reason}`}] : [];
	});
	return blocked.length === 0 ? plan : {...plan, blocked: [...plan.blocked ?? [], ...blocked]};
}

/** This environment's live state → its Git source; with no selection, every live item; `prune` removes Git items no longer live. */
async function planDump(context: EngineContext, request: Extract<PlanRequest, {type: 'dump'}>): Promise<PlanResult> {
	const {environment, selection, prune} = request;
	const held = request.view && viewFits(request.view, environment) ? request.view : undefined;
	const view = held ?? await compareEnvironment(context, environment, {selection, allowMissingBranch: true});
	requireReadable(view);
	// A dump lands on exactly the commit it was planned on (compare-and-swap), or on a branch that must still not exist.
	const base = view.left.type === 'git' ? {commit: view.fullCommit ?? null} : undefined;
	const {comparisons, keys} = selectedFrom(view, selection, held !== undefined);
	const build = buildPlan(comparisons, {direction: 'dump', environment, source: view.right, target: view.left, sourceSide: 'right', keys, prune, base});
	return withOverlay(build, view, [...bareShapeNotes(build.plan.steps), ...await dumpNotes(context, build.plan, view)]);
}

/** A dump keeps a bare file bare; the plan says which ones it must wrap, and why. */
function bareShapeNotes(steps: readonly PlanStep[]): string[] {
	return steps.flatMap((step) => {
		if (step.action !== 'update' || step.before?.shape !== 'bare' || !step.before.file || !step.after) return [];
		const fields = wrapperOnlyFields(step.after.body);
		return fields.length > 0 ? [bareWrapNote(step.after, step.before.file, fields)] : [];
	});
}

async function versionItem(context: EngineContext, environment: string, kind: Kind, id: string, version: VersionRef): Promise<{item?: Item; side: SideRef; overlay?: Overlay}> {
	if (version.type === 'git') {
		const git = context.environment(environment).git;
		// As the environment held it then: the layout at that revision rendered with its overlay at that revision.
		const read = await readGitSide(git, version.commit, {overlays: [environment]});
		const item = read.set.items.find((candidate) => candidate.kind === kind && candidate.id === id);
		if (!item) throw new Error(`${kind} ${id} is not in the layout at revision ${version.commit.slice(0, 7)}`);
		const commit = read.commit ?? version.commit;
		const named = commit.startsWith(version.commit) ? `git ${commit.slice(0, 7)}` : gitLabel(version.commit, commit);
		return {item, side: {type: 'git', label: named}, overlay: read.overlays?.get(environment)};
	}
	const snapshot = await getSnapshot(context.config.stateDir, version.id);
	if (!snapshot || snapshot.environment !== environment) throw new Error(`unknown snapshot "${version.id}" for environment ${environment}; see \`tyk-console history ${environment} --id ${id}\``);
	if (snapshot.kind !== kind || snapshot.itemId !== id) throw new Error(`snapshot "${version.id}" holds ${snapshot.kind} ${snapshot.itemId}, not ${kind} ${id}`);
	return {item: snapshot.body ? makeItem(kind, snapshot.body) : undefined, side: {type: 'snapshot', label: `snapshot ${version.id}`}};
}

/** The live items with these keys (the list requests plus one read per selected Tyk OAS API), and the whole target's index. */
async function readLiveKeys(context: EngineContext, environment: string, keys: ReadonlySet<string>): Promise<{live: ItemSet; target: TargetIndex}> {
	const listing = await listLiveSide(await context.client(environment));
	return {live: await listing.read(keys), target: listing.targetIndex()};
}

/** One earlier version of one item → live. A snapshot of "did not exist" plans a delete. */
async function planRollback(context: EngineContext, request: Extract<PlanRequest, {type: 'rollback'}>): Promise<PlanResult> {
	const {environment, kind, id, version} = request;
	const key = itemKey({kind, id});
	const [{item, side, overlay}, {live, target}] = await Promise.all([
		versionItem(context, environment, kind, id, version),
		readLiveKeys(context, environment, new Set([key])),
	]);
	// An overlay secret is not in Git: a rollback keeps the live value (it rolls back configuration, not credentials).
	const source = adoptLiveSecrets({items: item ? [item] : [], invalid: [], conflicts: []}, live, overlay);
	const comparisons = compareSets(source, live, {ignore: context.config.ignore});
	return checked(context, buildPlan(comparisons, {direction: 'rollback', environment, source: side, target: liveRef(environment), sourceSide: 'left', keys: new Set([key]), prune: true, base: version.type === 'git' ? {commit: version.commit} : undefined}), target);
}

/** The pre-images of an operation → live: every item it wrote goes back to how it was (created ones are deleted). */
async function planUndo(context: EngineContext, request: Extract<PlanRequest, {type: 'undo'}>): Promise<PlanResult> {
	const {environment, operation} = request;
	const {stateDir} = context.config;
	// By default the last write to the Dashboard: a dump since then only wrote Git and must not block the undo.
	let record = operation
		? await getOperation(stateDir, operation)
		: (await listOperations(stateDir, environment)).find((candidate) => candidate.action !== 'dump');
	const interrupted = !operation && record?.interrupted ? record : undefined;
	if (interrupted?.action === 'undo' && interrupted.undoes !== undefined) {
		// An undo cut short is finished, not undone: its target is the original operation's pre-images again.
		record = await getOperation(stateDir, interrupted.undoes);
		if (!record) {
			throw new Error(`operation ${interrupted.id}, an undo of ${interrupted.undoes}, was interrupted, and ${interrupted.undoes} is not in the journal in ${stateDir}, so it cannot be finished; \`undo ${environment} --operation ${interrupted.id}\` puts back what it had restored`);
		}
	}
	if (!record) {
		throw new Error(operation ? `unknown operation "${operation}"` : `no Dashboard write to undo on ${environment}: the journal in ${context.config.stateDir} has none (dumps to Git are undone with git revert)`);
	}
	if (record.environment !== environment) throw new Error(`operation ${record.id} ran on ${record.environment}, not ${environment}`);
	if (record.action === 'dump') throw new Error(`operation ${record.id} was a dump to Git; undo it with git (git revert) instead`);
	const items = record.preImages.filter((pre) => pre.body !== null).map((pre) => makeItem(pre.kind, pre.body!));
	const keys = new Set(record.preImages.map((pre) => `${pre.kind}:${pre.id}`));
	const {live, target} = await readLiveKeys(context, environment, keys);
	const comparisons = compareSets({items, invalid: [], conflicts: []}, live, {ignore: context.config.ignore});
	const build = buildPlan(comparisons, {
		direction: 'undo', environment, source: {type: 'snapshot', label: undoLabel(record.id)}, target: liveRef(environment), sourceSide: 'left', keys, prune: true,
	});
	const client = await context.client(environment);
	const notes = [...interruptedNotes(interrupted, record, environment), ...(build.plan.notes ?? []), ...await editedSinceNotes(client, stateDir, record.id, build.plan.steps)];
	const plan: Plan = {...build.plan, ...(notes.length > 0 ? {notes} : {})};
	const about = interrupted ? {interrupted: {operation: interrupted.id, action: interrupted.action, ...(interrupted.undoes === undefined ? {} : {undoes: interrupted.undoes})}} : {};
	return checked(context, {...build, plan, operation: record.id, ...about}, target);
}

/** What a plain undo says about the interrupted operation it deals with. */
function interruptedNotes(interrupted: OperationRecord | undefined, record: OperationRecord, environment: string): string[] {
	if (!interrupted) {
		// Asked for by ID: done as asked, but an interrupted undo is usually meant to be finished, not undone.
		return record.interrupted && record.action === 'undo' && record.undoes !== undefined
			? [`operation ${record.id} is an interrupted undo of ${record.undoes}: undoing it puts back what it had already restored; \`tyk-console undo ${environment}\` finishes it instead`]
			: [];
	}
	if (interrupted.id !== record.id) {
		return [`operation ${interrupted.id} (an undo of ${record.id}) was interrupted: this plan finishes it, restoring the pre-images of ${record.id}; the items it had already restored are unchanged`];
	}
	return [`operation ${record.id} (${record.action}) was interrupted: it has no finish record; the items it reached are restored`];
}

function planFor(context: EngineContext, request: PlanRequest): Promise<PlanResult> {
	switch (request.type) {
		case 'publish': return planPublish(context, request);
		case 'dump': return planDump(context, request);
		case 'rollback': return planRollback(context, request);
		case 'undo': return planUndo(context, request);
	}
}

/** Builds the plan a request describes, each step with the hash of its target as planned: the one way plans are made. */
export async function makePlan(context: EngineContext, request: PlanRequest): Promise<PlanResult> {
	const built = await planFor(context, request);
	const options = {ignore: context.config.ignore};
	const steps = built.plan.steps.map((step) => ({...step, baseHash: step.before ? contentHash(step.kind, step.before.body, options) : null}));
	return {...built, plan: await withUnsetSecrets(context, {...built.plan, steps})};
}
