import type {GitConfig} from '../config/types.js';
import {itemKey} from '../core/item.js';
import type {GitOutcome, Plan, ProgressEvent, StepResult, TargetItem} from '../core/plan.js';
import {commitToBranch} from '../sources/git/commit.js';
import {runGit} from '../sources/git/run.js';
import {finishOperation, recordAudits, recordResults, startOperation} from '../sources/journal.js';
import {writeLayoutToDirectory} from '../sources/layout/dir-writer.js';
import {layoutFileChanges, planLayoutWrite} from '../sources/layout/writer.js';
import type {EngineContext} from './context.js';
import {isGitRepository, readGitSide, type GitSide} from './git-side.js';
import {errorMessage} from '../core/errors.js';
import {dumpMessage, messageSubject} from '../core/dump-message.js';
import {sameState} from './verify.js';
import {dumpWrite} from './overlays.js';
import {adoptSecrets} from '../core/overlay.js';

/** How a dump lands in Git. */
export interface DumpOptions {
	readonly message?: string;
	/** Write the files into the directory (work tree) without committing. */
	readonly noCommit?: boolean;
	readonly push?: boolean;
}

/** `HEAD` in the config means "the branch that is checked out"; commits need its real name. */
export async function resolveBranch(repo: string, branch: string): Promise<string> {
	if (branch !== 'HEAD') return branch;
	const result = await runGit(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
	const name = result.stdout.toString('utf8').trim();
	if (result.code !== 0 || name === '') {
		throw new Error(`${repo} has a detached HEAD: set git.branch in the config (or --branch) to the branch to dump to`);
	}
	return name;
}

/**
 * The layout the dump was planned on: read again at the plan's base commit (a local read), so a plan stays plain
 * data. A branch that did not exist when planning is still empty; the commit then refuses if it exists by now.
 */
async function plannedSide(git: GitConfig, plan: Plan): Promise<GitSide> {
	const overlays = [plan.environment];
	if (plan.base?.commit) return readGitSide(git, plan.base.commit, {allowMissingBranch: true, overlays});
	if (plan.base) return {set: {items: [], invalid: [], conflicts: []}, side: plan.target, empty: true};
	return readGitSide(git, undefined, {allowMissingBranch: true, overlays});
}

/**
 * Writes the plan's items into the environment's Git source in the tyk-sync layout and commits them to the branch
 * (or writes a plain directory as it is). The result is verified by reading the layout back at the new commit, and
 * says what the layout now holds for each step.
 */
export async function applyToGit(
	context: EngineContext, plan: Plan, options: DumpOptions = {}, onProgress: (event: ProgressEvent) => void = () => {},
): Promise<GitOutcome> {
	const git = context.environment(plan.environment).git;
	const writes = plan.steps.filter((step) => step.action !== 'skip');
	const deletions = plan.steps.filter((step) => step.action === 'delete').map((step) => ({kind: step.kind, id: step.id, file: step.before?.file}));
	const items = writes.filter((step) => step.action !== 'delete').map((step) => step.after!);
	const op = await startOperation(context.config.stateDir, {environment: plan.environment, action: 'dump', source: plan.source.label});
	onProgress({type: 'start', total: plan.steps.length, operation: op.id});
	let commit: string | undefined;
	let subject: string | undefined;
	let pushError: string | undefined;
	let failure: string | undefined;
	let overlay: ReturnType<typeof dumpWrite>['overlay'];
	try {
		if (writes.length > 0) {
			const gitSide = await plannedSide(git, plan);
			// The environment's overlay comes off first: its values stay in its overlay file, hotfixes go into it.
			const dumped = dumpWrite(plan.environment, items, gitSide);
			overlay = dumped.overlay;
			const layout = planLayoutWrite(gitSide.indexText, dumped.items, deletions, (gitSide.base ?? gitSide.set).items);
			const files = layoutFileChanges(layout);
			if (dumped.overlayFile) files.set(dumped.overlayFile.path, dumped.overlayFile.text);
			if (options.noCommit || !(await isGitRepository(git.repo))) {
				await writeLayoutToDirectory(git.repo, git.dir, files, layout.removed);
			} else {
				const branch = await resolveBranch(git.repo, git.branch);
				const message = options.message ?? dumpMessage(plan);
				const committed = await commitToBranch({
					repo: git.repo, branch, dir: git.dir, files, remove: layout.removed, base: plan.base?.commit ?? null,
					message, push: options.push,
				});
				commit = committed.commit;
				subject = messageSubject(message);
				pushError = committed.pushError;
			}
		}
	} catch (error) {
		failure = errorMessage(error);
	}
	const readBack = failure === undefined && writes.length > 0
		? await readGitSide(git, commit, {overlays: [plan.environment]}).catch(() => undefined)
		: undefined;
	const readItems = new Map(readBack?.set.items.map((item) => [itemKey(item), item]));
	const results: StepResult[] = [];
	const target: TargetItem[] = [];
	const uncertain: string[] = [];
	for (const step of plan.steps) {
		const base = {key: step.key, kind: step.kind, flavor: step.flavor, id: step.id, name: step.name, action: step.action};
		let outcome: StepResult;
		// Read back rendered with the environment's overlay; its secrets are not in Git, so they take live's value.
		const read = readItems.get(step.key);
		const found = read && overlay ? adoptSecrets(read, step.after, overlay) : read;
		if (step.action === 'skip') {
			outcome = {...base, status: 'skipped'};
			target.push({key: step.key, ...(step.before ? {item: step.before} : {})});
		} else if (failure !== undefined) {
			outcome = {...base, status: 'failed', error: failure};
			// Nothing was committed: the layout is as planned.
			target.push({key: step.key, ...(step.before ? {item: step.before} : {})});
		} else {
			const verified = sameState(step.kind, found?.body, step.after, {ignore: context.config.ignore});
			outcome = verified ? {...base, status: 'applied', verified: true} : {...base, status: 'failed', error: 'written, but reading the layout back does not show it'};
			if (readBack) target.push({key: step.key, ...(found ? {item: found} : {})});
			else uncertain.push(step.key);
		}
		results.push(outcome);
		onProgress({type: 'step', result: outcome, done: results.length, total: plan.steps.length});
	}
	// The commit is one act, so its records go out together: a few thousand lines per write, not one awaited write
	// per item for the journal and again for the audit log (50,000 of them in a 25,000-item dump).
	await recordResults(op, plan.steps.map((step, index) => {
		const outcome = results[index]!;
		return {kind: step.kind, id: step.id, name: step.name, action: step.action, status: outcome.status, error: outcome.error};
	}));
	await recordAudits(op, plan.steps.flatMap((step, index) => {
		const outcome = results[index]!;
		return step.action === 'skip' ? [] : [{kind: step.kind, id: step.id, action: step.action, result: outcome.status, before: step.before?.body ?? null, after: step.after?.body ?? null, error: outcome.error}];
	}));
	await finishOperation(op, commit ? {commit, subject} : {});
	return {operation: op.id, environment: plan.environment, direction: 'dump', results, target, uncertain, ...(plan.base ? {base: plan.base.commit} : {}), ...(commit ? {commit, subject} : {}), ...(pushError ? {pushError} : {}), ...(overlay ? {overlay: true} : {})};
}
