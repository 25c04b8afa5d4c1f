import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {cliWith, parsed, startProxy, writeConfigFile} from './helpers.js';

/** Every string value of a body with 8+ characters, except the ones the output names the item by. */
function contents(value: unknown, key = '', found = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const entry of value) contents(entry, key, found);
	else if (typeof value === 'object' && value !== null) for (const [name, entry] of Object.entries(value)) contents(entry, name, found);
	else if (typeof value === 'string' && value.length >= 8 && !['id', 'api_id', 'name'].includes(key)) found.add(value);
	return found;
}

test.serial('echoed definition: a validation error that echoes the written definition is cut to 300 characters and scrubbed of its values before stdout, stderr, --verbose logs, --json and the audit log', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const entry = index.files.find((candidate: {file: string}) => 'api_definition' in JSON.parse(readFileSync(join(world.repo, candidate.file), 'utf8')));
	const file = join(world.repo, entry.file);
	const body = JSON.parse(readFileSync(file, 'utf8'));
	// The first values the echo carries: a moved upstream with a token in its query and a long description.
	body.api_definition = {
		target_note: 'internal-upstream-notes: only for the platform team',
		...body.api_definition,
		proxy: {...body.api_definition.proxy, target_url: 'http://billing-upstream.internal:7000/v2?token=private-token-123'},
	};
	writeFileSync(file, JSON.stringify(body, null, 2));
	world.git(['commit', '-q', '-am', 'move the billing upstream']);
	const values = [...contents(body)];
	t.true(values.length > 5);

	const proxy = await startProxy(t, world.emulators['staging']!.url, (request) => (request.method === 'GET' ? 'pass' : 'echo-400'));
	const config = writeConfigFile(world, 'echoing.json', [{name: 'staging', dashboard: proxy.url}]);
	const text = await cliWith(world, config, ['publish', 'staging', '--yes', '--verbose']);
	const json = await cliWith(world, config, ['publish', 'staging', '--yes', '--json']);
	t.true(proxy.requests.some((request) => request.mode === 'echo-400' && request.body.includes('billing-upstream')), 'the echoing Dashboard got the definition');
	t.is(text.code, 1, text.stderr);
	t.is(json.code, 1, json.stderr);
	const audit = readFileSync(join(world.stateDir, 'audit.jsonl'), 'utf8');
	const outputs = {textStdout: text.stdout, textStderr: text.stderr, jsonStdout: json.stdout, jsonStderr: json.stderr, audit};
	for (const [where, output] of Object.entries(outputs)) {
		const leaked = values.filter((value) => output.includes(value) || output.includes(JSON.stringify(value).slice(1, -1)));
		t.deepEqual(leaked, [], `definition values in ${where}`);
	}
	const errors = (parsed(json)?.results ?? []).filter((result: any) => result.status === 'failed').map((result: any) => String(result.error));
	t.true(errors.length > 0);
	for (const error of errors) {
		t.regex(error, /invalid definition: .*… \(\d+ characters more\)/, error);
		t.true(error.length < 600, `bounded: ${error.length} characters`);
	}
	t.regex(text.stdout, /failed update api .*invalid definition: .*characters more/);
	assertNoSecrets(t, world, Object.values(outputs));
});
