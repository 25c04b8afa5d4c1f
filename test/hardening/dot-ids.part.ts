import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {cliWith, parsed, startProxy, writeConfigFile, type SeenRequest} from './helpers.js';

/**
 * Requests whose path a dot-segment ID collapsed on the way out (`/api/apis/oas/..` is sent as `/api/apis`,
 * `/api/apis/oas/../categories` as `/api/apis/categories`): any write, and any read of a collection without the list
 * query (only the assets list has none).
 */
function collapsed(requests: readonly SeenRequest[]): string[] {
	return requests.filter(({method, url}) => {
		const path = url.split('?')[0]!;
		if (method !== 'GET') return true;
		if (/^\/api\/(apis|apis\/oas|portal\/policies)\/?$/.test(path)) return !url.includes('p=');
		return path === '/api/apis/categories' || /\/\.{1,2}(\/|$)/.test(path);
	}).map(({method, url}) => `${method} ${url}`);
}

test.serial('hostile IDs ".", ".." and "....": refused before any request (Git and live), reported invalid, nothing written or deleted', async (t) => {
	const world = await makeWorld(t, [{name: 'staging', emulator: {seed: 4}}]);
	const emulator = world.emulators['staging']!;
	const dumped = await world.cli(['dump', 'staging']);
	t.is(dumped.code, 0, dumped.stderr);

	// In Git: a Tyk OAS API whose ID is "..", and a policy whose ID is ".".
	const index = JSON.parse(readFileSync(join(world.repo, '.tyk.json'), 'utf8'));
	const oasEntry = index.files.find((entry: any) => JSON.parse(readFileSync(join(world.repo, entry.file), 'utf8')).oas);
	const oasFile = JSON.parse(readFileSync(join(world.repo, oasEntry.file), 'utf8'));
	const info = oasFile.oas['x-tyk-api-gateway'].info;
	delete info.dbId;
	Object.assign(info, {id: '..', name: 'dot-dot from git'});
	oasFile.oas['x-tyk-api-gateway'].server.listenPath.value = '/dot-dot-git/';
	writeFileSync(join(world.repo, 'oas-dotdot.json'), JSON.stringify(oasFile, null, 2));
	const policyFile = JSON.parse(readFileSync(join(world.repo, index.policies[0].file), 'utf8'));
	delete policyFile._id;
	Object.assign(policyFile, {id: '.', name: 'dot from git'});
	writeFileSync(join(world.repo, 'policy-dot.json'), JSON.stringify(policyFile, null, 2));
	index.files.push({file: 'oas-dotdot.json'});
	index.policies.push({file: 'policy-dot.json'});
	writeFileSync(join(world.repo, '.tyk.json'), JSON.stringify(index, null, 2));
	world.git(['add', '-A']);
	world.git(['commit', '-q', '-m', 'dot IDs']);

	// Live only: a Classic API "..", a Tyk OAS API "....", a policy "..." (a prune would delete them).
	const classic: any = structuredClone(emulator.store.listApis().find((wrapper) => !wrapper['oas']));
	delete classic.api_definition.id;
	Object.assign(classic.api_definition, {api_id: '..', name: 'dot-dot live', slug: 'dot-dot-live'});
	classic.api_definition.proxy.listen_path = '/dot-dot-live/';
	const oas: any = structuredClone(emulator.store.listApis().find((wrapper) => wrapper['oas']));
	delete oas.api_definition.id;
	Object.assign(oas.api_definition, {api_id: '....', name: 'dots live'});
	delete oas.oas['x-tyk-api-gateway'].info.dbId;
	Object.assign(oas.oas['x-tyk-api-gateway'].info, {id: '....', name: 'dots live'});
	oas.oas['x-tyk-api-gateway'].server.listenPath.value = '/dots-live/';
	emulator.store.importApis([classic, oas]);
	const policy: any = structuredClone(emulator.store.listPolicies()[0]);
	delete policy._id;
	emulator.store.importPolicies([{...policy, id: '...', name: 'dots policy live'}]);
	const before = JSON.stringify(emulator.store.snapshot());

	const proxy = await startProxy(t, emulator.url, () => 'pass');
	const config = writeConfigFile(world, 'proxied.json', [{name: 'staging', dashboard: proxy.url}]);
	const publish = await cliWith(world, config, ['publish', 'staging', '--prune', '--json']);
	const selected = await cliWith(world, config, ['diff', 'staging', '--id', '....', '--json']);
	t.deepEqual(collapsed(proxy.requests), [], 'no request with a collapsed path reached the Dashboard');
	t.is(JSON.stringify(emulator.store.snapshot()), before, 'nothing written, nothing deleted');

	t.is(publish.code, 1, `invalid items exit 1, as any invalid item: ${publish.stdout}${publish.stderr}`);
	const excluded = parsed(publish)?.excluded ?? [];
	for (const [file, id] of [['oas-dotdot.json', '..'], ['policy-dot.json', '.'], ['Dashboard api "...." ("dots live")', '....'], ['Dashboard api ".." ("dot-dot live")', '..'], ['Dashboard policy "..." ("dots policy live")', '...']]) {
		const entry = excluded.find((candidate: any) => candidate.file === file);
		t.is(entry?.status, 'invalid', `${file} is reported invalid: ${JSON.stringify(excluded)}`);
		t.true(String(entry?.error).startsWith(`the ID ${JSON.stringify(id)} is only dots`), entry?.error);
	}
	t.deepEqual(parsed(publish)?.results ?? [], [], 'nothing planned for them');
	t.is(selected.code, 1, selected.stdout + selected.stderr);
	t.true(parsed(selected)?.items?.some((item: any) => item.id === '....' && item.status === 'invalid'), selected.stdout);
	assertNoSecrets(t, world, [publish.stdout, publish.stderr, selected.stdout, selected.stderr]);
});
