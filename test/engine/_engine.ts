import type {ExecutionContext} from 'ava';
import {loadConfig} from '../../source/config/index.js';
import {EngineContext} from '../../source/engine/context.js';
import type {ClientOptions} from '../../source/engine/client.js';
import {Engine} from '../../source/engine/engine.js';
import type {World} from '../helpers/world.js';

/**
 * An engine in this test process over a world's config. The world's environment (keys, Git isolation, identity) is
 * copied into process.env, which is safe because every AVA test file runs in its own process.
 */
export function engineOf(t: ExecutionContext, world: World, clientOptions: ClientOptions = {}): Engine {
	for (const [name, value] of Object.entries(world.env)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	const engine = new Engine(new EngineContext(loadConfig({configPath: world.configPath, cwd: world.root, env: process.env}), clientOptions));
	t.teardown(() => engine.close());
	return engine;
}

/** Dumps every live item of an environment into its Git branch, so both sides agree; fails loudly otherwise. */
export async function dumpAll(engine: Engine, environment: string): Promise<void> {
	const dump = await engine.plan({type: 'dump', environment});
	const result = await engine.apply(dump.plan);
	const failed = result.results.filter((r) => r.status === 'failed');
	if (failed.length > 0) throw new Error(`dump failed: ${failed.map((r) => `${r.id}: ${r.error}`).join('; ')}`);
}
