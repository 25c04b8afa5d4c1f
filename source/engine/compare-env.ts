import {itemKey, type InvalidEntry, type ItemSet} from '../core/item.js';
import {compareSetsCounted, countStatuses, hiddenCounts, type CompareOptions} from '../core/compare.js';
import type {SideRef} from '../core/plan.js';
import {isSelected, unknownIds, unknownIdsError, type Selectable, type Selection} from '../core/selection.js';
import type {EngineContext} from './context.js';
import {hasNoCommits, readGitSide} from './git-side.js';
import {errorMessage} from '../core/errors.js';
import {itemSelectable, listLiveSide, reachabilityOf, type KindCounts, type LiveListing} from './live-side.js';
import type {EnvironmentView, Reachability} from './services.js';
import {adoptLiveSecrets, migrationGit, migrationSet, viewOverlay, type ViewOverlay} from './overlays.js';
import type {GitSide} from './git-side.js';
import {rememberTarget} from './target-index.js';

/** What to compare the environment's live state with, and how much of it to read. */
export interface CompareSpec {
	/** Compare Git at this ref instead of the configured branch. */
	readonly ref?: string;
	/** Compare with this environment's live state instead of Git. */
	readonly against?: string;
	/** Read and compare only these items (the lists are still read whole, so counts stay true). */
	readonly selection?: Selection;
	readonly signal?: AbortSignal;
	/** A branch that does not exist yet reads as an empty layout (a dump creates it). */
	readonly allowMissingBranch?: boolean;
}

const emptySet: ItemSet = {items: [], invalid: [], conflicts: []};
const noCounts: KindCounts = {api: 0, policy: 0, template: 0};

/** One side before the selection is resolved: a Git set read whole, or a live listing not yet read in full. */
type Side =
	| {
		readonly type: 'set'; readonly set: ItemSet; readonly side: SideRef; readonly commit?: string; readonly entries: readonly Selectable[];
		readonly empty?: boolean;
		/** The read, for its environment's overlay. */
		readonly git?: GitSide;
	}
	| {readonly type: 'listing'; readonly listing: LiveListing; readonly side: SideRef; readonly entries: readonly Selectable[]}
	| {readonly type: 'failed'; readonly error: unknown; readonly side: SideRef; readonly entries: readonly Selectable[]};

function invalidSelectable(invalid: InvalidEntry): Selectable {
	const key = invalid.kind && invalid.id ? itemKey({kind: invalid.kind, id: invalid.id}) : `invalid:${invalid.file}`;
	return {key, kind: invalid.kind, id: invalid.id, name: invalid.file, categories: [], file: invalid.file};
}

/** Selectable descriptions of every entry of a set, unreadable files and conflicting IDs included. */
function setEntries(set: ItemSet): Selectable[] {
	return [
		...set.items.map(itemSelectable),
		...set.invalid.map(invalidSelectable),
		...set.conflicts.map((conflict): Selectable => ({key: itemKey(conflict), kind: conflict.kind, id: conflict.id, name: conflict.id, categories: []})),
	];
}

/** Files whose item is unknown, over a whole source: they hide what it lacks, which `--prune` must know. */
export function unreadableFiles(set: ItemSet): string[] {
	return set.invalid.filter((entry) => !(entry.kind && entry.id)).map((entry) => entry.file);
}

/** A set narrowed to the selected keys (unreadable files are kept when they are selected themselves). */
function narrow(set: ItemSet, keys: ReadonlySet<string> | undefined): ItemSet {
	if (!keys) return set;
	return {
		items: set.items.filter((item) => keys.has(itemKey(item))),
		invalid: set.invalid.filter((invalid) => keys.has(invalidSelectable(invalid).key!)),
		conflicts: set.conflicts.filter((conflict) => keys.has(itemKey(conflict))),
	};
}

async function readGitLeft(context: EngineContext, name: string, spec: CompareSpec): Promise<Side> {
	const git = context.environment(name).git;
	try {
		const read = await readGitSide(git, spec.ref, {allowMissingBranch: spec.allowMissingBranch, overlays: [name]});
		let entries: Selectable[] | undefined;
		return {
			type: 'set', set: read.set, side: read.side, commit: read.commit, empty: read.empty, git: read,
			// Only a selection needs them.
			get entries() {
				return (entries ??= setEntries(read.set));
			},
		};
	} catch (error) {
		// A repository without commits reads as an empty layout (everything is only live: dump to start), so a new
		// user's first `envs` or `diff` shows drift instead of "unknown ref". An explicit --ref still has to exist.
		if (spec.ref === undefined && (await hasNoCommits(git.repo).catch(() => false))) {
			return {type: 'set', set: emptySet, side: {type: 'git', label: `git ${git.branch} (no commits yet)`}, entries: [], empty: true};
		}
		return {type: 'failed', error, side: {type: 'git', label: `git ${spec.ref ?? git.branch}`}, entries: []};
	}
}

async function listLive(context: EngineContext, name: string, signal?: AbortSignal): Promise<Side> {
	const side: SideRef = {type: 'live', label: `live ${name}`, environment: name};
	try {
		const listing = await listLiveSide(await context.client(name), signal);
		return {
			type: 'listing', listing, side,
			get entries() {
				return listing.entries;
			},
		};
	} catch (error) {
		return {type: 'failed', error, side, entries: []};
	}
}

async function readSide(side: Side, keys: ReadonlySet<string> | undefined): Promise<{set: ItemSet; error?: unknown}> {
	if (side.type === 'failed') return {set: emptySet, error: side.error};
	if (side.type === 'set') return {set: narrow(side.set, keys)};
	try {
		return {set: await side.listing.read(keys)};
	} catch (error) {
		return {set: emptySet, error};
	}
}

/**
 * Loads both sides of one environment and compares them. Never rejects for an unreachable Dashboard or a bad ref:
 * the failure is reported in the view (reachability / gitError), so one broken environment never hides the others.
 * With a selection, the lists of both sides resolve it first and only the selected items are read in full and
 * compared (an unknown `--id` rejects); the counts still cover the whole Dashboard.
 */
export async function compareEnvironment(context: EngineContext, name: string, spec: CompareSpec = {}): Promise<EnvironmentView> {
	const {selection, signal} = spec;
	const [left, right] = await Promise.all([
		spec.against === undefined ? readGitLeft(context, name, spec) : listLive(context, spec.against, signal),
		listLive(context, name, signal),
	]);
	let keys: Set<string> | undefined;
	if (selection) {
		const entries = [...left.entries, ...right.entries];
		const unknown = left.type === 'failed' || right.type === 'failed' ? [] : unknownIds(entries, selection);
		if (unknown.length > 0) throw unknownIdsError(unknown, `${left.side.label} or ${right.side.label}`, `run \`tyk-console diff ${name}\` to list them`);
		keys = new Set(entries.filter((entry) => isSelected(entry, selection)).map((entry) => entry.key!));
	}
	const [read, liveRead] = await Promise.all([readSide(left, keys), readSide(right, keys)]);
	signal?.throwIfAborted();
	const {leftRead, overlay} = await overlaid(context, name, spec, left, read, liveRead.set);
	const unreadable = left.type === 'set' ? unreadableFiles(left.set) : [];
	const reachability: Reachability = liveRead.error === undefined ? 'ok' : reachabilityOf(liveRead.error);
	const ignore = {ignore: context.config.ignore};
	const {comparisons, hidden} = liveRead.error === undefined && leftRead.error === undefined
		? compareSetsCounted(leftRead.set, liveRead.set, ignore)
		: {comparisons: [], hidden: hiddenCounts([leftRead.set, liveRead.set], ignore)};
	const partial = partialSide(leftRead, liveRead, ignore);
	const view: EnvironmentView = {
		name,
		reachability,
		reason: liveRead.error === undefined ? undefined : errorMessage(liveRead.error),
		gitError: leftRead.error === undefined ? undefined : errorMessage(leftRead.error),
		left: left.side,
		right: right.side,
		commit: left.type === 'set' ? left.commit?.slice(0, 7) : undefined,
		fullCommit: left.type === 'set' ? left.commit : undefined,
		counts: right.type === 'listing' ? right.listing.counts : noCounts,
		drift: countStatuses(comparisons),
		comparisons,
		hidden,
		...(selection ? {selection} : {}),
		...(left.type === 'set' && left.empty ? {sourceEmpty: true} : {}),
		...(unreadable.length > 0 ? {unreadable} : {}),
		...(partial ? {partial} : {}),
		...(left.type === 'set' && left.set.notes ? {notes: left.set.notes} : {}),
		...(overlay ? {overlay} : {}),
	};
	// A selection view holds a few live items; the checks before writing need the whole target, which the lists know.
	if (selection && right.type === 'listing') rememberTarget(view, right.listing.targetIndex);
	return view;
}

/**
 * The side that was read when the other one failed, alone (its rows paired with nothing), so a view whose Dashboard
 * is down still shows its Git items, and one whose Git ref is unknown still shows what is live; undefined when both
 * or neither side could be read.
 */
function partialSide(left: {set: ItemSet; error?: unknown}, right: {set: ItemSet; error?: unknown}, options: CompareOptions): EnvironmentView['partial'] {
	if ((left.error === undefined) === (right.error === undefined)) return undefined;
	const side = left.error === undefined ? 'left' : 'right';
	const rows = side === 'left' ? compareSetsCounted(left.set, emptySet, options) : compareSetsCounted(emptySet, right.set, options);
	return {side, rows: rows.comparisons};
}

/**
 * The source side as environment `name` should hold it: Git rendered with `name`'s overlay (done by the read), or for
 * a migration another environment's live items with that one's overlay taken off and `name`'s applied. Secret fields
 * take `name`'s live values, so they are not compared. A bad overlay is the source side's error.
 */
async function overlaid(context: EngineContext, name: string, spec: CompareSpec, left: Side, read: {set: ItemSet; error?: unknown}, live: ItemSet): Promise<{leftRead: {set: ItemSet; error?: unknown}; overlay?: ViewOverlay}> {
	if (read.error !== undefined) return {leftRead: read};
	if (spec.against === undefined) {
		const git = left.type === 'set' ? left.git : undefined;
		const own = git?.overlays?.get(name);
		if (!own) return {leftRead: read};
		return {leftRead: {set: adoptLiveSecrets(read.set, live, own)}, overlay: viewOverlay(name, git?.overlayFields, [], own)};
	}
	try {
		const git = await migrationGit(context, name, spec.against, spec.ref);
		if (!git) return {leftRead: read};
		const migrated = migrationSet(read.set, git, spec.against, name);
		return {leftRead: {set: adoptLiveSecrets(migrated.set, live, git.overlays?.get(name))}, overlay: migrated.overlay};
	} catch (error) {
		return {leftRead: {set: emptySet, error}};
	}
}
