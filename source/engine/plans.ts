import {itemKey, makeItem, type Item, type ItemSet, type Kind} from '../core/item.js';
import {compareSets} from '../core/compare.js';
import type {SideRef} from '../core/plan.js';
import {buildPlan, type PlanBuild} from '../core/planning.js';
import {readLayoutAtRevision} from '../sources/git/history.js';
import {getOperation, getSnapshot, listOperations} from '../sources/journal/reader.js';
import type {EngineContext} from './context.js';
import {editedSinceNotes} from './edited-since.js';
import {gitLabel, readGitSide} from './git-side.js';
import {readLiveSide} from './live-side.js';
import type {VersionRef} from './services.js';

/** What a command or the console selects: explicit comparison keys, or filters. */
export interface Selection {
	readonly keys?: readonly string[];
	readonly ids?: readonly string[];
	readonly kind?: Kind;
	readonly category?: string;
}

/**
 * The comparison keys a selection names. An `--id` that matches nothing on either side is an error, not an empty
 * plan: a typo must not look like "already up to date".
 */
function selectKeys(sets: readonly ItemSet[], selection: Selection, where = 'the source or live'): Set<string> | undefined {
	if (selection.keys) return new Set(selection.keys);
	if (!selection.ids?.length && !selection.kind && !selection.category) return undefined;
	const unknown = (selection.ids ?? []).filter((id) => !sets.some((set) => set.items.some((item) => item.id === id)));
	if (unknown.length > 0) throw new Error(`no item with ID ${unknown.map((id) => `"${id}"`).join(', ')} in ${where}; check the ID (tyk-console diff lists them)`);
	const keys = new Set<string>();
	for (const set of sets) {
		for (const item of set.items) {
			if (selection.ids?.length && !selection.ids.includes(item.id)) continue;
			if (selection.kind && item.kind !== selection.kind) continue;
			if (selection.category && !item.categories.includes(selection.category)) continue;
			keys.add(itemKey(item));
		}
	}
	return keys;
}

/**
 * A source file that cannot be read far enough to know its item's ID hides which items the source lacks: the live item
 * behind it would look absent and `--prune` would delete it. Refuse instead of guessing. (Conflicts and invalid files
 * whose ID is known are paired with their live item and left out of the plan, so they are safe.)
 */
function refuseBlindPrune(set: ItemSet, side: SideRef): void {
	const files = set.invalid.filter((entry) => !(entry.kind && entry.id)).map((entry) => entry.file);
	if (files.length === 0) return;
	const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
	throw new Error(`--prune refused: ${side.label} has ${files.length} unreadable file(s) (${shown}), so what it lacks is unknown; fix them, or publish without --prune`);
}

const liveRef = (environment: string): SideRef => ({type: 'live', label: `live ${environment}`, environment});

/** Git (at the branch or `ref`) or another environment's live state → this environment's live state. */
export async function planPublish(
	context: EngineContext, environment: string, selection: Selection, options: {ref?: string; fromEnvironment?: string; prune?: boolean} = {},
): Promise<PlanBuild> {
	// Both sides load together; Promise.all also keeps a failing side from becoming an unhandled rejection (a crash).
	const from = options.fromEnvironment;
	const sourceRead: Promise<{set: ItemSet; side: SideRef; empty?: boolean}> = from
		? context.client(from).then(readLiveSide).then((set) => ({set, side: liveRef(from)}))
		: readGitSide(context.environment(environment).git, options.ref).then((git) => ({set: git.set, side: git.side, empty: git.empty}));
	const [target, source] = await Promise.all([context.client(environment).then(readLiveSide), sourceRead]);
	if (options.prune && source.empty) {
		const git = context.environment(environment).git;
		throw new Error(`--prune refused: there is no .tyk.json in ${git.repo}${git.dir ? ` under ${git.dir}` : ''} at ${options.ref ?? git.branch}, so every live item would be deleted; check the branch and dir (or --ref/--dir)`);
	}
	if (options.prune) refuseBlindPrune(source.set, source.side);
	const comparisons = compareSets(source.set, target, {ignore: context.config.ignore});
	return buildPlan(comparisons, {
		direction: options.fromEnvironment ? 'migrate' : 'publish', environment, source: source.side, target: liveRef(environment),
		keys: selectKeys([source.set, target], selection, `${source.side.label} or live ${environment}`), prune: options.prune,
	});
}

/** This environment's live state → its Git source; with no selection, every live item; `prune` removes Git items no longer live. */
export async function planDump(context: EngineContext, environment: string, selection: Selection, options: {prune?: boolean} = {}): Promise<PlanBuild & {git: Awaited<ReturnType<typeof readGitSide>>}> {
	const config = context.environment(environment);
	const [live, git] = await Promise.all([
		context.client(environment).then(readLiveSide),
		readGitSide(config.git, undefined, {allowMissingBranch: true}),
	]);
	const comparisons = compareSets(live, git.set, {ignore: context.config.ignore});
	const build = buildPlan(comparisons, {
		direction: 'dump', environment, source: liveRef(environment), target: git.side, keys: selectKeys([live, git.set], selection),
		prune: options.prune,
	});
	return {...build, git};
}

async function versionItem(context: EngineContext, environment: string, kind: Kind, id: string, version: VersionRef): Promise<{item?: Item; side: SideRef}> {
	if (version.type === 'git') {
		const git = context.environment(environment).git;
		const set = await readLayoutAtRevision(git.repo, version.commit, git.dir);
		const item = set.items.find((candidate) => candidate.kind === kind && candidate.id === id);
		if (!item) throw new Error(`${kind} ${id} is not in the layout at revision ${version.commit.slice(0, 7)}`);
		const named = set.commit.startsWith(version.commit) ? `git ${set.commit.slice(0, 7)}` : gitLabel(version.commit, set.commit);
		return {item, side: {type: 'git', label: named}};
	}
	const snapshot = await getSnapshot(context.config.stateDir, version.id);
	if (!snapshot || snapshot.environment !== environment) throw new Error(`unknown snapshot "${version.id}" for environment ${environment}; see \`tyk-console history ${environment} --id ${id}\``);
	if (snapshot.kind !== kind || snapshot.itemId !== id) throw new Error(`snapshot "${version.id}" holds ${snapshot.kind} ${snapshot.itemId}, not ${kind} ${id}`);
	return {item: snapshot.body ? makeItem(kind, snapshot.body) : undefined, side: {type: 'snapshot', label: `snapshot ${version.id}`}};
}

/** One earlier version of one item → live. A snapshot of "did not exist" plans a delete. */
export async function planRollback(context: EngineContext, environment: string, kind: Kind, id: string, version: VersionRef): Promise<PlanBuild> {
	const [{item, side}, live] = await Promise.all([
		versionItem(context, environment, kind, id, version),
		context.client(environment).then(readLiveSide),
	]);
	const source: ItemSet = {items: item ? [item] : [], invalid: [], conflicts: []};
	const comparisons = compareSets(source, live, {ignore: context.config.ignore});
	return buildPlan(comparisons, {direction: 'rollback', environment, source: side, target: liveRef(environment), keys: new Set([`${kind}:${id}`]), prune: true});
}

/** The pre-images of an operation → live: every item it wrote goes back to how it was (created ones are deleted). */
export async function planUndo(context: EngineContext, environment: string, operation?: string): Promise<PlanBuild & {operation: string}> {
	// By default the last write to the Dashboard: a dump since then only wrote Git and must not block the undo.
	const record = operation
		? await getOperation(context.config.stateDir, operation)
		: (await listOperations(context.config.stateDir, environment)).find((candidate) => candidate.action !== 'dump');
	if (!record) {
		throw new Error(operation ? `unknown operation "${operation}"` : `no Dashboard write to undo on ${environment}: the journal in ${context.config.stateDir} has none (dumps to Git are undone with git revert)`);
	}
	if (record.environment !== environment) throw new Error(`operation ${record.id} ran on ${record.environment}, not ${environment}`);
	if (record.action === 'dump') throw new Error(`operation ${record.id} was a dump to Git; undo it with git (git revert) instead`);
	const items = record.preImages.filter((pre) => pre.body !== null).map((pre) => makeItem(pre.kind, pre.body!));
	const client = await context.client(environment);
	const live = await readLiveSide(client);
	const comparisons = compareSets({items, invalid: [], conflicts: []}, live, {ignore: context.config.ignore});
	const keys = new Set(record.preImages.map((pre) => `${pre.kind}:${pre.id}`));
	const build = buildPlan(comparisons, {
		direction: 'undo', environment, source: {type: 'snapshot', label: `before ${record.id}`}, target: liveRef(environment), keys, prune: true,
	});
	const notes = [...(build.plan.notes ?? []), ...await editedSinceNotes(client, context.config.stateDir, record.id, build.plan.steps)];
	return {...build, plan: {...build.plan, ...(notes.length > 0 ? {notes} : {})}, operation: record.id};
}
