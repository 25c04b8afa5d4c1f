import test from 'ava';
import {makeItem, type ItemSet} from '../../../source/core/item.js';
import type {FileStore} from '../../../source/sources/layout/file-store.js';
import {commandWords, overlayFile, OverlayError, readOverlay} from '../../../source/sources/overlay/read.js';
import {resolveOverlaySecrets} from '../../../source/sources/overlay/secrets.js';

const apiId = '4f1c0a9b8d7e6f5a4b3c2d1e0f9a8b7c';
const set: ItemSet = {
	items: [
		makeItem('api', {api_definition: {api_id: apiId, name: 'Payments', proxy: {target_url: 'https://payments.staging.internal/'}, upstream_auth: {basic_auth: {username: 'svc'}}}}),
		makeItem('policy', {id: 'gold', name: 'Gold', rate: 1000, per: 60}),
	],
	invalid: [], conflicts: [],
};

function store(files: Record<string, string>): FileStore {
	return {describe: () => 'memory', list: async () => Object.keys(files), read: async (path) => (path in files ? Buffer.from(files[path]!) : undefined)};
}

const good = `replace:
  - {from: staging.internal, to: prod.internal}
set:
  api/${apiId}:
    api_definition.proxy.target_url: https://payments.prod.internal/
  policy/gold:
    rate: 200
secrets:
  api/${apiId}:
    api_definition.upstream_auth.basic_auth.password: {env: PAYMENTS_PROD_PASSWORD}
`;

test('an overlay is read beside the layout at the same ref, with its fields by item', async (t) => {
	t.is(overlayFile('tyk', 'prod'), 'tyk/.tyk-console/overlays/prod.yaml');
	const overlay = await readOverlay(store({'tyk/.tyk-console/overlays/prod.yaml': good}), 'tyk', 'prod', set);
	t.deepEqual(overlay?.replace, [{from: 'staging.internal', to: 'prod.internal'}]);
	t.deepEqual(overlay?.set.get('policy:gold')?.map((f) => [f.text, f.value]), [['rate', 200]]);
	t.deepEqual(overlay?.secrets.get(`api:${apiId}`)?.map((f) => f.source), [{type: 'env', variable: 'PAYMENTS_PROD_PASSWORD'}]);
	t.is(await readOverlay(store({}), 'tyk', 'prod', set), undefined);
});

test('a bad overlay names file, line and key path of every problem at once', async (t) => {
	const text = `set:
  api/nope:
    rate: 1
  policy/gold:
    rat: 2
    rate: 3
  widget/x:
    a: 1
secrets:
  policy/gold:
    per: {vault: x}
replase: []
`;
	const error = await t.throwsAsync(readOverlay(store({'.tyk-console/overlays/prod.yaml': text}), '', 'prod', set), {instanceOf: OverlayError});
	const file = '.tyk-console/overlays/prod.yaml';
	t.deepEqual(error?.problems, [
		`${file}:7: set[widget/x]: must name an item as kind/id (api, policy, template), e.g. api/4f1c0a or policy/gold`,
		`${file}:11: secrets[policy/gold][per]: must be {env: VARIABLE} or {command: "program args"}`,
		`${file}:12: replase: unknown key (did you mean "replace"?)`,
	]);
	const second = await t.throwsAsync(readOverlay(store({[file]: text.replace(/ {2}widget[^]*$/, '')}), '', 'prod', set), {instanceOf: OverlayError});
	t.deepEqual(second?.problems, [
		`${file}:2: set[api/nope]: unknown item: the layout has no api nope`,
		`${file}:5: set[policy/gold][rat]: the item has no such field (a path as diff --json prints it)`,
	]);
});

test('overlay secrets: from a variable or a command run without a shell; an unset source is a problem by path, never a value', async (t) => {
	const text = good.replace('{env: PAYMENTS_PROD_PASSWORD}', '{command: "node -e \'console.log(process.argv[1])\' s3cr3t;echo"}');
	const overlay = (await readOverlay(store({'.tyk-console/overlays/prod.yaml': text}), '', 'prod', set))!;
	const resolved = await resolveOverlaySecrets(overlay, {cwd: process.cwd(), env: process.env});
	// No shell: `;echo` is part of the argument, not a second command.
	t.deepEqual(resolved.values.get(`api:${apiId}`)?.map((v) => v.value), ['s3cr3t;echo']);
	const unset = (await readOverlay(store({'.tyk-console/overlays/prod.yaml': good}), '', 'prod', set))!;
	const missing = await resolveOverlaySecrets(unset, {cwd: process.cwd(), env: {}});
	t.deepEqual(missing.problems, [{
		key: `api:${apiId}`, kind: 'api', id: apiId, path: 'api_definition.upstream_auth.basic_auth.password',
		reason: 'secret from .tyk-console/overlays/prod.yaml: environment variable PAYMENTS_PROD_PASSWORD is not set',
	}]);
	t.deepEqual(commandWords(`vault read -field=pw "a b" 'c'`), ['vault', 'read', '-field=pw', 'a b', 'c']);
	t.is(commandWords('open "quote'), undefined);
});
