import {createServer, request, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer as createHttpsServer} from 'node:https';
import type {AddressInfo} from 'node:net';
import {join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {spawn, type ChildProcess} from 'node:child_process';
import type {ExecutionContext} from 'ava';
import {compareItems} from '../../source/core/compare.js';
import {itemKey, type Item} from '../../source/core/item.js';
import {createDashboardClient, liveItems, loadLive} from '../../source/sources/dashboard/index.js';
import {cliArgs, runCli, type CliResult} from '../helpers/cli.js';
import {makeWorld, type World} from '../helpers/world.js';
import type {EmulatorOptions} from '../../source/emulator/index.js';

/** How the misbehaving proxy answers one request. */
export type Misbehaviour =
	| 'pass'
	/** Forward, then never answer: hold the response until the client gives up and closes the connection (a latency
	 * spike past any timeout, with no sleep that a loaded machine could outlast). */
	| 'slow'
	/** Close the socket before forwarding: nothing reaches the Dashboard. */
	| 'reset'
	/** Forward, send the headers and half the body, then destroy the socket. */
	| 'reset-mid-body'
	/** Forward, answer 200 with half the body and end cleanly: JSON cut off in the middle. */
	| 'truncate'
	| 'status-500'
	| 'status-401'
	/** 429 with `Retry-After: 1`. */
	| 'status-429'
	| 'html'
	| 'empty'
	/** 400 whose message echoes the request body, as some Dashboards and proxies do in validation errors. */
	| 'echo-400';

/** One request seen by a test server or proxy. */
export interface SeenRequest {
	readonly method: string;
	readonly url: string;
	readonly headers: IncomingMessage['headers'];
	readonly body: string;
	readonly mode?: Misbehaviour;
}

/** A loopback server a test started; closed by the test's teardown. */
export interface TestServer {
	readonly url: string;
	readonly requests: SeenRequest[];
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

async function listen(t: ExecutionContext, server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	}));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A plain loopback HTTP server answering with `handler` (a hostile Dashboard the emulator cannot play). */
export async function startServer(
	t: ExecutionContext, handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Promise<TestServer> {
	const requests: SeenRequest[] = [];
	const server = createServer(async (req, res) => {
		const body = await readBody(req);
		requests.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8')});
		handler(req, res, body);
	});
	return {url: await listen(t, server), requests};
}

interface Upstream {
	readonly status: number;
	readonly headers: IncomingMessage['headers'];
	readonly body: Buffer;
}

function forward(target: string, req: IncomingMessage, body: Buffer): Promise<Upstream> {
	return new Promise((resolve, reject) => {
		const headers = {...req.headers, host: new URL(target).host, connection: 'close'};
		const out = request(`${target}${req.url ?? '/'}`, {method: req.method, headers}, (res) => {
			readBody(res).then((data) => resolve({status: res.statusCode ?? 502, headers: res.headers, body: data}), reject);
		});
		out.on('error', reject);
		out.end(body);
	});
}

function answer(res: ServerResponse, upstream: Upstream, body = upstream.body): void {
	const headers = {...upstream.headers};
	delete headers['content-length'];
	delete headers['transfer-encoding'];
	delete headers['connection'];
	res.writeHead(upstream.status, {...headers, 'content-length': String(body.length)});
	res.end(body);
}

/**
 * A misbehaving proxy in front of a Dashboard (the emulator): `decide` picks, per request, what goes wrong. Used for
 * the faults the emulator cannot make itself (resets mid-body, truncated JSON, 401 in the middle of a run, 429).
 */
export async function startProxy(
	t: ExecutionContext, target: string, decide: (req: {method: string; url: string}, index: number) => Misbehaviour | Promise<Misbehaviour>,
): Promise<TestServer> {
	const requests: SeenRequest[] = [];
	const server = createServer(async (req, res) => {
		const body = await readBody(req);
		const method = req.method ?? '';
		const url = req.url ?? '';
		const seen: {method: string; url: string; headers: IncomingMessage['headers']; body: string; mode?: Misbehaviour} = {method, url, headers: req.headers, body: body.toString('utf8')};
		requests.push(seen);
		// A promise holds the request (e.g. a write kept in flight while the test runs something else).
		const mode = await decide({method, url}, requests.length - 1);
		seen.mode = mode;
		res.on('error', () => {});
		try {
			if (mode === 'reset') return void req.socket.destroy();
			if (mode === 'status-500') return void answer(res, {status: 500, headers: {'content-type': 'application/json'}, body: Buffer.from('{"Status":"Error","Message":"Internal error"}')});
			if (mode === 'status-401') return void answer(res, {status: 401, headers: {'content-type': 'application/json'}, body: Buffer.from('{"Status":"Error","Message":"Not authorised"}')});
			if (mode === 'status-429') return void answer(res, {status: 429, headers: {'content-type': 'application/json', 'retry-after': '1'}, body: Buffer.from('{"Message":"rate limited"}')});
			if (mode === 'html') return void answer(res, {status: 200, headers: {'content-type': 'text/html'}, body: Buffer.from('<html><body>Login</body></html>')});
			if (mode === 'echo-400') return void answer(res, {status: 400, headers: {'content-type': 'application/json'}, body: Buffer.from(JSON.stringify({Status: 'Error', Message: `invalid definition: ${body.toString('utf8')}`}))});
			if (mode === 'empty') return void answer(res, {status: 200, headers: {'content-type': 'application/json'}, body: Buffer.alloc(0)});
			const upstream = await forward(target, req, body);
			if (mode === 'slow') {
				if (!res.destroyed && !req.socket.destroyed) await new Promise((resolve) => res.once('close', resolve));
				return;
			}
			if (mode === 'truncate') return void answer(res, upstream, upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
			if (mode === 'reset-mid-body') {
				res.writeHead(upstream.status, {'content-type': 'application/json', 'content-length': String(upstream.body.length)});
				res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)), () => req.socket.destroy());
				return;
			}
			if (!res.destroyed) answer(res, upstream);
		} catch {
			req.socket.destroy();
		}
	});
	return {url: await listen(t, server), requests};
}

/** Changes one environment of a world's config (dashboard URL, timeoutMs, tls...), keeping everything else. */
export function patchEnvironment(world: World, name: string, patch: Record<string, unknown>): void {
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	const environment = config.environments.find((entry: any) => entry.name === name);
	if (!environment) throw new Error(`no environment ${name}`);
	Object.assign(environment, patch);
	writeFileSync(world.configPath, JSON.stringify(config, null, 2));
}

/** Every file under a directory (relative, `/`-separated), `.git` left out. */
export function filesUnder(root: string): string[] {
	const found: string[] = [];
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir)) {
			if (name === '.git') continue;
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else found.push(relative(root, full).split('\\').join('/'));
		}
	};
	if (existsSync(root)) walk(root);
	return found.sort();
}

/**
 * The repository after a fault: objects intact (`git fsck`), the branch at one of the allowed commits, the work
 * tree clean, and every JSON file whole (no temp files, nothing cut in half).
 */
export function assertRepoConsistent(
	t: ExecutionContext, world: World, allowedHeads: readonly (string | undefined)[], options: {allowStagedDump?: boolean} = {},
): void {
	t.notThrows(() => world.git(['fsck', '--no-progress', '--no-dangling']), 'git fsck passes');
	let head: string | undefined;
	try {
		head = world.git(['rev-parse', '--verify', '--quiet', 'refs/heads/main']).trim();
	} catch {
		head = undefined;
	}
	t.true(allowedHeads.includes(head), `main is at ${head}, expected one of ${allowedHeads.join(', ')}`);
	const status = world.git(['status', '--porcelain', '--untracked-files=all']);
	if (options.allowStagedDump) {
		// After a kill between writing and committing, only whole layout files may be left staged (the re-run commits them).
		for (const line of status.split('\n').filter(Boolean)) t.regex(line, /^M  \S+\.json$/, 'only staged layout files');
	} else {
		t.is(status, '', 'work tree and index are clean');
	}
	for (const file of filesUnder(world.repo)) {
		t.false(/\.tmp$/.test(file), `no temp file left: ${file}`);
		if (file.endsWith('.json')) t.notThrows(() => JSON.parse(readFileSync(join(world.repo, file), 'utf8')), `${file} is whole JSON`);
	}
}

/** The journal's pre-images as `kind:id` keys. */
export function preImageKeys(world: World, operation?: string): string[] {
	return world.journal(operation).filter((line) => line.type === 'pre-image').map((line) => `${line.kind}:${line.id}`).sort();
}

/** Live items of a Dashboard, read in-process (no CLI run): `kind:id` → item. */
export async function liveState(url: string, key: string): Promise<Map<string, Item>> {
	const client = createDashboardClient({name: 'check', url, key});
	try {
		return new Map(liveItems(await loadLive(client)).map((item) => [itemKey(item), item]));
	} finally {
		client.close();
	}
}

/** Keys of the items that differ between two live states (added, removed or changed after normalisation). */
export function changedKeys(before: ReadonlyMap<string, Item>, after: ReadonlyMap<string, Item>): string[] {
	const keys = new Set([...before.keys(), ...after.keys()]);
	return [...keys].filter((key) => compareItems(before.get(key), after.get(key)).status !== 'unchanged').sort();
}

/** Writes a config file beside the world's (same Git, state dir and key variable) with other environments. */
export function writeConfigFile(world: World, file: string, environments: readonly Record<string, unknown>[]): string {
	const config = JSON.parse(readFileSync(world.configPath, 'utf8'));
	const template = config.environments[0];
	config.environments = environments.map((entry) => ({secretEnv: template.secretEnv, timeoutMs: 5000, ...entry}));
	const path = join(world.root, file);
	writeFileSync(path, JSON.stringify(config, null, 2));
	return path;
}

/** Runs the CLI with another config file of the world (the world's `cli()` always uses its own). */
export function cliWith(world: World, configPath: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
	return runCli([...args, '--config', configPath], {cwd: world.root, env: {...world.env, ...env}});
}

/** JSON of a CLI run's stdout, or undefined when it is not JSON. */
export function parsed(run: CliResult): any {
	try {
		return JSON.parse(run.stdout);
	} catch {
		return undefined;
	}
}

/** The self-signed certificate (localhost, 127.0.0.1) that the Dashboard client tests use; its path serves as tls.ca. */
export const certPath = fileURLToPath(new URL('../sources/dashboard/fixtures/localhost-cert.pem', import.meta.url));
const keyPath = fileURLToPath(new URL('../sources/dashboard/fixtures/localhost-key.pem', import.meta.url));

/** An HTTPS front (self-signed certificate) that passes every request on to a plain-HTTP Dashboard. */
export async function startTlsProxy(t: ExecutionContext, target: string): Promise<TestServer> {
	const requests: SeenRequest[] = [];
	const server = createHttpsServer({cert: readFileSync(certPath), key: readFileSync(keyPath)}, async (req, res) => {
		const body = await readBody(req);
		requests.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8')});
		try {
			answer(res, await forward(target, req, body));
		} catch {
			req.socket.destroy();
		}
	});
	const url = await listen(t, server as unknown as Server);
	return {url: url.replace('http:', 'https:'), requests};
}

/**
 * A module for `node --import` that makes every `*.invalid` name fail to resolve (ENOTFOUND) inside the child, so
 * the DNS-failure case is tested without a query leaving the machine (this sandbox's resolver is not on loopback).
 */
export function noDnsPreload(dir: string): NodeJS.ProcessEnv {
	const file = join(dir, 'no-dns.mjs');
	writeFileSync(file, `import dns from 'node:dns';
const original = dns.lookup;
dns.lookup = function (hostname, options, callback) {
	if (typeof hostname === 'string' && hostname.endsWith('.invalid')) {
		const done = typeof options === 'function' ? options : callback;
		const error = Object.assign(new Error('getaddrinfo ENOTFOUND ' + hostname), {code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname});
		process.nextTick(() => done(error));
		return {};
	}
	return original.apply(this, arguments);
};
`);
	return {NODE_OPTIONS: `--import ${pathToFileURL(file).href}`};
}

/**
 * A world whose staging Dashboard is dumped to Git, then every policy's rate raised by `by` in one commit: a publish
 * then has one write per policy, the shape most write tests need.
 */
export async function worldWithRaisedRates(t: ExecutionContext, emulator: Partial<EmulatorOptions>, by = 3): Promise<World> {
	const world = await makeWorld(t, [{name: 'staging', emulator}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	for (const entry of index.policies) {
		const file = join(world.repo, entry.file);
		const body = JSON.parse(readFileSync(file, 'utf8'));
		body.rate = Number(body.rate) + by;
		writeFileSync(file, JSON.stringify(body, null, 2));
	}
	world.git(['commit', '-q', '-am', 'raise rates']);
	return world;
}

/**
 * Polls (bounded, every 20 ms) until `ready` holds, or gives up when `stop` holds (a child that exited) or after
 * `limitMs`: waiting on a condition, never a fixed sleep. Resolves whether `ready` held.
 */
export async function pollUntil(ready: () => boolean, options: {limitMs?: number; stop?: () => boolean} = {}): Promise<boolean> {
	const end = Date.now() + (options.limitMs ?? 60_000);
	while (Date.now() < end) {
		if (ready()) return true;
		if (options.stop?.()) return false;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return ready();
}

/**
 * The real binary in its own process group (so a kill takes its Git children with it, as a crash would), its stdout
 * and stderr collected together.
 */
export function startDetachedCli(world: World, args: readonly string[], env: NodeJS.ProcessEnv = {}): {child: ChildProcess; output: () => string} {
	const child = spawn(process.execPath, [...cliArgs(), ...args, '--config', world.configPath], {
		cwd: world.root, env: {...process.env, NO_COLOR: '1', ...world.env, ...env}, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
	});
	let text = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
	return {child, output: () => text};
}

/** Makes the child write its peak RSS (kB) to a file when it exits: cheap memory measurement without polling. */
export function rssPreload(world: World, name: string): {env: NodeJS.ProcessEnv; peakMb: () => number | undefined} {
	const script = join(world.root, 'rss.mjs');
	if (!existsSync(script)) {
		writeFileSync(script, "import {writeFileSync} from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
	}
	const file = join(world.root, `rss-${name}.txt`);
	return {
		env: {NODE_OPTIONS: `--import ${pathToFileURL(script).href}`, RSS_FILE: file},
		peakMb: () => (existsSync(file) ? Math.round(Number(readFileSync(file, 'utf8')) / 1024) : undefined),
	};
}
