/**
 * Benchmark dispatcher: `npm run bench [scenario] [args...]`. Each scenario is a module with a `run` function that
 * prints figures; nothing here asserts, because speed targets are reported, not tested (architecture.md).
 * With no scenario, every scenario not marked heavy runs in sequence; heavy ones (over a minute) run only by name.
 * Add a scenario by adding one line to `scenarios`.
 */
interface Scenario {
	run(args: readonly string[]): Promise<void>;
}

interface Entry {
	readonly description: string;
	/** Takes over a minute: left out of the run-everything default. */
	readonly heavy?: boolean;
	readonly load: () => Promise<Scenario>;
}

const scenarios: Record<string, Entry> = {
	load: {description: 'loadLive against a seeded emulator vs a plain-fetch floor', load: () => import('./load/scenario.js')},
	git: {description: 'read a 3,000-item layout from a Git ref vs a cat-file floor', load: () => import('./git/scenario.js')},
	console: {
		description: 'console: first frame of the compiled CLI in a pty, keys with 3,000 items and in a 20,000-line diff, peak RSS (heavy: builds dist/, ~1.5 min)',
		heavy: true, load: () => import('./console/scenario.js'),
	},
	compare: {description: 'compareSets on 3,000 pairs and diffRows on large and unrelated documents', load: () => import('./compare/scenario.js')},
	diff: {description: 'diff of a 3,000-item environment vs merely loading Git and live', load: () => import('./diff/scenario.js')},
	scale: {
		description: '20,000 APIs + 5,000 policies (and the 3k environment): live load, Git side, diff and dump of the compiled CLI, each vs its floor, with peak RSS (heavy: several minutes)',
		heavy: true, load: () => import('./scale/scenario.js'),
	},
	publish: {
		description: 'publish 500 changed items at concurrency 1 and 8 against a 20 ms-latency emulator (heavy: ~1.5 min)', heavy: true,
		load: () => import('./publish/scenario.js'),
	},
};

const [name, ...args] = process.argv.slice(2);
if (name === undefined) {
	const all = Object.entries(scenarios).filter(([, entry]) => !entry.heavy);
	const heavy = Object.keys(scenarios).filter((key) => scenarios[key]!.heavy);
	process.stdout.write(`bench: running ${all.map(([key]) => key).join(', ')}${heavy.length > 0 ? `; run ${heavy.join(', ')} by name (heavy)` : ''}\n`);
	for (const [key, entry] of all) {
		process.stdout.write(`\n== ${key}: ${entry.description}\n`);
		await (await entry.load()).run([]);
	}
} else {
	const scenario = scenarios[name];
	if (!scenario) {
		process.stderr.write(`bench: unknown scenario "${name}". Known scenarios:\n`);
		for (const [known, {description}] of Object.entries(scenarios)) process.stderr.write(`  ${known.padEnd(10)} ${description}\n`);
		process.exitCode = 1;
	} else {
		await (await scenario.load()).run(args);
	}
}
