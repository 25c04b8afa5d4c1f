import {randomBytes} from 'node:crypto';
import test from 'ava';
import {keys, renderApp} from '../ui/helpers/render.js';
import {makeWorld, type World} from '../helpers/world.js';
import type {CliResult} from '../helpers/cli.js';
import {cliWith, parsed, startProxy, writeConfigFile} from './helpers.js';

/** Secret values inside one Classic definition: upstream basic-auth password, JWT shared secret, config_data token. */
function definitionSecrets(tag: string) {
	return {
		password: `pw-${tag}-${randomBytes(8).toString('hex')}`,
		jwt: Buffer.from(`jwt-${tag}-${randomBytes(8).toString('hex')}`).toString('base64'),
		token: `tok-${tag}-${randomBytes(8).toString('hex')}`,
	};
}
type Secrets = ReturnType<typeof definitionSecrets>;

function withSecrets(def: any, secrets: Secrets): void {
	def.upstream_auth.enabled = true;
	def.upstream_auth.basic_auth.password = secrets.password;
	def.enable_jwt = true;
	def.jwt_signing_method = 'hmac';
	def.jwt_source = secrets.jwt;
	def.config_data = {auth_token: secrets.token, region: 'eu'};
	def.config_data_disabled = false;
}

/** A world whose live Dashboard holds `secret-api` with the old secrets, dumped to Git, then changed live to the new ones. */
async function secretWorld(t: Parameters<typeof makeWorld>[0]): Promise<{world: World; old: Secrets; fresh: Secrets}> {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const emulator = world.emulators['staging']!;
	const old = definitionSecrets('old');
	const fresh = definitionSecrets('new');
	const wrapper: any = structuredClone(emulator.store.listApis().find((entry) => !entry['oas'])!);
	const def = wrapper.api_definition;
	delete def.id;
	Object.assign(def, {api_id: 'secret-api', name: 'Secret API', slug: 'secret-api'});
	def.proxy.listen_path = '/secret-api/';
	withSecrets(def, old);
	emulator.store.importApis([wrapper]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const live = await world.request('staging', 'GET', '/api/apis/secret-api');
	withSecrets(live.api_definition, fresh);
	await world.request('staging', 'PUT', '/api/apis/secret-api', live);
	return {world, old, fresh};
}

/** Leak check: the Dashboard key nowhere; definition secrets nowhere but journal pre-images. */
function assertNoLeaks(t: Parameters<typeof makeWorld>[0], world: World, values: readonly string[], texts: Readonly<Record<string, string>>): number {
	let checks = 0;
	for (const [name, text] of Object.entries(texts)) {
		for (const key of world.secrets) {
			t.false(text.includes(key), `the Dashboard key appears in ${name}`);
			checks++;
		}
		for (const value of values) {
			t.false(text.includes(value), `a definition secret appears in ${name}`);
			checks++;
		}
	}
	return checks;
}

test('secrets: every command (diff, --full, --json, --verbose, envs, history, dry runs, publish, undo, rollback, dump) keeps the key and definition secrets out of output, logs, journal results and audit', async (t) => {
	const {world, old, fresh} = await secretWorld(t);
	const values = [...Object.values(old), ...Object.values(fresh)];
	// Each output path once: text and JSON diffs, --verbose request logs, envs, history (text and JSON), plans (text and JSON).
	const commands: string[][] = [
		['diff', 'staging'], ['diff', 'staging', '--full'], ['diff', 'staging', '--json'], ['diff', 'staging', '--full', '--json'],
		['diff', 'staging', '--id', 'secret-api', '--full', '--verbose'], ['envs', '--json', '--verbose'],
		['history', 'staging', '--id', 'secret-api'], ['history', 'staging', '--id', 'secret-api', '--json'],
		['dump', 'staging', '--dry-run', '--json'], ['publish', 'staging', '--dry-run', '--verbose'],
	];
	const runs: Record<string, CliResult> = {};
	await Promise.all(commands.map(async (args) => void (runs[args.join(' ')] = await world.cli(args))));
	const diffFull = runs['diff staging --full']!;
	t.is(diffFull.code, 2, diffFull.stderr);
	// Same-length secrets mask to the same text, so --full names each rotated secret instead (it printed nothing before).
	t.regex(diffFull.stdout, /~ api_definition\.upstream_auth\.basic_auth\.password: secret changed \(value masked\)/);
	t.regex(diffFull.stdout, /~ api_definition\.jwt_source: secret changed/);
	t.regex(diffFull.stdout, /~ api_definition\.config_data\.auth_token: secret changed/);
	t.regex(runs['diff staging --full --json']!.stdout, /upstream_auth\.basic_auth\.password/, '--json lists the changed secret paths');
	// Writes, one after the other: Git's old secrets go live, undo brings the new ones back, rollback the old again, dump.
	const head = world.git(['rev-parse', 'main']).trim();
	for (const args of [
		['publish', 'staging', '--yes', '--json'], ['undo', 'staging', '--verbose'],
		['rollback', 'staging', '--id', 'secret-api', '--to', head, '--json'], ['dump', 'staging', '--json', '--verbose'],
	]) {
		const run = await world.cli(args);
		t.true(run.code === 0, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
		runs[args.join(' ')] = run;
	}
	const live = await world.request('staging', 'GET', '/api/apis/secret-api');
	t.is(live.api_definition.upstream_auth.basic_auth.password, old.password, 'the values sent to the Dashboard are never masked');

	const texts: Record<string, string> = {};
	for (const [name, run] of Object.entries(runs)) {
		texts[`stdout of ${name}`] = run.stdout;
		texts[`stderr of ${name}`] = run.stderr;
	}
	// The journal may keep pre-images (the user's own state, needed by undo); every other line and the audit may not.
	const journal = world.journal();
	t.true(journal.some((line) => line.type === 'pre-image' && JSON.stringify(line).includes(fresh.password)), 'pre-images are complete');
	texts['journal lines other than pre-images'] = journal.filter((line) => line.type !== 'pre-image').map((line) => JSON.stringify(line)).join('\n');
	texts['audit log'] = world.audit().map((line) => JSON.stringify(line)).join('\n');
	texts['journal pre-images (key only)'] = '';
	const checks = assertNoLeaks(t, world, values, texts);
	t.false(world.stateText().includes(world.secrets[0]!), 'the key is in no state file at all');
	t.log(`${checks} leak checks over ${Object.keys(texts).length} outputs`);
});

test('secrets: a Dashboard whose validation errors echo the definition cannot make its secrets appear in results, journal results or audit', async (t) => {
	const {world, old, fresh} = await secretWorld(t);
	const proxy = await startProxy(t, world.emulators['staging']!.url, (request) => (request.method === 'GET' ? 'pass' : 'echo-400'));
	const config = writeConfigFile(world, 'echo.json', [{name: 'staging', dashboard: proxy.url}]);
	const run = await cliWith(world, config, ['publish', 'staging', '--id', 'secret-api', '--json']);
	t.is(run.code, 1, run.stdout + run.stderr);
	const error = String(parsed(run).results[0].error);
	t.regex(error, /failed with 400: invalid definition: /, 'the Dashboard message is still shown');
	t.true(proxy.requests.some((request) => request.method !== 'GET' && request.body.includes(old.password)), 'the request itself carried the secret');
	const journal = world.journal(parsed(run).operation);
	const checks = assertNoLeaks(t, world, [...Object.values(old), ...Object.values(fresh)], {
		stdout: run.stdout, stderr: run.stderr,
		'journal lines other than pre-images': journal.filter((line) => line.type !== 'pre-image').map((line) => JSON.stringify(line)).join('\n'),
		'audit log': world.audit().map((line) => JSON.stringify(line)).join('\n'),
	});
	t.log(`${checks} leak checks`);
});

test('secrets: dump --push to a remote URL holding a token (refused on loopback) commits, reports the push failure with exit 3, and never prints the token', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 1}}]);
	const token = `ghp_${randomBytes(12).toString('hex')}`;
	world.git(['remote', 'add', 'origin', `https://ci-bot:${token}@127.0.0.1:1/team/apis.git`]);
	const run = await world.cli(['dump', 'staging', '--push']);
	t.is(run.code, 3, run.stdout + run.stderr);
	t.regex(run.stderr, /committed, but git push origin failed: .*127\.0\.0\.1/);
	t.false((run.stdout + run.stderr + world.stateText()).includes(token), 'the remote token is redacted');
	t.regex(world.git(['log', '-1', '--format=%s', 'main']), /^tyk-console dump from live staging/, 'the dump was committed before the push failed');
	const checks = assertNoLeaks(t, world, [token], {stdout: run.stdout, stderr: run.stderr, state: world.stateText()});
	t.log(`${checks} leak checks`);
});

test('secrets: the console (environments, items, diff with hidden fields, plan, step diff, apply, progress, undo, history) never shows the key or a definition secret', async (t) => {
	const {world, old, fresh} = await secretWorld(t);
	const engine = await world.engine();
	const app = await renderApp(engine, {width: 140, height: 40});
	t.teardown(() => app.unmount());
	// Every key is followed by the frame it must lead to, and that frame joins the leak check.
	const frames: string[] = [];
	const step = async (input: readonly string[], frame: string | RegExp) => {
		await app.press(...input);
		frames.push(await app.waitFor(frame));
	};
	frames.push(await app.waitFor(/› staging .* ok /));
	await step([keys.enter], 'Secret API');
	await step(['/', ...'Secret API', keys.enter], /filter \/Secret API[^█]*$/);
	await step([keys.enter], /chars, changed/);
	t.regex(app.frame(), /· (1 secret|([2-9]|\d\d+) secrets) masked/, 'the diff header counts the masked secrets, in words that agree');
	await step(['i'], 'showing all fields (i hides server-managed ones)');
	await step(['z'], 'fold off');
	await step([keys.pageDown], /row (?!1-)\d+-\d+ of/);
	await step([keys.esc], /Items: staging$/m);
	await step([' ', 'p'], /y applies 1 write/);
	await step([keys.enter], /chars, changed/);
	await step([keys.esc], /y applies 1 write/);
	// Apply from the console (Git's old secrets go live), then undo it from the Progress screen.
	// The finished summary, not a result row: rows stream in while the apply runs, and u waits for the end.
	await step(['y'], /Apply: publish staging[\s\S]*applied \(1 verified\)[\s\S]*u undoes it/);
	await step(['u'], /Plan: undo staging[\s\S]*y applies/);
	await step(['y'], /Apply: undo staging[\s\S]*applied \(1 verified\)[\s\S]*u undoes it/);
	// Back out of both Progress screens to the item list, one screen at a time: a key pressed before the frame of the
	// previous one arrived would go one screen too far on a loaded machine.
	await step([keys.esc], /Apply: publish staging$/m);
	await step([keys.esc], /Items: staging$/m);
	frames.push(await app.waitFor(/›.*Secret API/));
	await step(['b'], /History: [^]*Git revision/);
	await step([keys.enter], /│▶ live staging/);
	const live = await world.request('staging', 'GET', '/api/apis/secret-api');
	t.is(live.api_definition.upstream_auth.basic_auth.password, fresh.password, 'the console applied, then undid');
	t.true(world.journal().some((line) => line.type === 'pre-image'), 'the console writes journaled pre-images');
	const shown = frames.join('\n');
	t.regex(shown, /•+ \(\d+ chars, changed\)/, 'the diff shows that the secrets changed, masked');
	const checks = assertNoLeaks(t, world, [...Object.values(old), ...Object.values(fresh)], {'console frames': shown});
	t.log(`${checks} leak checks over ${frames.length} console frames`);
});
