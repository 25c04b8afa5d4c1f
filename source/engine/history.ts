import type {Kind} from '../core/item.js';
import {comparePair} from '../core/compare.js';
import {defaultFileName} from '../sources/layout/file-names.js';
import {itemHistory} from '../sources/git/history.js';
import {snapshotsFor} from '../sources/journal.js';
import type {Comparison} from '../core/status.js';
import type {EngineContext} from './context.js';
import {isGitRepository, readGitSide} from './git-side.js';
import type {ItemHistory, VersionRef} from './services.js';
import {makePlan} from './plans.js';

function joinPath(dir: string, file: string): string {
	return dir === '' ? file : `${dir}/${file}`;
}

/**
 * Git revisions (commits on the branch that touched the item's file) and journal snapshots of one item, newest first.
 * The file is found through `.tyk.json` at the branch; an item no longer listed falls back to tyk-sync's file name.
 */
export async function history(context: EngineContext, environment: string, kind: Kind, id: string): Promise<ItemHistory & {file?: string}> {
	const git = context.environment(environment).git;
	const snapshots = (await snapshotsFor(context.config.stateDir, environment, kind, id)).map((snapshot) => ({
		id: snapshot.id, time: snapshot.time, operation: snapshot.operation, action: snapshot.action,
	}));
	if (!(await isGitRepository(git.repo))) return {revisions: [], snapshots};
	const side = await readGitSide(git);
	const item = side.set.items.find((candidate) => candidate.kind === kind && candidate.id === id);
	const candidates = item?.file ? [item.file] : [defaultFileName({kind, id, flavor: 'classic'}), defaultFileName({kind, id, flavor: 'oas'})];
	const revisions = [];
	for (const file of candidates) {
		revisions.push(...(await itemHistory({repo: git.repo, ref: side.commit ?? git.branch, path: joinPath(git.dir, file)})));
	}
	revisions.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	return {revisions, snapshots, file: item?.file ?? candidates[0]};
}

/**
 * The item at a version (left) next to live (right), for the history screen's diff: the rollback plan already read
 * the live item (the lists plus that one item), so nothing is read twice.
 */
export async function versionComparison(context: EngineContext, environment: string, kind: Kind, id: string, version: VersionRef): Promise<Comparison> {
	const {plan} = await makePlan(context, {type: 'rollback', environment, kind, id, version});
	const step = plan.steps[0];
	if (!step?.after && !step?.before) throw new Error(`${kind} ${id} exists neither at that version nor live`);
	return comparePair(step.after, step.before, {ignore: context.config.ignore});
}
