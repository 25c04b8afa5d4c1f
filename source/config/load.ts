import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {FileEnvironment} from './environment.js';
import {ConfigError} from './error.js';
import {findConfigFile, searchedLocations} from './discover.js';
import {readFlags} from './flags.js';
import type {GitOverride} from './git-keys.js';
import {parseConfigText} from './parse.js';
import {displayPath, stateDirFor} from './paths.js';
import {
	adhocName, defaultConcurrency, defaultTimeoutMs, type EnvironmentConfig, type GitConfig, type LoadConfigOptions,
	type ResolvedConfig,
} from './types.js';
import {validateConfig, type FileConfig} from './validate.js';

function mergeGit(cwd: string, ...levels: GitOverride[]): GitConfig {
	let git: GitConfig = {repo: cwd, branch: 'HEAD', dir: ''};
	for (const level of levels) git = {...git, ...level};
	return git;
}

function fromFile(environment: FileEnvironment, git: GitConfig): EnvironmentConfig {
	return {...environment, git, adhoc: false};
}

function readFile(file: string, display: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
		throw new ConfigError(`${display}: cannot read the configuration file (${code})`);
	}
}

/**
 * Finds, parses and validates the configuration and applies the command-line flags, so every command and the
 * console start from one fully resolved value. Throws a ConfigError listing every problem at once.
 *
 * Precedence for Git keys: built-in defaults (repo = cwd, branch = `HEAD`, dir = root) < the file's `git` <
 * the environment's `git` < `--repo/--branch/--dir`. `--dashboard URL --secret-env VAR` adds an environment named
 * `adhoc`, with or without a file.
 */
export function loadConfig(options: LoadConfigOptions): ResolvedConfig {
	const {cwd, env} = options;
	const flags = readFlags(options.flags ?? {}, cwd, env);
	const found = findConfigFile({configPath: options.configPath, cwd, env});
	if (!found && !flags.adhoc) {
		const problems = [...flags.problems];
		if (problems.length === 0) {
			problems.push(`no configuration found (looked for ${searchedLocations(cwd, env).join(', ')}); `
				+ 'create one, pass --config FILE, or use --dashboard URL --secret-env VAR for a one-off environment');
		}
		throw new ConfigError(problems);
	}
	let file: FileConfig | undefined;
	const problems = [...flags.problems];
	if (found) {
		const display = displayPath(found.file, cwd);
		const raw = parseConfigText(readFile(found.file, display), found.file, display);
		const result = validateConfig(raw, {
			display, base: path.dirname(found.file), env, requireEnvironments: !flags.adhoc,
		});
		problems.push(...result.problems);
		file = result.config;
		if (flags.adhoc && file?.environments.some((e) => e.name.toLowerCase() === adhocName)) {
			problems.push(`command line: --dashboard: the configuration already has an environment named "${adhocName}"`);
		}
	}
	if (problems.length > 0) throw new ConfigError(problems);
	const environments: EnvironmentConfig[] = (file?.environments ?? []).map((environment) =>
		fromFile(environment, mergeGit(cwd, file?.git ?? {}, environment.git, flags.git)));
	if (flags.adhoc) {
		environments.push({
			name: adhocName, dashboard: flags.adhoc.dashboard, secret: flags.adhoc.secret,
			git: mergeGit(cwd, file?.git ?? {}, flags.git), protected: false, readOnly: false, tls: {insecure: false},
			concurrency: defaultConcurrency, timeoutMs: defaultTimeoutMs, adhoc: true,
		});
	}
	return {
		file: found?.file,
		stateDir: stateDirFor(file?.stateDir, env, cwd),
		ignore: file?.ignore ?? {api: [], policy: [], template: []},
		environments,
		console: file?.console ?? {theme: 'auto'},
		...(file?.secretsInGit ? {secretsInGit: file.secretsInGit} : {}),
	};
}

/** Looks an environment up by name, with a message that lists the known ones (for `diff ENV` typos). */
export function findEnvironment(config: ResolvedConfig, name: string): EnvironmentConfig {
	const environment = config.environments.find((e) => e.name === name);
	if (environment) return environment;
	const known = config.environments.map((e) => e.name).join(', ') || 'none';
	throw new ConfigError(`unknown environment "${name}" (configured: ${known})`);
}
