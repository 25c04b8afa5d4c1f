import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {cliWith, startServer, writeConfigFile} from './helpers.js';

/** What a hostile Dashboard answers to a write: colour codes, a newline and a forged success line, a bidi override. */
const forged = 'denied\u001B[0m\r\n  \u001B[32mapplied and verified\u001B[39m update policy all (all)\u001B]0;pwned\u0007 \u202Eevil\u009B2J';

/** Our own colour codes (SGR with the numbers `painter` uses): anything else starting with ESC is foreign. */
const ours = /\u001B\[(?:1|22|31|32|33|34|35|36|39|90)m/g;

test.serial('CLI output spoofing: under FORCE_COLOR a server message with escape sequences, newlines and a bidi override is printed escaped, on one line, and cannot forge a result line', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 2}}]);
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const entry = index.policies[0];
	const file = join(world.repo, entry.file);
	const body = JSON.parse(readFileSync(file, 'utf8'));
	body.rate = Number(body.rate) + 5;
	writeFileSync(file, JSON.stringify(body, null, 2));
	world.git(['commit', '-q', '-am', 'raise one rate']);

	// Reads go to the emulator; every write is refused with the forged message, as a 401.
	const upstream = world.emulators['staging']!.url;
	const server = await startServer(t, (req, res, requestBody) => {
		if (req.method !== 'GET') {
			res.writeHead(401, {'content-type': 'application/json'});
			res.end(JSON.stringify({Status: 'Error', Message: forged}));
			return;
		}
		void fetch(`${upstream}${req.url}`, {method: req.method, headers: {authorization: String(req.headers['authorization'] ?? '')}, body: requestBody.length > 0 ? requestBody : undefined})
			.then(async (answer) => {
				res.writeHead(answer.status, {'content-type': answer.headers.get('content-type') ?? 'application/json'});
				res.end(Buffer.from(await answer.arrayBuffer()));
			}, () => res.destroy());
	});
	const config = writeConfigFile(world, 'hostile.json', [{name: 'staging', dashboard: server.url}]);
	const colour = {NO_COLOR: '', FORCE_COLOR: '1'};
	const publish = await cliWith(world, config, ['publish', 'staging', '--yes'], colour);
	t.true(server.requests.some((request) => request.method !== 'GET'), 'the write reached the hostile server');
	t.is(publish.code, 1, publish.stderr);
	const both = `${publish.stdout}\n${publish.stderr}`;
	t.regex(both, /\\u001b\[32mapplied and verified/, 'the message is shown, escaped');
	t.regex(both, /\\u202eevil/, 'the bidi override is shown as text');
	const foreign = both.replace(ours, '');
	t.false(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(foreign), JSON.stringify(foreign.match(/.{0,20}[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069].{0,20}/g)));
	for (const line of both.split('\n')) t.false(/^\s*applied and verified/.test(line.replace(ours, '')), `a forged line: ${JSON.stringify(line)}`);
	assertNoSecrets(t, world, [publish.stdout, publish.stderr]);
});
