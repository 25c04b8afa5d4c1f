import {normalizeDashboardUrl} from './environment.js';
import {normalizeDir, refProblem, type GitOverride} from './git-keys.js';
import {resolveUserPath} from './paths.js';
import type {ConfigFlags, SecretSource} from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the command-line flags contribute: Git overrides, and the ad-hoc Dashboard when `--dashboard` is given. */
export interface FlagConfig {
	readonly git: GitOverride;
	readonly adhoc?: {readonly dashboard: string; readonly secret: SecretSource};
	readonly problems: readonly string[];
}

function present(value: string | undefined): value is string {
	return value !== undefined;
}

/**
 * Checks the ad-hoc flags. `--dashboard` and `--secret-env` only make sense together (the key is never taken on
 * the command line, where it would land in shell history and process lists); `--repo` resolves against the cwd.
 */
export function readFlags(flags: ConfigFlags, cwd: string, env: Env): FlagConfig {
	const problems: string[] = [];
	const add = (flag: string, message: string): void => {
		problems.push(`command line: ${flag}: ${message}`);
	};
	const git: {repo?: string; branch?: string; dir?: string} = {};
	if (present(flags.repo)) {
		if (flags.repo.trim() === '') add('--repo', 'must not be empty');
		else git.repo = resolveUserPath(flags.repo, cwd, env);
	}
	if (present(flags.branch)) {
		const problem = flags.branch.trim() === '' ? 'must not be empty' : refProblem(flags.branch);
		if (problem) add('--branch', problem);
		else git.branch = flags.branch;
	}
	if (present(flags.dir)) {
		const clean = normalizeDir(flags.dir === '' ? '.' : flags.dir);
		if (typeof clean === 'string') git.dir = clean;
		else add('--dir', clean.problem);
	}
	if (!present(flags.dashboard)) {
		if (present(flags.secretEnv)) add('--secret-env', 'needs --dashboard URL (it names the key variable of that Dashboard)');
		return {git, problems};
	}
	const dashboard = normalizeDashboardUrl(flags.dashboard);
	if (typeof dashboard !== 'string') add('--dashboard', dashboard.problem);
	if (!present(flags.secretEnv)) add('--dashboard', 'needs --secret-env VAR, the environment variable that holds the Dashboard API key');
	else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(flags.secretEnv)) add('--secret-env', 'must be an environment variable name (letters, digits, _)');
	if (problems.length > 0 || typeof dashboard !== 'string' || !present(flags.secretEnv)) return {git, problems};
	return {git, adhoc: {dashboard, secret: {type: 'env', variable: flags.secretEnv}}, problems};
}
