import test from 'ava';
import path from 'node:path';
import {ConfigError, findConfigFile, loadConfig} from '../../source/config/index.js';
import {makeWorld, minimalYaml} from './fixture.js';

const named = (name: string): string => minimalYaml.replace('staging', name);

test('--config wins over every other location', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', named('fromcwd'));
	const explicit = world.write('elsewhere/mine.yaml', named('explicit'));
	const config = loadConfig({configPath: 'elsewhere/mine.yaml', cwd: world.cwd, env: {...world.env, TYK_CONSOLE_CONFIG: explicit}});
	t.is(config.file, explicit);
	t.deepEqual(config.environments.map((e) => e.name), ['explicit']);
});

test('$TYK_CONSOLE_CONFIG comes before ./tyk-console.yaml', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', named('fromcwd'));
	const fromEnv = world.write('env/config.yaml', named('fromenv'));
	const found = findConfigFile({cwd: world.cwd, env: {...world.env, TYK_CONSOLE_CONFIG: fromEnv}});
	t.deepEqual(found, {file: fromEnv, origin: 'TYK_CONSOLE_CONFIG'});
});

test('./tyk-console.yaml comes before ./tyk-console.json, which comes before the user config', (t) => {
	const world = makeWorld(t);
	const user = path.join(world.home, '.config', 'tyk-console', 'config.yaml');
	world.write(user, named('user'));
	t.is(findConfigFile({cwd: world.cwd, env: world.env})?.file, user);
	const json = world.write('tyk-console.json', JSON.stringify({environments: [{name: 'json', dashboard: 'http://x', secretEnv: 'K'}]}));
	t.is(findConfigFile({cwd: world.cwd, env: world.env})?.file, json);
	const yaml = world.write('tyk-console.yaml', named('yaml'));
	t.is(findConfigFile({cwd: world.cwd, env: world.env})?.file, yaml);
	t.deepEqual(loadConfig({cwd: world.cwd, env: world.env}).environments.map((e) => e.name), ['yaml']);
});

test('the user config directory respects XDG_CONFIG_HOME', (t) => {
	const world = makeWorld(t);
	world.write(path.join(world.home, '.config', 'tyk-console', 'config.yaml'), named('dotconfig'));
	const xdg = path.join(world.root, 'xdg');
	world.write(path.join(xdg, 'tyk-console', 'config.yaml'), named('xdg'));
	const config = loadConfig({cwd: world.cwd, env: {...world.env, XDG_CONFIG_HOME: xdg}});
	t.deepEqual(config.environments.map((e) => e.name), ['xdg']);
});

test('a named file that does not exist is an error, not a fall-through', (t) => {
	const world = makeWorld(t);
	world.write('tyk-console.yaml', minimalYaml);
	const viaFlag = t.throws(() => loadConfig({configPath: 'missing.yaml', cwd: world.cwd, env: world.env}), {instanceOf: ConfigError});
	t.regex(viaFlag.message, /^--config: config file not found: .*missing\.yaml$/);
	const viaEnv = t.throws(() => loadConfig({cwd: world.cwd, env: {...world.env, TYK_CONSOLE_CONFIG: '/nonexistent/c.yaml'}}), {instanceOf: ConfigError});
	t.regex(viaEnv.message, /TYK_CONSOLE_CONFIG: config file not found: \/nonexistent\/c\.yaml/);
});

test('no configuration anywhere says where it looked and what to do', (t) => {
	const world = makeWorld(t);
	const error = t.throws(() => loadConfig({cwd: world.cwd, env: world.env}), {instanceOf: ConfigError});
	t.true(error.message.startsWith('no configuration found'));
	t.true(error.message.includes(path.join(world.cwd, 'tyk-console.yaml')));
	t.true(error.message.includes('--dashboard URL --secret-env VAR'));
});
