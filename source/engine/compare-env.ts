import {type ItemSet, type Kind} from '../core/item.js';
import {compareSetsCounted, countStatuses, hiddenCounts} from '../core/compare.js';
import type {SideRef} from '../core/plan.js';
import type {EngineContext} from './context.js';
import {hasNoCommits, readGitSide} from './git-side.js';
import {errorMessage, reachabilityOf, readLiveSide} from './live-side.js';
import type {EnvironmentView, Reachability} from './services.js';

/** What to compare the environment's live state with: its Git source (at a ref) or another environment's live state. */
export interface CompareSpec {
	readonly ref?: string;
	readonly against?: string;
}

const emptySet: ItemSet = {items: [], invalid: [], conflicts: []};

function countKinds(set: ItemSet): Record<Kind, number> {
	const counts: Record<Kind, number> = {api: 0, policy: 0, template: 0};
	for (const item of set.items) counts[item.kind]++;
	return counts;
}

interface SideRead {
	readonly set: ItemSet;
	readonly side: SideRef;
	readonly commit?: string;
	readonly error?: unknown;
}

async function readLeft(context: EngineContext, name: string, spec: CompareSpec): Promise<SideRead> {
	if (spec.against) {
		const other = spec.against;
		const set = await readLiveSide(await context.client(other));
		return {set, side: {type: 'live', label: `live ${other}`, environment: other}};
	}
	const git = context.environment(name).git;
	try {
		const read = await readGitSide(git, spec.ref);
		return {set: read.set, side: read.side, commit: read.commit};
	} catch (error) {
		// A repository without commits reads as an empty layout (everything is only live: dump to start), so a new
		// user's first `envs` or `diff` shows drift instead of "unknown ref". An explicit --ref still has to exist.
		if (spec.ref === undefined && (await hasNoCommits(git.repo).catch(() => false))) {
			return {set: emptySet, side: {type: 'git', label: `git ${git.branch} (no commits yet)`}};
		}
		throw error;
	}
}

/**
 * Loads both sides of one environment and compares them. Never rejects for an unreachable Dashboard or a bad ref:
 * the failure is reported in the view (reachability / gitError), so one broken environment never hides the others.
 */
export async function compareEnvironment(context: EngineContext, name: string, spec: CompareSpec = {}): Promise<EnvironmentView> {
	const environment = context.environment(name);
	const right: SideRef = {type: 'live', label: `live ${name}`, environment: name};
	const [leftRead, liveRead] = await Promise.all([
		readLeft(context, name, spec).then(
			(read) => read,
			(error: unknown): SideRead => ({set: emptySet, side: {type: spec.against ? 'live' : 'git', label: spec.against ? `live ${spec.against}` : `git ${spec.ref ?? environment.git.branch}`}, error}),
		),
		context.client(name).then(readLiveSide).then(
			(set) => ({set, error: undefined as unknown}),
			(error: unknown) => ({set: emptySet, error}),
		),
	]);
	const reachability: Reachability = liveRead.error === undefined ? 'ok' : reachabilityOf(liveRead.error);
	// One normalisation per item serves both the comparison and the hidden-field counts.
	const ignore = {ignore: context.config.ignore};
	const {comparisons, hidden} = liveRead.error === undefined && leftRead.error === undefined
		? compareSetsCounted(leftRead.set, liveRead.set, ignore)
		: {comparisons: [], hidden: hiddenCounts([leftRead.set, liveRead.set], ignore)};
	return {
		name,
		reachability,
		reason: liveRead.error === undefined ? undefined : errorMessage(liveRead.error),
		gitError: leftRead.error === undefined ? undefined : errorMessage(leftRead.error),
		left: leftRead.side,
		right,
		commit: leftRead.commit?.slice(0, 7),
		fullCommit: leftRead.commit,
		counts: countKinds(liveRead.set),
		drift: countStatuses(comparisons),
		comparisons,
		hidden,
	};
}
