import test from 'ava';
import {loadConfig, resolveSecret, SecretError, type EnvironmentConfig} from '../../source/config/index.js';
import {makeWorld, type World} from './fixture.js';

const key = 'sk-9f8e7d6c5b4a39281706f5e4d3c2b1a0';

function environment(world: World, secret: string): EnvironmentConfig {
	world.write('tyk-console.yaml', `environments:\n  - name: prod\n    dashboard: http://127.0.0.1:1\n    ${secret}\n`);
	return loadConfig({cwd: world.cwd, env: world.env}).environments[0]!;
}

async function failure(promise: Promise<string>): Promise<SecretError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof SecretError) return error;
		throw error;
	}
	throw new Error('expected a SecretError');
}

test('secretEnv reads the variable, trimmed', async (t) => {
	const world = makeWorld(t);
	const env = environment(world, 'secretEnv: TYK_PROD_KEY');
	t.is(await resolveSecret(env, {env: {TYK_PROD_KEY: ` ${key}\n`}}), key);
});

test('a missing variable names the variable and the environment', async (t) => {
	const world = makeWorld(t);
	const env = environment(world, 'secretEnv: TYK_PROD_KEY');
	const error = await failure(resolveSecret(env, {env: {}}));
	t.is(error.message, 'environment "prod": the Dashboard key variable TYK_PROD_KEY is not set (secretEnv); export it and run again');
	t.is(error.environment, 'prod');
	const empty = await failure(resolveSecret(env, {env: {TYK_PROD_KEY: '  '}}));
	t.is(empty.message, 'environment "prod": the Dashboard key variable TYK_PROD_KEY is empty (secretEnv)');
});

test('secretCommand prints the key: its first line, trimmed, run in the config directory', async (t) => {
	const world = makeWorld(t);
	world.write('key.txt', `${key}\nuser: someone\n`);
	const env = environment(world, 'secretCommand: cat key.txt');
	t.is(await resolveSecret(env, {env: world.env}), key);
});

test('secretCommand sees the given environment and a value from it', async (t) => {
	const world = makeWorld(t);
	const env = environment(world, 'secretCommand: printf "%s" "$VAULT_VALUE"');
	t.is(await resolveSecret(env, {env: {...world.env, VAULT_VALUE: key}}), key);
});

test('a failing command names the environment and the command, never its output', async (t) => {
	const world = makeWorld(t);
	const env = environment(world, `secretCommand: "echo ${key}; echo ${key} >&2; exit 3"`);
	const error = await failure(resolveSecret(env, {env: world.env}));
	t.is(error.message, `environment "prod": secretCommand failed (exit code 3): echo ${key}; echo ${key} >&2; exit 3`);
	// The command text is the user's own config; what it printed must not leak.
	t.is(error.message.split(key).length - 1, 2);
	t.false(error.stack?.includes('\n' + key) ?? false);
});

test('a command that prints nothing, one that hangs, one that cannot start', async (t) => {
	const world = makeWorld(t);
	const silent = await failure(resolveSecret(environment(world, 'secretCommand: "true"'), {env: world.env}));
	t.is(silent.message, 'environment "prod": secretCommand printed nothing on stdout: true');
	const hung = await failure(resolveSecret(environment(world, 'secretCommand: "sleep 30"'), {env: world.env, timeoutMs: 200}));
	t.is(hung.message, 'environment "prod": secretCommand timed out after 200 ms: sleep 30');
	const missing = await failure(resolveSecret(environment(world, 'secretCommand: "no-such-vault-tool-xyz get prod"'), {env: world.env}));
	t.is(missing.message, 'environment "prod": secretCommand failed (exit code 127): no-such-vault-tool-xyz get prod');
});

test('a success is cached per environment; a failure is retried after the user fixes it', async (t) => {
	const world = makeWorld(t);
	const env = environment(world, 'secretEnv: TYK_PROD_KEY');
	await failure(resolveSecret(env, {env: {}}));
	t.is(await resolveSecret(env, {env: {TYK_PROD_KEY: key}}), key);
	t.is(await resolveSecret(env, {env: {TYK_PROD_KEY: 'other'}}), key);
});

test('the resolved configuration never holds the key', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', 'environments: [{name: prod, dashboard: "http://a", secretEnv: TYK_PROD_KEY}]\n');
	const config = loadConfig({cwd: world.cwd, env: {...world.env, TYK_PROD_KEY: key}});
	t.false(JSON.stringify(config).includes(key));
});
