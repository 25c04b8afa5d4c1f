import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {loadConfig} from '../config/index.js';
import {EngineContext} from '../engine/context.js';
import {Engine} from '../engine/engine.js';
import {startEmulator, type RunningEmulator} from '../emulator/index.js';
import {git} from '../sources/git/run.js';
import {demoConfigText, demoEnvironments, demoOverlaySecret} from './config.js';
import {tellStory} from './script.js';

/** A running demo: where it lives, the engine over it, and how to take it all down. */
export interface DemoWorld {
	readonly dir: string;
	readonly configFile: string;
	readonly urls: Readonly<Record<string, string>>;
	readonly engine: Engine;
	/** True when an existing `--dir` was reused (its story was told before). */
	readonly reused: boolean;
	close(): Promise<void>;
}

async function initRepo(repo: string): Promise<void> {
	await mkdir(repo, {recursive: true});
	await git(repo, ['init', '--quiet', '--initial-branch=main']);
	await git(repo, ['config', 'user.name', 'Demo Maintainer']);
	await git(repo, ['config', 'user.email', 'maintainer@demo.example']);
}

/**
 * Starts two seeded emulators (staging, prod) on free loopback ports, builds a Git repository whose `main` branch
 * holds a tyk-sync dump with a few commits of history, and writes a config pointing at both. Data and repository
 * live in `dir` (a new temporary directory unless given); the emulators persist there, so `--dir` survives restarts.
 */
export async function startDemo(options: {dir?: string} = {}): Promise<DemoWorld> {
	const dir = options.dir ? path.resolve(options.dir) : await mkdtemp(path.join(tmpdir(), 'tyk-console-demo-'));
	await mkdir(dir, {recursive: true});
	const repo = path.join(dir, 'repo');
	const reused = existsSync(path.join(repo, '.git'));
	const emulators: RunningEmulator[] = [];
	const close = async (): Promise<void> => {
		await Promise.all(emulators.map((emulator) => emulator.close()));
		if (!options.dir) await rm(dir, {recursive: true, force: true});
	};
	try {
		process.env[demoOverlaySecret.variable] = demoOverlaySecret.value;
		for (const environment of demoEnvironments) {
			process.env[environment.keyEnv] = environment.key;
			emulators.push(await startEmulator({
				secret: environment.key, seed: 24, seedPolicies: 8, seedTemplates: 3, dataFile: path.join(dir, `${environment.name}.json`),
			}));
		}
		const urls = Object.fromEntries(demoEnvironments.map((environment, index) => [environment.name, emulators[index]!.url]));
		const configFile = path.join(dir, 'tyk-console.yaml');
		await writeFile(configFile, demoConfigText(urls));
		const config = loadConfig({configPath: configFile, cwd: dir, env: process.env});
		const engine = new Engine(new EngineContext(config));
		if (!reused) {
			await initRepo(repo);
			await tellStory(engine);
		}
		return {
			dir, configFile, urls, engine, reused,
			close: async () => {
				await engine.close();
				await close();
			},
		};
	} catch (error) {
		await close();
		throw error;
	}
}
