import {kinds, type Kind} from '../core/item.js';
import {
	checkKeys, child, describe, isMapping, optionalInteger, optionalString, optionalStringList, optionalMapping, Problems,
} from './check.js';
import {readEnvironment, type FileEnvironment} from './environment.js';
import {readGitOverride, type GitOverride} from './git-keys.js';
import {resolveUserPath} from './paths.js';
import {secretsInGitSettings, themeSettings, type ConsoleConfig, type SecretsInGit, type ThemeSetting} from './types.js';

/** A config file's content after checking, before defaults and flags are applied. */
export interface FileConfig {
	readonly git: GitOverride;
	readonly stateDir?: string;
	readonly ignore: Record<Kind, string[]>;
	readonly environments: readonly FileEnvironment[];
	readonly console: ConsoleConfig;
	readonly secretsInGit?: SecretsInGit;
}

/** Keys allowed at the top of the file; anything else is a typo and is reported with a suggestion. */
export const topLevelKeys = ['git', 'stateDir', 'ignore', 'theme', 'refreshSeconds', 'secretsInGit', 'environments'] as const;

function readIgnore(problems: Problems, value: unknown): Record<Kind, string[]> {
	const out: Record<Kind, string[]> = {api: [], policy: [], template: []};
	const mapping = optionalMapping(problems, value, 'ignore');
	if (!mapping) return out;
	checkKeys(problems, mapping, 'ignore', kinds);
	for (const kind of kinds) out[kind] = optionalStringList(problems, mapping[kind], child('ignore', kind)) ?? [];
	return out;
}

/** Longest auto-refresh period: a day; anything longer is a typo for minutes or milliseconds. */
const maxRefreshSeconds = 86_400;

function readConsole(problems: Problems, raw: Record<string, unknown>): ConsoleConfig {
	const value = raw['theme'];
	let theme: ThemeSetting = 'auto';
	if (value !== undefined && value !== null) {
		if (typeof value === 'string' && (themeSettings as readonly string[]).includes(value)) theme = value as ThemeSetting;
		else problems.add('theme', `must be one of ${themeSettings.join(', ')}, not ${typeof value === 'string' ? `"${value.slice(0, 20)}"` : describe(value)}`);
	}
	// 0 is accepted and means off, like leaving the key out: a template can carry the key without turning it on.
	const refreshSeconds = optionalInteger(problems, raw['refreshSeconds'], 'refreshSeconds', 0, maxRefreshSeconds);
	return refreshSeconds ? {theme, refreshSeconds} : {theme};
}

function readSecretsInGit(problems: Problems, value: unknown): SecretsInGit | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' && (secretsInGitSettings as readonly string[]).includes(value)) return value as SecretsInGit;
	problems.add('secretsInGit', `must be one of ${secretsInGitSettings.join(', ')}, not ${typeof value === 'string' ? `"${value.slice(0, 20)}"` : describe(value)}`);
	return undefined;
}

function checkUniqueNames(problems: Problems, environments: readonly {name: string; index: number}[]): void {
	const seen = new Map<string, number>();
	for (const {name, index} of environments) {
		const folded = name.toLowerCase();
		const first = seen.get(folded);
		if (first === undefined) seen.set(folded, index);
		else problems.add(child(child('environments', index), 'name'), `"${name}" is already used by environments[${first}]`);
	}
}

/**
 * Checks a parsed config file against the §3 schema and collects every problem (not just the first).
 * `base` is the file's directory: relative paths in the file are relative to it, wherever the tool is run from.
 * Environments are optional only when the ad-hoc flags supply one.
 */
export function validateConfig(
	raw: unknown,
	options: {display: string; base: string; env: Readonly<Record<string, string | undefined>>; requireEnvironments: boolean},
): {config?: FileConfig; problems: string[]} {
	const problems = new Problems(options.display);
	if (!isMapping(raw)) {
		problems.add('', `the top level must be a mapping with ${topLevelKeys.join(', ')}, not ${describe(raw)}`);
		return {problems: problems.list};
	}
	checkKeys(problems, raw, '', topLevelKeys);
	const git = readGitOverride(problems, raw['git'], 'git', options.base, options.env);
	const stateDirRaw = optionalString(problems, raw['stateDir'], 'stateDir');
	const stateDir = stateDirRaw === undefined ? undefined : resolveUserPath(stateDirRaw, options.base, options.env);
	const ignore = readIgnore(problems, raw['ignore']);
	const console = readConsole(problems, raw);
	const secretsInGit = readSecretsInGit(problems, raw['secretsInGit']);
	const environments: FileEnvironment[] = [];
	const names: {name: string; index: number}[] = [];
	const list = raw['environments'];
	if (list === undefined || list === null) {
		if (options.requireEnvironments) problems.add('environments', 'is required: list at least one Dashboard (name, dashboard, secretEnv or secretCommand)');
	} else if (!Array.isArray(list)) {
		problems.add('environments', `must be a list of environments, not ${describe(list)}`);
	} else {
		if (list.length === 0 && options.requireEnvironments) problems.add('environments', 'must list at least one environment');
		list.forEach((entry, index) => {
			const environment = readEnvironment(problems, entry, child('environments', index), options.base, options.env);
			if (environment) environments.push(environment);
			if (isMapping(entry) && typeof entry['name'] === 'string') names.push({name: entry['name'], index});
		});
		checkUniqueNames(problems, names);
	}
	if (problems.list.length > 0) return {problems: problems.list};
	return {config: {git, stateDir, ignore, environments, console, ...(secretsInGit ? {secretsInGit} : {})}, problems: []};
}
