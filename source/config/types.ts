import type {Kind} from '../core/item.js';

/** Where one environment's Git side lives; every field is resolved (absolute repo path, concrete ref). */
export interface GitConfig {
	/** Absolute path of a Git work tree, a bare repo or a plain directory. */
	readonly repo: string;
	/** Any ref; `HEAD` (the default) means whatever the repo has checked out. */
	readonly branch: string;
	/** Directory inside the repo holding `.tyk.json`; `''` is the root. */
	readonly dir: string;
}

/** How an environment's Dashboard key is obtained; the key itself is never stored in the config. */
export type SecretSource =
	| {readonly type: 'env'; readonly variable: string}
	| {readonly type: 'command'; readonly command: string; readonly cwd: string};

/** TLS options for one Dashboard; `ca` is an absolute path. */
export interface TlsConfig {
	readonly insecure: boolean;
	readonly ca?: string;
}

/**
 * One environment with every default applied, so the engine never re-derives defaults or re-resolves paths.
 * It carries where the secret comes from, never the secret: call `resolveSecret` when a request is about to be made.
 */
export interface EnvironmentConfig {
	readonly name: string;
	/** Dashboard base URL without a trailing slash. */
	readonly dashboard: string;
	readonly secret: SecretSource;
	readonly git: GitConfig;
	readonly protected: boolean;
	readonly readOnly: boolean;
	readonly orgId?: string;
	readonly tls: TlsConfig;
	readonly concurrency: number;
	readonly timeoutMs: number;
	/** Bound on a Dashboard list answer in MiB (default 256); single-item answers and one list element a quarter of it, at most 64. */
	readonly maxResponseMB?: number;
	/**
	 * The Dashboard runs with `enable_duplicate_slugs: true` (the default of Tyk Sync and Operator setups): it lets two
	 * APIs share a listen path and domain, so the checks before writing do not refuse that either.
	 */
	readonly enableDuplicateSlugs?: boolean;
	/** True for the one-off environment built from `--dashboard`/`--secret-env`. */
	readonly adhoc: boolean;
}

/** The console's colours: for a dark or a light terminal background, or `auto` (from `COLORFGBG`, else dark). */
export type ThemeSetting = 'dark' | 'light' | 'auto';

/** Values `theme` may take, in the order messages list them. */
export const themeSettings: readonly ThemeSetting[] = ['dark', 'light', 'auto'];

/** How the console looks and behaves; read only by the console, every field defaulted. */
export interface ConsoleConfig {
	/** Which background the console's tints are made for (default `auto`). */
	readonly theme: ThemeSetting;
	/**
	 * Seconds between automatic reloads of the open view; undefined (the default) never reloads by itself, `R` does.
	 * A console left open shows how old its data is either way.
	 */
	readonly refreshSeconds?: number;
}

/** What a dump does about secret fields (the masking rules) it would write to Git in plain text. */
export type SecretsInGit = 'allow' | 'warn' | 'refuse';

/** Values `secretsInGit` may take, in the order messages list them. */
export const secretsInGitSettings: readonly SecretsInGit[] = ['allow', 'warn', 'refuse'];

/** The whole configuration after discovery, parsing, validation and flag overrides. */
export interface ResolvedConfig {
	/** Absolute path of the file it came from; undefined for a purely ad-hoc configuration. */
	readonly file?: string;
	/** Absolute path of the journal / audit / lock directory. */
	readonly stateDir: string;
	/** Extra field paths to leave out of comparisons, per kind (added to the built-in list). */
	readonly ignore: Readonly<Record<Kind, readonly string[]>>;
	readonly environments: readonly EnvironmentConfig[];
	/** Console-only settings (`theme`, `refreshSeconds`); absent (a config built in code) means the defaults. */
	readonly console?: ConsoleConfig;
	/**
	 * A dump lists the secret fields it writes to Git in plain text (`warn`, the default, also when absent), says
	 * nothing (`allow`), or is refused with the list and writes nothing (`refuse`).
	 */
	readonly secretsInGit?: SecretsInGit;
}

/** Command-line flags that affect configuration; all optional, exactly as commander hands them over. */
export interface ConfigFlags {
	readonly dashboard?: string;
	readonly secretEnv?: string;
	readonly repo?: string;
	readonly branch?: string;
	readonly dir?: string;
}

/** Input of `loadConfig`: everything from the outside world is passed in, so tests control it completely. */
export interface LoadConfigOptions {
	/** The `--config FILE` flag. */
	readonly configPath?: string;
	readonly cwd: string;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly flags?: ConfigFlags;
}

/** Name of the environment built from the ad-hoc flags. */
export const adhocName = 'adhoc';

/** Parallel requests per Dashboard when the config says nothing: fast enough, gentle on a shared Dashboard. */
export const defaultConcurrency = 8;
/** Per-request timeout when the config says nothing: a slow Dashboard is reported rather than waited on forever. */
export const defaultTimeoutMs = 15_000;
