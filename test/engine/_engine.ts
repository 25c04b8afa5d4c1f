import type {ExecutionContext} from 'ava';
import type {ClientOptions} from '../../source/engine/client.js';
import type {Engine} from '../../source/engine/engine.js';
import type {World} from '../helpers/world.js';

/**
 * An engine in this test process over a world's config, its keys given directly (process.env is left alone);
 * `clientOptions.log` sees every Dashboard request, as `--verbose` prints them.
 */
export function engineOf(_t: ExecutionContext, world: World, clientOptions: ClientOptions = {}): Promise<Engine> {
	return world.engine(clientOptions);
}

/** Dumps every live item of an environment into its Git branch, so both sides agree; fails loudly otherwise. */
export async function dumpAll(engine: Engine, environment: string): Promise<void> {
	const dump = await engine.plan({type: 'dump', environment});
	const result = await engine.apply(dump.plan);
	const failed = result.results.filter((r) => r.status === 'failed');
	if (failed.length > 0) throw new Error(`dump failed: ${failed.map((r) => `${r.id}: ${r.error}`).join('; ')}`);
}
