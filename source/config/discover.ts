import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import {ConfigError} from './error.js';
import {resolveUserPath, userConfigFile} from './paths.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where a config file was found and why it was chosen (for `envs --verbose` and messages). */
export interface FoundConfig {
	readonly file: string;
	readonly origin: '--config' | 'TYK_CONSOLE_CONFIG' | 'working directory' | 'user config directory';
}

function isFile(file: string): boolean {
	return existsSync(file) && statSync(file).isFile();
}

function explicit(value: string, origin: FoundConfig['origin'], cwd: string, env: Env): FoundConfig {
	const file = resolveUserPath(value, cwd, env);
	if (!isFile(file)) throw new ConfigError(`${origin === '--config' ? '--config' : '$TYK_CONSOLE_CONFIG'}: config file not found: ${file}`);
	return {file, origin};
}

/** The places searched, in order, for the "no configuration found" message. */
export function searchedLocations(cwd: string, env: Env): string[] {
	return [path.join(cwd, 'tyk-console.yaml'), path.join(cwd, 'tyk-console.json'), userConfigFile(env)];
}

/**
 * Finds the config file in the documented order: `--config FILE`, `$TYK_CONSOLE_CONFIG`, `./tyk-console.yaml`,
 * `./tyk-console.json`, then the user config directory. An explicitly named file that does not exist is an error
 * (never a silent fall-through to another file); undefined means no file anywhere.
 */
export function findConfigFile(options: {configPath?: string; cwd: string; env: Env}): FoundConfig | undefined {
	if (options.configPath !== undefined) return explicit(options.configPath, '--config', options.cwd, options.env);
	const fromEnv = options.env['TYK_CONSOLE_CONFIG'];
	if (fromEnv) return explicit(fromEnv, 'TYK_CONSOLE_CONFIG', options.cwd, options.env);
	const [yaml, json, user] = searchedLocations(options.cwd, options.env) as [string, string, string];
	if (isFile(yaml)) return {file: yaml, origin: 'working directory'};
	if (isFile(json)) return {file: json, origin: 'working directory'};
	if (isFile(user)) return {file: user, origin: 'user config directory'};
	return undefined;
}
