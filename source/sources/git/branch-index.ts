import {indexPath} from '../layout/file-store.js';
import {CatFileBatch} from './cat-file.js';
import {branchRef, readRef} from './repo.js';

/** Where a dump starts from: the branch head and its `.tyk.json` text, read from one commit. */
export interface BranchIndex {
	/** Full ref name (`refs/heads/...`). */
	readonly branch: string;
	/** Head commit, or null when the branch does not exist yet; pass it as `base` to `commitToBranch`. */
	readonly base: string | null;
	/** `.tyk.json` at that commit, or undefined when there is none (new branch, empty layout). */
	readonly indexText: string | undefined;
}

/**
 * Reads what `planLayoutWrite` needs (the current index text) together with the commit it came from, so the later
 * commit can detect that the branch moved in between. A missing branch or index is a normal start, not an error.
 */
export async function readBranchIndex(options: {repo: string; branch: string; dir: string}): Promise<BranchIndex> {
	const branch = await branchRef(options.repo, options.branch);
	const base = (await readRef(options.repo, branch)) ?? null;
	if (base === null) return {branch, base, indexText: undefined};
	const batch = new CatFileBatch(options.repo);
	try {
		const raw = await batch.read(`${base}:${indexPath(options.dir)}`);
		return {branch, base, indexText: raw?.toString('utf8')};
	} finally {
		await batch.close();
	}
}
