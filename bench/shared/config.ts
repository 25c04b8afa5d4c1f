import type {EnvironmentConfig, ResolvedConfig} from '../../source/config/types.js';

/** Name of the environment variable the bench environments read their Dashboard key from. */
export const benchKeyVariable = 'TYK_CONSOLE_BENCH_KEY';

/**
 * One environment exactly as the config loader would resolve it, pointing at a bench emulator and repository. The
 * key stays in an environment variable (set by `benchConfig`), as a real config would have it.
 */
export function benchEnvironment(input: {name: string; url: string; repo: string; branch: string; concurrency: number}): EnvironmentConfig {
	return {
		name: input.name, dashboard: input.url, secret: {type: 'env', variable: benchKeyVariable},
		git: {repo: input.repo, branch: input.branch, dir: ''}, protected: false, readOnly: false, tls: {insecure: false},
		concurrency: input.concurrency, timeoutMs: 15_000, adhoc: false,
	};
}

/** A resolved config over the given environments, journal in `stateDir`; puts the key where the environments look. */
export function benchConfig(stateDir: string, key: string, environments: readonly EnvironmentConfig[]): ResolvedConfig {
	process.env[benchKeyVariable] = key;
	return {stateDir, ignore: {api: [], policy: [], template: []}, environments};
}
