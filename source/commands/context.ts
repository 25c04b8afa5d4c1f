import {loadConfig} from '../config/index.js';
import {errorMessage} from '../core/errors.js';
import type {Engine} from '../engine/engine.js';
import type {SelectionOptions, CommonOptions} from './options.js';
import {processOutput, type Output} from './output.js';
import type {Selection} from '../core/selection.js';

/** Exit codes of product.md §5. */
export const exitCodes = {ok: 0, error: 1, drift: 2, partial: 3} as const;

/**
 * Loads the config (with the ad-hoc flags) and builds the engine every command uses. The engine (got, the sources)
 * is imported here, when a command runs, so `--version` and `--help` never load it (bench `scale`).
 */
export async function openEngine(options: CommonOptions, output: Output): Promise<Engine> {
	const [{EngineContext}, {Engine}] = await Promise.all([import('../engine/context.js'), import('../engine/engine.js')]);
	const config = loadConfig({
		configPath: options.config,
		cwd: process.cwd(),
		env: process.env,
		flags: {dashboard: options.dashboard, secretEnv: options.secretEnv, repo: options.repo, branch: options.branch, dir: options.dir},
	});
	return new Engine(new EngineContext(config, {
		log: options.verbose ? (line) => output.log(line) : undefined,
		warn: (line) => output.log(`tyk-console: warning: ${line}`),
	}));
}

/** The selection flags as the engine takes them. */
export function selectionOf(options: SelectionOptions): Selection {
	return {ids: options.id, kind: options.kind, category: options.category};
}


/**
 * Runs one command body with the shared conventions: the engine is closed afterwards, an error becomes one clear
 * sentence on stderr (details after) and exit code 1, and the body's own exit code is kept otherwise.
 */
export async function runCommand(
	options: CommonOptions, body: (engine: Engine, output: Output) => Promise<number>,
): Promise<void> {
	const output = processOutput(options);
	let engine: Engine | undefined;
	try {
		engine = await openEngine(options, output);
		process.exitCode = await body(engine, output);
	} catch (error) {
		output.log(`tyk-console: ${errorMessage(error)}`);
		process.exitCode = exitCodes.error;
	} finally {
		await engine?.close();
	}
}
