import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type {ExecutionContext} from 'ava';
import type {Engine} from '../../source/engine/engine.js';
import type {ClientOptions} from '../../source/engine/client.js';
import {startEmulator, type EmulatorOptions, type RunningEmulator} from '../../source/emulator/index.js';
import {runCli, type CliResult} from './cli.js';

/** One environment of a test world: its emulator options and its config flags. */
export interface WorldEnvironment {
	readonly name: string;
	/** Emulator options (seed, faults...); the secret is generated. `false`: no emulator, a closed port instead. */
	readonly emulator?: Partial<EmulatorOptions> | false;
	readonly protected?: boolean;
	readonly readOnly?: boolean;
	/** Per-environment Git override (e.g. its own repo or branch). */
	readonly git?: {repo?: string; branch?: string; dir?: string};
	/** Key given to the tool instead of the emulator's own (a wrong key). */
	readonly wrongKey?: boolean;
}

/** A CLI run whose stdout was parsed as JSON (undefined when it was not JSON). */
export interface JsonRun extends CliResult {
	readonly data: any;
}

/**
 * Everything one end-to-end test needs, all under one temp dir that the teardown removes: emulators on loopback port 0,
 * an empty Git repo on `main` (isolated from the developer's Git config), a config file and a state dir.
 */
export interface World {
	readonly root: string;
	readonly repo: string;
	readonly stateDir: string;
	readonly configPath: string;
	readonly emulators: Readonly<Record<string, RunningEmulator>>;
	/** Every Dashboard key (right or wrong) handed to the tool: none may ever appear in its output or files. */
	readonly secrets: readonly string[];
	/** Environment variables of every child process (keys, Git isolation, identity). */
	readonly env: NodeJS.ProcessEnv;
	cli(args: readonly string[], options?: {cwd?: string; env?: NodeJS.ProcessEnv}): Promise<CliResult>;
	/** Runs with `--json` added and parses stdout. */
	json(args: readonly string[]): Promise<JsonRun>;
	git(args: readonly string[], cwd?: string): string;
	/** Every line of every journal operation file (or of one operation's file), parsed. */
	journal(operation?: string): any[];
	/** The audit log's lines, parsed. */
	audit(): any[];
	/** Raw text of the journal and audit files, for leak checks. */
	stateText(): string;
	/** Writes the config file again (tests of bad config overwrite it). */
	writeConfig(config: unknown): void;
	/** One request to an environment's emulator over HTTP with its key, as a Dashboard user would make it. */
	request(environment: string, method: string, path: string, body?: unknown): Promise<any>;
	/**
	 * An engine in the test process over the world's config (for the console under ink-testing-library, or a check
	 * the CLI cannot make), closed at teardown. Its keys go straight into the secret cache, never into process.env,
	 * which the concurrent tests of a file share.
	 */
	/** An engine over this world's config in the test process, keys given directly (process.env is left alone). */
	engine(clientOptions?: ClientOptions): Promise<Engine>;
}

function secretVariable(name: string): string {
	return `TYK_E2E_KEY_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

function randomKey(): string {
	return `e2e-key-${randomBytes(12).toString('hex')}`;
}

function readJsonLinesIn(file: string): any[] {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

/** A loopback port that nothing listens on: bound, then released. */
async function closedPortUrl(): Promise<string> {
	const probe = await startEmulator({secret: 'closed-port-probe'});
	const url = probe.url;
	await probe.close();
	return url;
}

/** Builds a world; everything is closed and removed when the test ends. */
export async function makeWorld(t: ExecutionContext, environments: readonly WorldEnvironment[]): Promise<World> {
	const root = mkdtempSync(join(tmpdir(), 'tyk-console-e2e-'));
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	const home = join(root, 'home');
	mkdirSync(home);
	writeFileSync(join(home, 'gitconfig'), '');
	const repo = join(root, 'repo');
	const stateDir = join(root, 'state');
	const configPath = join(root, 'tyk-console.json');
	const env: NodeJS.ProcessEnv = {
		HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_GLOBAL: join(home, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1',
		GIT_AUTHOR_NAME: 'E2E Tester', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'E2E Tester', GIT_COMMITTER_EMAIL: 'e2e@example.com',
		TYK_CONSOLE_CONFIG: undefined, TYK_CONSOLE_STATE_DIR: undefined, XDG_STATE_HOME: undefined, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined,
	};
	const git = (args: readonly string[], cwd = repo) => execFileSync('git', args, {cwd, env: {...process.env, ...env}, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe']});
	mkdirSync(repo);
	git(['init', '-q', '-b', 'main']);

	const emulators: Record<string, RunningEmulator> = {};
	const secrets: string[] = [];
	const emulatorKeys = new Map<string, string>();
	const configEnvironments: unknown[] = [];
	for (const environment of environments) {
		const key = randomKey();
		secrets.push(key);
		emulatorKeys.set(environment.name, key);
		let dashboard: string;
		if (environment.emulator === false) {
			dashboard = await closedPortUrl();
		} else {
			const running = await startEmulator({seed: 0, ...environment.emulator, secret: key});
			t.teardown(() => running.close());
			emulators[environment.name] = running;
			dashboard = running.url;
		}
		const given = environment.wrongKey ? randomKey() : key;
		if (environment.wrongKey) secrets.push(given);
		env[secretVariable(environment.name)] = given;
		configEnvironments.push({
			name: environment.name, dashboard, secretEnv: secretVariable(environment.name),
			...(environment.protected ? {protected: true} : {}), ...(environment.readOnly ? {readOnly: true} : {}),
			...(environment.git ? {git: environment.git} : {}), timeoutMs: 5000,
		});
	}
	const writeConfig = (config: unknown) => writeFileSync(configPath, JSON.stringify(config, null, 2));
	writeConfig({git: {repo, branch: 'main'}, stateDir, environments: configEnvironments});

	const cli = (args: readonly string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}) =>
		runCli([...args, '--config', configPath], {cwd: options.cwd ?? root, env: {...env, ...options.env}});
	return {
		root, repo, stateDir, configPath, emulators, secrets, env, cli, git, writeConfig,
		async json(args) {
			const run = await cli([...args, '--json']);
			let data: any;
			try {
				data = JSON.parse(run.stdout);
			} catch {
				data = undefined;
			}
			return {...run, data};
		},
		journal(operation) {
			const dir = join(stateDir, 'journal');
			if (!existsSync(dir)) return [];
			return readdirSync(dir).filter((file) => file.endsWith('.jsonl') && (operation === undefined || file.startsWith(`${operation}.`))).sort()
				.flatMap((file) => readJsonLinesIn(join(dir, file)));
		},
		audit: () => readJsonLinesIn(join(stateDir, 'audit.jsonl')),
		async request(environment, method, path, body) {
			const running = emulators[environment];
			if (!running) throw new Error(`no emulator for ${environment}`);
			const key = emulatorKeys.get(environment)!;
			const answer = await fetch(`${running.url}${path}`, {
				method, headers: {Authorization: key, 'Content-Type': 'application/json'}, body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await answer.text();
			if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${text}`);
			return text === '' ? undefined : JSON.parse(text);
		},
		async engine(clientOptions = {}) {
			// Loaded on demand: most end-to-end tests only run the binary and need not load the engine.
			const [{loadConfig, resolveSecret}, {EngineContext}, {Engine}] = await Promise.all([
				import('../../source/config/index.js'), import('../../source/engine/context.js'), import('../../source/engine/engine.js'),
			]);
			const childEnv = {...process.env, ...env};
			const config = loadConfig({configPath, cwd: root, env: childEnv});
			// A resolved key is cached per environment object: the engine's clients take it from there.
			await Promise.all(config.environments.map((environment) => resolveSecret(environment, {env: childEnv})));
			const engine = new Engine(new EngineContext(config, clientOptions));
			t.teardown(() => engine.close());
			return engine;
		},
		stateText() {
			const parts: string[] = [];
			const dir = join(stateDir, 'journal');
			if (existsSync(dir)) for (const file of readdirSync(dir)) parts.push(readFileSync(join(dir, file), 'utf8'));
			const audit = join(stateDir, 'audit.jsonl');
			if (existsSync(audit)) parts.push(readFileSync(audit, 'utf8'));
			return parts.join('\n');
		},
	};
}

/** Fails the test if any key of the world appears in any of the given texts. */
/**
 * An edit made outside tyk-console: the first `count` Classic APIs of an environment get another upstream on its
 * Dashboard. Returns their wrappers as written, for the test to name and check them.
 */
export async function driftClassicApis(world: World, environment: string, count = 2): Promise<any[]> {
	const apis = ((await world.request(environment, 'GET', '/api/apis?p=-1')).apis as any[]).filter((w) => w.api_definition.is_oas !== true);
	const drifted = apis.slice(0, count);
	for (const wrapper of drifted) {
		wrapper.api_definition.proxy.target_url = 'http://drifted.internal/';
		await world.request(environment, 'PUT', `/api/apis/${wrapper.api_definition.id}`, wrapper);
	}
	return drifted;
}

export function assertNoSecrets(t: ExecutionContext, world: World, texts: readonly string[]): void {
	const leaks = world.secrets.filter((key) => texts.some((text) => text.includes(key)));
	t.deepEqual(leaks, [], 'a Dashboard key appeared in output or state files');
}

/** Writes files (creating folders) under a root, e.g. a hand-made tyk-sync layout. */
export function writeFiles(root: string, files: Readonly<Record<string, unknown>>): void {
	for (const [path, content] of Object.entries(files)) {
		const full = join(root, path);
		mkdirSync(dirname(full), {recursive: true});
		writeFileSync(full, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
	}
}
