import {homedir} from 'node:os';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** The home directory as the given environment sees it, so tests can point `~` at a temp dir. */
export function homeDir(env: Env): string {
	return env['HOME'] || homedir();
}

/** Expands a leading `~` and makes the path absolute against `base`; config paths are relative to their file. */
export function resolveUserPath(value: string, base: string, env: Env): string {
	if (value === '~') return homeDir(env);
	if (value.startsWith('~/')) return path.join(homeDir(env), value.slice(2));
	return path.resolve(base, value);
}

/** The user config file (`$XDG_CONFIG_HOME/tyk-console/config.yaml`, else `~/.config/...`), last in discovery. */
export function userConfigFile(env: Env): string {
	const base = env['XDG_CONFIG_HOME'] && path.isAbsolute(env['XDG_CONFIG_HOME'])
		? env['XDG_CONFIG_HOME']
		: path.join(homeDir(env), '.config');
	return path.join(base, 'tyk-console', 'config.yaml');
}

/**
 * The state directory: `$TYK_CONSOLE_STATE_DIR` wins (so CI can isolate runs), then the config's `stateDir`,
 * then `$XDG_STATE_HOME/tyk-console`, then `~/.local/state/tyk-console`.
 */
export function stateDirFor(configured: string | undefined, env: Env, cwd: string): string {
	const override = env['TYK_CONSOLE_STATE_DIR'];
	if (override) return resolveUserPath(override, cwd, env);
	if (configured !== undefined) return configured;
	const xdg = env['XDG_STATE_HOME'];
	if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'tyk-console');
	return path.join(homeDir(env), '.local', 'state', 'tyk-console');
}

/** How a file is named in messages: relative when it is under the working directory, as users typed it. */
export function displayPath(file: string, cwd: string): string {
	const relative = path.relative(cwd, file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
