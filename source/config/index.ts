/** The config module's public surface: commands and the engine import from here only. */
export {ConfigError} from './error.js';
export {findConfigFile, type FoundConfig} from './discover.js';
export {findEnvironment, loadConfig} from './load.js';
export {resolveSecret, SecretError, type ResolveSecretOptions} from './secret.js';
export {
	adhocName, defaultConcurrency, defaultTimeoutMs, themeSettings, type ConfigFlags, type ConsoleConfig, type EnvironmentConfig, type GitConfig,
	type LoadConfigOptions, type ResolvedConfig, type SecretSource, type ThemeSetting, type TlsConfig,
} from './types.js';
