import {runSecretProgram} from '../../config/secret.js';
import {errorMessage} from '../../core/errors.js';
import type {Kind} from '../../core/item.js';
import type {Overlay, OverlaySecret} from '../../core/overlay.js';
import type {Segment} from '../../core/paths.js';

/** A secret field whose value could not be obtained: the item, the path and why (never the value or the output). */
export interface OverlaySecretProblem {
	readonly key: string;
	readonly kind: Kind;
	readonly id: string;
	readonly path: string;
	readonly reason: string;
}

/** The values for one item's secret fields, for the write only. */
export interface SecretValue {
	readonly path: readonly Segment[];
	readonly value: string;
}

export interface ResolveOverlaySecretsOptions {
	/** Only these items (plan step keys); every item the overlay names when absent. */
	readonly keys?: Iterable<string>;
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Where `command` sources run (the repository). */
	readonly cwd: string;
	/** Limit per command (default 10 s): a hung vault prompt must not hang a publish. */
	readonly timeoutMs?: number;
	/** Check `env` sources only and run no command (a quick check while planning). */
	readonly envOnly?: boolean;
}

/** Values per item key and the fields that could not be resolved; a secret is asked for once per source. */
export interface ResolvedOverlaySecrets {
	readonly values: ReadonlyMap<string, readonly SecretValue[]>;
	readonly problems: readonly OverlaySecretProblem[];
}

function splitKey(key: string): {kind: Kind; id: string} {
	const at = key.indexOf(':');
	return {kind: key.slice(0, at) as Kind, id: key.slice(at + 1)};
}

function sourceText(secret: OverlaySecret): string {
	return secret.source.type === 'env' ? `environment variable ${secret.source.variable}` : `command ${JSON.stringify(secret.source.text)}`;
}

/**
 * Obtains the values an overlay's `secrets:` entries point at, when items are about to be written and never before.
 * `{env: NAME}` reads the variable; `{command: "…"}` runs the program directly, without a shell (the overlay comes from
 * Git: no shell expansion, pipes or `;` can be slipped into it), in the repository, time-limited, first line of
 * stdout. Problems name the item, the path and the source; nothing a source prints is ever repeated.
 */
export async function resolveOverlaySecrets(overlay: Overlay, options: ResolveOverlaySecretsOptions): Promise<ResolvedOverlaySecrets> {
	const env = options.env ?? process.env;
	const wanted = options.keys ? new Set(options.keys) : undefined;
	const cache = new Map<string, Promise<string>>();
	const values = new Map<string, SecretValue[]>();
	const problems: OverlaySecretProblem[] = [];
	const obtain = (secret: OverlaySecret): Promise<string> | undefined => {
		const {source} = secret;
		if (source.type === 'env') {
			const value = env[source.variable];
			if (value === undefined || value.trim() === '') return Promise.reject(new Error(`${sourceText(secret)} is ${value === undefined ? 'not set' : 'empty'}`));
			return Promise.resolve(value.trim());
		}
		if (options.envOnly) return undefined;
		const memo = cache.get(source.text);
		if (memo) return memo;
		const pending = runSecretProgram(source.argv[0]!, source.argv.slice(1), {
			cwd: options.cwd, env, timeoutMs: options.timeoutMs ?? 10_000, fail: (message) => new Error(`${sourceText(secret)} ${message}`),
		});
		cache.set(source.text, pending);
		return pending;
	};
	await Promise.all([...overlay.secrets].filter(([key]) => !wanted || wanted.has(key)).flatMap(([key, secrets]) => secrets.map(async (secret) => {
		const pending = obtain(secret);
		if (!pending) return;
		try {
			const value = await pending;
			values.set(key, [...values.get(key) ?? [], {path: secret.path, value}]);
		} catch (error) {
			problems.push({key, ...splitKey(key), path: secret.text, reason: `secret from ${overlay.file}: ${errorMessage(error)}`});
		}
	})));
	problems.sort((a, b) => a.key.localeCompare(b.key) || a.path.localeCompare(b.path));
	return {values, problems};
}
