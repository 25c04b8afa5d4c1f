import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import type {Item} from '../../source/core/item.js';
import {startEmulator} from '../../source/emulator/index.js';
import {createDashboardClient, liveItems, loadLive} from '../../source/sources/dashboard/index.js';
import {commitToBranch} from '../../source/sources/git/commit.js';
import {layoutFileChanges, planLayoutWrite} from '../../source/sources/layout/writer.js';

const run = promisify(execFile);

/** What an emulator seeded like the `load` scenario holds, as items in the tyk-sync file shape. */
export interface SeedCounts {
	readonly apis: number;
	readonly policies: number;
	readonly templates: number;
}

/** Every item of a Dashboard, read through the real client, so fixtures have exactly the shapes a dump would write. */
export async function loadItems(url: string, key: string): Promise<Item[]> {
	const client = createDashboardClient({name: 'bench', url, key, concurrency: 8});
	try {
		return liveItems(await loadLive(client));
	} finally {
		client.close();
	}
}

/**
 * Realistic items (half Classic, half OAS, policies, templates) from a short-lived in-process emulator: only used to
 * build fixtures before anything is timed, so its CPU does not matter.
 */
export async function seededItems(counts: SeedCounts): Promise<Item[]> {
	const key = 'bench-fixture';
	const emulator = await startEmulator({secret: key, seed: counts.apis, seedPolicies: counts.policies, seedTemplates: counts.templates});
	try {
		return await loadItems(emulator.url, key);
	} finally {
		await emulator.close();
	}
}

/** A temporary bare repository; `remove` deletes it (call it in a finally). */
export interface TempRepo {
	readonly repo: string;
	remove(): Promise<void>;
}

/** An empty bare repository in a temp directory: commits go through a temporary index, no work tree is written. */
export async function createBareRepo(): Promise<TempRepo> {
	const repo = await mkdtemp(join(tmpdir(), 'tyk-console-bench-'));
	const remove = () => rm(repo, {recursive: true, force: true});
	try {
		await run('git', ['init', '--quiet', '--bare', repo]);
	} catch (error) {
		await remove();
		throw error;
	}
	return {repo, remove};
}

/**
 * Writes `items` as a tyk-sync layout at the root of `branch` with the real writer and committer (the same code as a
 * dump), so the reader is measured on files tyk-console itself produces. Returns the new commit.
 */
export async function commitLayout(repo: string, branch: string, items: readonly Item[]): Promise<string> {
	const plan = planLayoutWrite(undefined, items);
	const result = await commitToBranch({repo, branch, dir: '', files: layoutFileChanges(plan), message: `bench: ${items.length} items`});
	if (!result.commit) throw new Error(`bench: committing the layout to ${branch} made no commit`);
	return result.commit;
}
