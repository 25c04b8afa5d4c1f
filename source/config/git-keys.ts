import path from 'node:path';
import {checkKeys, child, optionalMapping, optionalString, type Problems} from './check.js';
import {resolveUserPath} from './paths.js';

/** Git keys given somewhere (file top level, one environment, flags); absent keys inherit from the level above. */
export interface GitOverride {
	readonly repo?: string;
	readonly branch?: string;
	readonly dir?: string;
}

/** Keys of a `git` mapping, at the top level and per environment. */
export const gitKeys = ['repo', 'branch', 'dir'] as const;

/**
 * A ref that is safe to hand to git as an argument: no whitespace or control characters and no leading `-`
 * (which git would take as an option).
 */
export function refProblem(ref: string): string | undefined {
	if (/[\s\u0000-\u001F\u007F]/.test(ref)) return 'must be a Git ref without spaces';
	if (ref.startsWith('-')) return 'must be a Git ref, not something starting with "-"';
	return undefined;
}

/**
 * The layout directory as a clean relative POSIX path (`''` for the root); it may never leave the repo, because
 * dump writes files under it.
 */
export function normalizeDir(dir: string): string | {problem: string} {
	if (path.isAbsolute(dir) || /^[A-Za-z]:/.test(dir)) return {problem: 'must be a path inside the repo, not an absolute path'};
	const clean = path.posix.normalize(dir.replaceAll('\\', '/')).replace(/\/+$/, '');
	if (clean === '..' || clean.startsWith('../')) return {problem: 'must be a path inside the repo'};
	return clean === '.' ? '' : clean;
}

/** Checks one `git` mapping; `repo` resolves against `base` (the config file's directory, or the cwd for flags). */
export function readGitOverride(
	problems: Problems, value: unknown, keyPath: string, base: string, env: Readonly<Record<string, string | undefined>>,
): GitOverride {
	const mapping = optionalMapping(problems, value, keyPath);
	if (!mapping) return {};
	checkKeys(problems, mapping, keyPath, gitKeys);
	const repo = optionalString(problems, mapping['repo'], child(keyPath, 'repo'));
	const branch = optionalString(problems, mapping['branch'], child(keyPath, 'branch'));
	const dirValue = typeof mapping['dir'] === 'string' && mapping['dir'] === '' ? '.' : mapping['dir'];
	const dir = optionalString(problems, dirValue, child(keyPath, 'dir'));
	const out: {repo?: string; branch?: string; dir?: string} = {};
	if (repo !== undefined) out.repo = resolveUserPath(repo, base, env);
	if (branch !== undefined) {
		const problem = refProblem(branch);
		if (problem) problems.add(child(keyPath, 'branch'), problem);
		else out.branch = branch;
	}
	if (dir !== undefined) {
		const clean = normalizeDir(dir);
		if (typeof clean === 'string') out.dir = clean;
		else problems.add(child(keyPath, 'dir'), clean.problem);
	}
	return out;
}
