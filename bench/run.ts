/**
 * Benchmark dispatcher: `npm run bench [scenario] [args...]`. Each scenario is a module with a `run` function that
 * prints figures; nothing here asserts, because speed targets are reported, not tested (architecture.md).
 * Add a scenario by adding one line to `scenarios`.
 */
interface Scenario {
	run(args: readonly string[]): Promise<void>;
}

const scenarios: Record<string, {description: string; load: () => Promise<Scenario>}> = {
	load: {description: 'loadLive against a seeded emulator vs a plain-fetch floor', load: () => import('./load/scenario.js')},
	compare: {description: 'compareSets on 3,000 pairs and diffRows on large and unrelated documents', load: () => import('./compare/scenario.js')},
	publish: {description: 'publish 500 changed items at concurrency 1 and 8 against a 20 ms-latency emulator', load: () => import('./publish/scenario.js')},
	git: {description: 'read a 3,000-item layout from a Git ref vs a cat-file floor', load: () => import('./git/scenario.js')},
};

const [name = 'load', ...args] = process.argv.slice(2);
const scenario = scenarios[name];
if (!scenario) {
	process.stderr.write(`bench: unknown scenario "${name}". Known scenarios:\n`);
	for (const [known, {description}] of Object.entries(scenarios)) process.stderr.write(`  ${known.padEnd(10)} ${description}\n`);
	process.exitCode = 1;
} else {
	await (await scenario.load()).run(args);
}
