import type {GitConfig} from '../config/types.js';
import {git} from '../sources/git/run.js';
import {DirectoryStore} from '../sources/layout/dir-store.js';
import {LayoutMissingError} from '../sources/layout/errors.js';
import {posix} from 'node:path';
import {closestKey} from '../config/suggest.js';

const shownDirectories = 8;

/** Every path of the source (a commit's tree, or the plain directory), to look for other indexes in. */
async function allPaths(repo: string, commit: string | undefined): Promise<string[]> {
	if (commit === undefined) return new DirectoryStore(repo).list();
	const output = await git(repo, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]);
	return output.split('\0').filter((path) => path !== '');
}

/** `./` for the root, else the directory as `--dir` takes it. */
function shown(dir: string): string {
	return dir === '.' || dir === '' ? '.' : dir;
}

/**
 * The error for a layout directory without `.tyk.json`: a typo in `--dir` or `git.dir`, the wrong branch, or a folder of
 * bare definitions. Reading it as an empty layout would show every live item as "only live" and invite a publish that
 * deletes nothing but a dump into the wrong place; instead it names where the indexes of that ref are ("did you mean").
 */
export async function missingIndexError(gitConfig: GitConfig, ref: string, commit: string | undefined, path: string): Promise<LayoutMissingError> {
	const where = commit === undefined ? gitConfig.repo : `${gitConfig.repo} at ${ref} (${commit.slice(0, 7)})`;
	const dir = gitConfig.dir === '' ? '.' : gitConfig.dir;
	const paths = await allPaths(gitConfig.repo, commit).catch(() => [] as string[]);
	const indexes = paths.filter((file) => posix.basename(file) === '.tyk.json').map((file) => shown(posix.dirname(file)));
	const lookalikes = paths.filter((file) => /^\.tyk.*\.json$/i.test(posix.basename(file)) && posix.basename(file) !== '.tyk.json');
	let hint: string;
	if (indexes.length > 0) {
		const list = indexes.slice(0, shownDirectories).join(', ') + (indexes.length > shownDirectories ? `, and ${indexes.length - shownDirectories} more` : '');
		// The closest name when the configured one looks like a typo of it; otherwise the only (or first) one.
		const meant = closestKey(dir, indexes) ?? (indexes.length === 1 ? indexes[0] : undefined);
		hint = `directories that hold one: ${list}${meant ? ` (did you mean --dir ${meant}?)` : ''}; set git.dir or --dir`;
	} else if (lookalikes.length > 0) {
		hint = `none holds one, but ${lookalikes.slice(0, 3).join(', ')} ${lookalikes.length === 1 ? 'looks' : 'look'} like one: tyk-console, like tyk-sync, reads only .tyk.json`;
	} else {
		hint = 'no directory holds one; check git.repo, git.branch and git.dir (or --repo/--branch/--dir), or run a dump to create the layout there';
	}
	return new LayoutMissingError(`no .tyk.json found in ${where} under directory ${dir}; ${hint}`, path);
}
