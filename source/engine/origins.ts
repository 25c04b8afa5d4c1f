import {itemHash} from '../core/content-hash.js';
import {itemKey, type Item} from '../core/item.js';
import {classifyOrigin, hasOrigin, minuteText} from '../core/origin.js';
import type {OperationResult, Plan, PlanStep, StepOverwrite} from '../core/plan.js';
import type {Comparison} from '../core/status.js';
import {errorMessage} from '../core/errors.js';
import {keepDetail} from '../core/pair-detail.js';
import type {BaseRecord} from '../sources/base/records.js';
import {mergeEntries} from '../sources/base/records.js';
import {readStateBase, writeStateBase} from '../sources/base/state-file.js';
import {fetchNotes, readNotesBase, remoteOf, writeNote, pushNotes} from '../sources/git/notes.js';
import {lastChange} from '../sources/git/last-change.js';
import type {EngineContext} from './context.js';
import type {BaseVersion, EnvironmentView} from './services.js';
import {readGitSide} from './git-side.js';

/** Notes fetched once per engine (one session, one command) and repository: a console refresh does not fetch again. */
const fetched = new WeakMap<EngineContext, Map<string, Promise<void>>>();

function fetchOnce(context: EngineContext, repo: string, branch: string): Promise<void> {
	let byRepo = fetched.get(context);
	if (!byRepo) fetched.set(context, (byRepo = new Map()));
	let pending = byRepo.get(repo);
	if (!pending) {
		// Best effort: an unreachable remote leaves the base this clone already knows.
		pending = remoteOf(repo, branch).then((remote) => (remote ? fetchNotes(repo, remote) : false)).then(() => undefined, () => undefined);
		byRepo.set(repo, pending);
	}
	return pending;
}

/** One environment's base: the state directory's and the Git notes' records, the newest of each item kept. */
export interface EnvironmentBase {
	readonly entries: ReadonlyMap<string, BaseRecord>;
	/** A base source that could not be read, in one sentence naming it (the other source still counts). */
	readonly problem?: string;
}

/**
 * Reads an environment's base from the state directory and from Git notes on its repository (fetching the remote's
 * notes first, once per engine, so a fresh clone in CI knows the base its team recorded).
 */
export async function readBase(context: EngineContext, environment: string): Promise<EnvironmentBase> {
	const git = context.environment(environment).git;
	let problem: string | undefined;
	const state = await readStateBase(context.config.stateDir, environment).catch((error: unknown) => {
		problem = errorMessage(error);
		return new Map<string, BaseRecord>();
	});
	await fetchOnce(context, git.repo, git.branch);
	const notes = await readNotesBase(git.repo, environment).catch(() => new Map<string, BaseRecord>());
	return {entries: mergeEntries(notes, state), ...(problem ? {problem} : {})};
}

function hashOf(item: Item | undefined, context: EngineContext): string | null {
	return item ? itemHash(item, {ignore: context.config.ignore}) : null;
}

/** One row with its origin (and the base it was measured from), from the same items the comparison compared. */
function classifyRow(row: Comparison, base: ReadonlyMap<string, BaseRecord>, context: EngineContext): Comparison {
	if (!hasOrigin(row.status)) return row;
	const record = base.get(row.key);
	const origin = classifyOrigin({base: record?.hash, git: hashOf(row.left, context), live: hashOf(row.right, context)});
	if (!origin) return row;
	const mark = record ? {base: {time: record.time, ...(record.commit ? {commit: record.commit} : {})}} : {};
	return keepDetail(row, {...row, origin, ...mark});
}

/** Whether a view compares an environment's Git side with its own live state: the views that have origins. */
export function hasGitBase(view: EnvironmentView): boolean {
	return (view.left.type === 'git' || view.left.type === 'dir') && view.right.environment === view.name && view.reachability === 'ok' && !view.gitError;
}

/**
 * A Git ↔ live view with the origin of every differing row. A base file that cannot be read becomes a note of the
 * view (naming the file), and its rows are classified from the Git notes alone.
 */
export async function withOrigins(context: EngineContext, view: EnvironmentView): Promise<EnvironmentView> {
	// A view in sync has nothing to explain: no base is read (no notes fetched) for it.
	if (!hasGitBase(view) || !view.comparisons.some((row) => hasOrigin(row.status))) return view;
	const base = await readBase(context, view.name);
	const comparisons = view.comparisons.map((row) => classifyRow(row, base.entries, context));
	return {...view, comparisons, ...(base.problem ? {notes: [...(view.notes ?? []), base.problem]} : {})};
}

/** The commit a write's content corresponds to: a dump's commit, a publish's or a rollback's source commit. */
function writtenCommit(plan: Plan, result: OperationResult): string | undefined {
	if (result.direction === 'dump') {
		// Files written without a commit (--no-commit, a plain directory) match no commit; a dump that wrote nothing
		// left the branch at the commit it was planned on.
		const wrote = result.results.some((step) => step.status === 'applied');
		return result.commit ?? (wrote ? undefined : plan.base?.commit ?? undefined);
	}
	if (plan.source.type !== 'git') return undefined;
	return plan.base?.commit ?? undefined;
}

/**
 * Records the base of every item an apply left equal on both sides (written and verified, or already equal): the
 * hash of what the target holds now, the time, and the commit it matches, in the state directory and, when there
 * is a commit, as a Git note on it; a dump with `push` pushes the notes ref too. Resolves with a problem sentence
 * when a record could not be kept (the write itself stands either way).
 */
export async function recordBase(context: EngineContext, plan: Plan, result: OperationResult, options: {push?: boolean} = {}): Promise<string | undefined> {
	const time = new Date().toISOString();
	const commit = writtenCommit(plan, result);
	const held = new Map(result.target.map((entry) => [entry.key, entry.item]));
	const records = new Map<string, BaseRecord>();
	for (const step of result.results) {
		const good = step.status === 'skipped' || (step.status === 'applied' && step.verified === true);
		if (!good || !held.has(step.key)) continue;
		records.set(step.key, {hash: hashOf(held.get(step.key), context), time, ...(commit ? {commit} : {})});
	}
	if (records.size === 0) return undefined;
	const problems: string[] = [];
	const git = context.environment(plan.environment).git;
	try {
		const note = await writeStateBase(context.config.stateDir, plan.environment, records);
		if (note.keptAs) problems.push(`the damaged base file was kept as ${note.keptAs} and a new one started`);
	} catch (error) {
		problems.push(`the base could not be written to the state directory: ${errorMessage(error)}`);
	}
	if (commit) {
		try {
			await writeNote(git.repo, commit, plan.environment, records);
			if (options.push) await pushNotes(git.repo, 'origin');
		} catch (error) {
			problems.push(`the base note (refs/notes/tyk-console) could not be ${options.push ? 'written and pushed' : 'written'}: ${errorMessage(error)}`);
		}
	}
	return problems.length > 0 ? problems.join('; ') : undefined;
}

/** Which side a plan writes, and so which origins mean it would erase someone's change. */
const erased = {publish: ['live', 'both'], dump: ['git', 'both']} as const;

/** A step's overwrite flag, from the base: a publish erasing a live change, a dump erasing a Git change. */
async function overwriteOf(context: EngineContext, plan: Plan, step: PlanStep, record: BaseRecord | undefined): Promise<StepOverwrite | undefined> {
	if (step.action === 'skip' || !record || (plan.direction !== 'publish' && plan.direction !== 'dump')) return undefined;
	const [git, live] = plan.direction === 'publish' ? [step.after, step.before] : [step.before, step.after];
	const origin = classifyOrigin({base: record.hash, git: hashOf(git, context), live: hashOf(live, context)});
	if (origin === undefined || origin === 'unknown' || !(erased[plan.direction] as readonly string[]).includes(origin)) return undefined;
	const flag: StepOverwrite = {origin, since: record.time};
	const head = plan.base?.commit;
	const file = step.before?.file;
	if (plan.direction !== 'dump' || !head || !file) return flag;
	const dir = context.environment(plan.environment).git.dir;
	const change = await lastChange(context.environment(plan.environment).git.repo, head, dir ? `${dir}/${file}` : file, record.commit).catch(() => undefined);
	return change ? {...flag, commit: change.commit, subject: change.subject} : flag;
}

/**
 * A publish or dump plan with every step that would erase a change made on its target since the base flagged
 * (`overwrites`): the plan says so in red before anything is written. Other plans are returned as they are.
 */
export async function flagOverwrites(context: EngineContext, plan: Plan): Promise<Plan> {
	if (plan.direction !== 'publish' && plan.direction !== 'dump') return plan;
	const base = await readBase(context, plan.environment);
	if (base.entries.size === 0) return plan;
	const steps = await Promise.all(plan.steps.map(async (step) => {
		const overwrites = await overwriteOf(context, plan, step, base.entries.get(step.key));
		return overwrites ? {...step, overwrites} : step;
	}));
	return {...plan, steps};
}

/**
 * One item at its base, for the Diff screen: read from the Git commit its base matches, through the same Git-side
 * reader the comparison uses (so it is rendered for the environment as the comparison's Git side is). A base without
 * a commit (a migration, an undo) has no content to show; nor has an item without a base.
 */
export async function baseVersion(context: EngineContext, environment: string, comparison: Comparison): Promise<BaseVersion> {
	const record = (await readBase(context, environment)).entries.get(comparison.key);
	if (!record) return {label: 'no base', note: 'no base is recorded for this item: no dump, publish, rollback or undo through tyk-console has written it'};
	const when = `base ${minuteText(record.time)}`;
	if (record.hash === null) return {label: `${when} (absent)`};
	if (!record.commit) return {label: when, note: `the base (${minuteText(record.time)}) was written by a migration or an undo: its content is in no Git commit`};
	const label = `${when} · git ${record.commit.slice(0, 7)}`;
	const side = await readGitSide(context.environment(environment).git, record.commit);
	const item = side.set.items.find((candidate) => itemKey(candidate) === comparison.key);
	if (!item) return {label, note: `commit ${record.commit.slice(0, 7)} of the base does not hold this item`};
	return {label, item};
}
