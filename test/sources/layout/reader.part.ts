import test from 'ava';
import {join} from 'node:path';
import {mkdirSync, writeFileSync} from 'node:fs';
import type {ItemSet} from '../../../source/core/item.js';
import {isJsonObject, type JsonObject} from '../../../source/core/json.js';
import {DirectoryStore} from '../../../source/sources/layout/dir-store.js';
import {LayoutError, LayoutMissingError} from '../../../source/sources/layout/errors.js';
import {readLayout} from '../../../source/sources/layout/reader.js';
import {fixturesRoot, tempDir} from '../git/_helpers.js';

async function fixture(name: string): Promise<ItemSet> {
	return readLayout(new DirectoryStore(join(fixturesRoot, name)), '');
}

function obj(value: unknown): JsonObject {
	if (!isJsonObject(value as never)) throw new Error('not an object');
	return value as JsonObject;
}

test('a tyk-sync 1.5 dump: Classic, OAS, policies (id and _id fallback) and templates, in index order', async (t) => {
	const set = await fixture('tyk-sync-1.5');
	t.deepEqual(set.invalid, []);
	t.deepEqual(set.conflicts, []);
	t.deepEqual(
		set.items.map((item) => [item.kind, item.flavor, item.id, item.name, item.file, item.dbId]),
		[
			['api', 'classic', 'b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a', 'Payments #finance #v2', 'api-b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a.json', '5e9d9544a1dcd60001d0ed21'],
			['api', 'classic', '0c7d0f47c25c4a8f6b0e9a1d2c3b4a59', 'Basic Auth', 'api-0c7d0f47c25c4a8f6b0e9a1d2c3b4a59.json', '5e9d9544a1dcd60001d0ed23'],
			['api', 'oas', '7c1e4b2a90f34d6b8a3e5f1c2d4b6a8e', 'Orders', 'oas-7c1e4b2a90f34d6b8a3e5f1c2d4b6a8e.json', '5e9d9544a1dcd60001d0ed22'],
			['policy', undefined, 'gold-tier', 'Gold', 'policy-5ead7120575961000181867e.json', '5ead7120575961000181867e'],
			['policy', undefined, '5ead7120575961000181867f', 'Legacy no portable id', 'policy-5ead7120575961000181867f.json', '5ead7120575961000181867f'],
			['template', undefined, 'my-unique-template-id', 'my-template', 'asset-my-unique-template-id.json', '664d86e35715ec0d370bbe11'],
		],
	);
	const [payments, basic, orders] = set.items;
	t.deepEqual(payments!.categories, ['finance', 'v2']);
	t.deepEqual(orders!.categories, ['retail', 'v1']);
	// Envelope siblings are kept as they are (null owners included), and the escaped `\u003c` reads back as `<`.
	t.is(basic!.body['user_group_owners'], null);
	t.is(basic!.body['sort_by'], 3);
	t.is(obj(payments!.body['api_definition'])['description'], 'Routes <payments> & refunds');
	t.false('api_definition' in orders!.body);
});

test('the legacy 1.2–1.4 layout reads OAS from "oas" and ignores its api_definition; "oas": null stays Classic', async (t) => {
	const set = await fixture('legacy-1.4');
	t.deepEqual(set.invalid, []);
	const [inventory, classic, policy] = set.items;
	t.is(inventory!.flavor, 'oas');
	t.is(inventory!.name, 'Inventory');
	t.false('api_definition' in inventory!.body);
	t.is(classic!.flavor, 'classic');
	t.is(classic!.name, 'Classic Next Door');
	t.false('oas' in classic!.body);
	t.is(policy!.id, '62a0eac392faf50001395814');
});

test('bare Classic definitions (tyk-sync 1.0/1.1) are wrapped into the envelope shape', async (t) => {
	const set = await fixture('bare-1.0');
	t.deepEqual(set.invalid, []);
	const [api, policy] = set.items;
	t.is(api!.flavor, 'classic');
	t.is(api!.id, '3d5df1b8307a4ca2777f1ae009031c10');
	t.deepEqual(Object.keys(api!.body), ['api_definition']);
	t.is(obj(api!.body['api_definition'])['name'], 'Bare Keyless');
	t.is(policy!.id, 'bare-policy');
});

test('hand-written index: sub-folders, ./ paths, every override, unknown keys and empty file entries', async (t) => {
	const set = await fixture('hand-written');
	t.deepEqual(set.invalid, []);
	const [payments, orders, gold, base] = set.items;
	t.is(set.items.length, 4);
	t.is(payments!.id, 'payments-v1');
	t.is(payments!.dbId, '5f00000000000000000000aa');
	t.is(payments!.file, 'apis/payments.json');
	const def = obj(payments!.body['api_definition']);
	t.is(def['api_id'], 'payments-v1');
	t.is(def['org_id'], '5f0000000000000000000001');
	t.is(orders!.id, 'orders-v1');
	t.is(orders!.dbId, '5f00000000000000000000bb');
	t.is(orders!.file, './apis/oas/orders.json');
	const info = obj(obj(obj(orders!.body['oas'])['x-tyk-api-gateway'])['info']);
	t.deepEqual([info['id'], info['dbId'], info['orgId']], ['orders-v1', '5f00000000000000000000bb', '5f0000000000000000000001']);
	t.is(gold!.id, 'gold-tier');
	t.is(gold!.body['id'], 'gold-tier');
	t.is(base!.id, 'base-template');
	t.is(base!.kind, 'template');
});

test('type "oas" (Swagger 2.0 import) marks each API file unsupported instead of misreading it; policies still load', async (t) => {
	const set = await fixture('swagger-import');
	t.is(set.items.length, 1);
	t.is(set.items[0]!.id, 'swagger-policy');
	t.is(set.invalid.length, 1);
	t.is(set.invalid[0]!.file, 'petstore.json');
	t.regex(set.invalid[0]!.error, /lists Swagger 2\.0 documents for tyk-sync to convert, which tyk-console does not do; import the file/);
});

test('broken files each become an invalid entry naming the file and the reason; good items are intact', async (t) => {
	const set = await fixture('broken');
	t.deepEqual(set.items.map((item) => item.id), ['good-api', 'good-policy', 'orgless']);
	const reasons = new Map(set.invalid.map((entry) => [entry.file, entry.error]));
	t.regex(reasons.get('missing.json')!, /not found/);
	t.regex(reasons.get('not-json.json')!, /not valid JSON: .* at line 4, column 3/);
	t.regex(reasons.get('array.json')!, /expected a JSON object, found an array/);
	t.regex(reasons.get('wrong-def.json')!, /api_definition must be an object, found a string/);
	t.regex(reasons.get('bad-owner.json')!, /user_owners\[0\] must be empty or 24 hex/);
	t.regex(reasons.get('no-id.json')!, /without an ID/);
	t.regex(reasons.get('../outside.json')!, /outside the layout directory/);
	t.regex(reasons.get('/etc/passwd')!, /outside the layout directory/);
	t.regex(reasons.get('oas-string.json')!, /"oas" must be an object/);
	t.regex(reasons.get('good-api.json')!, /db_id.*24 hex/);
	// Read, since a publish stamps the target's organisation, with a note that tyk-sync 1.5 would refuse it.
	t.false(reasons.has('policy-no-org.json'));
	t.truthy(set.notes?.find((note) => note.startsWith('policy-no-org.json: policy without org_id (tyk-sync 1.5 refuses')));
	t.regex(reasons.get('policy-bad-rate.json')!, /rate must be a number, found a string/);
	t.truthy(set.invalid.find((entry) => entry.file === '.tyk.json files[12]' && /must be an object/.test(entry.error)));
	t.truthy(set.invalid.find((entry) => entry.file === '.tyk.json policies[3]' && /"file" must be a string/.test(entry.error)));
	t.is(set.invalid.length, 13);
	// Where the file still says which item it meant to be, the invalid entry carries that identity.
	const byFile = new Map(set.invalid.map((entry) => [entry.file, entry]));
	t.like(byFile.get('bad-owner.json'), {kind: 'api', flavor: 'classic', id: 'bad-owner'});
	t.like(byFile.get('policy-bad-rate.json'), {kind: 'policy', id: 'bad-rate'});
	t.is(byFile.get('not-json.json')!.id, undefined);
	t.is(byFile.get('oas-string.json')!.id, undefined);
	t.is(set.conflicts.length, 1);
	t.deepEqual(set.conflicts[0]!.files, ['dup-a.json', 'dup-b.json']);
	t.is(set.conflicts[0]!.id, 'dup');
	t.is(set.conflicts[0]!.items.length, 2);
});

test('a missing .tyk.json is a LayoutMissingError naming the path; a broken one a LayoutError', async (t) => {
	const root = tempDir(t);
	const missing = await t.throwsAsync(readLayout(new DirectoryStore(root), 'tyk'), {instanceOf: LayoutMissingError});
	t.true(missing.message.includes('tyk/.tyk.json'));
	mkdirSync(join(root, 'tyk'));
	writeFileSync(join(root, 'tyk', '.tyk.json'), '{"type": "apidef",\n "files": [}');
	const broken = await t.throwsAsync(readLayout(new DirectoryStore(root), 'tyk'));
	t.true(broken instanceof LayoutError && !(broken instanceof LayoutMissingError));
	t.is((broken as LayoutError).path, 'tyk/.tyk.json');
	t.regex(broken.message, /tyk\/\.tyk\.json.*line 2, column 12/);
	for (const [text, reason] of [
		['[]', /must hold a JSON object/],
		['{"files": []}', /"type" must be "apidef" or "oas", found null/],
		['{"type": "swagger"}', /found "swagger"/],
		['{"type": "apidef", "files": {}}', /"files" must be an array/],
	] as const) {
		writeFileSync(join(root, 'tyk', '.tyk.json'), text);
		const error = await t.throwsAsync(readLayout(new DirectoryStore(root), 'tyk'), {instanceOf: LayoutError});
		t.regex(error.message, reason);
	}
});

test('an index with no entries reads as an empty set; deep nesting and huge files do not crash', async (t) => {
	const root = tempDir(t);
	writeFileSync(join(root, '.tyk.json'), '{"type": "apidef"}');
	const empty = await readLayout(new DirectoryStore(root), '');
	t.deepEqual({...empty, notes: undefined}, {items: [], invalid: [], conflicts: [], notes: undefined});
	t.regex(empty.notes![0]!, /^\.tyk\.json lists no files, so the layout is empty/);
	const deep = `{"api_definition": {"api_id": "deep", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
	const big = {api_definition: {api_id: 'big', name: 'Big', blob: 'x'.repeat(20_000_000)}};
	writeFileSync(join(root, 'deep.json'), deep);
	writeFileSync(join(root, 'big.json'), JSON.stringify(big));
	writeFileSync(join(root, 'unterminated.json'), '['.repeat(50_000));
	writeFileSync(join(root, '.tyk.json'), JSON.stringify({type: 'apidef', files: [{file: 'deep.json'}, {file: 'big.json'}, {file: 'unterminated.json'}]}));
	const set = await readLayout(new DirectoryStore(root), '');
	t.deepEqual(set.items.map((item) => item.id), ['big']);
	t.regex(set.invalid[0]!.error, /nested deeper than/);
	t.regex(set.invalid[1]!.error, /not valid JSON: unexpected end of input, expected a value at line 1, column 50001/);
});

test('tyk-sync 1.2–1.4 files: a Classic API beside an empty "oas" placeholder is Classic; a file listed twice is one item', async (t) => {
	const set = await fixture('tyk-sync-1.3');
	t.deepEqual(set.invalid, []);
	t.deepEqual(set.conflicts, []);
	t.deepEqual(set.items.map((item) => [item.kind, item.flavor, item.id, item.name]), [
		['api', 'classic', '6ffbf80f36f24ea55b77eb8ac2343001', 'Weather'],
		['api', 'classic', '8c75218bdd0c40534727e7b93b6c3002', 'Httpbin #demo'],
		['api', 'oas', 'b0c1d2e3f4a5b6c7d8e9f0a1b2c3d004', 'Pets OAS'],
		['policy', undefined, '651fe49adf250300017ae579', 'Weather plan'],
		['template', undefined, '5824253ac28845b882eda8d33ab2efb9', 'Pets template'],
	]);
	// The placeholder is gone from the Classic body (a dump writes the 1.5 shape); the legacy OAS file keeps its document.
	t.false('oas' in set.items[0]!.body);
	t.deepEqual(set.items[1]!.categories, ['demo']);
	t.false('api_definition' in set.items[2]!.body);
	t.deepEqual(set.notes, [
		'api-6ffbf80f36f24ea55b77eb8ac2343001.json is listed 2 times in .tyk.json (files[0], files[3]); read as one item',
		"asset-5824253ac28845b882eda8d33ab2efb9.json: API template without org_id (tyk-sync 1.5 refuses to load it); tyk-console publishes it with the target's organisation",
	]);
});

test('an empty "oas" placeholder without a Classic definition, or of an OAS API, is refused saying what to do', async (t) => {
	const root = tempDir(t);
	writeFileSync(join(root, 'stub.json'), JSON.stringify({oas: {openapi: '', info: {title: ''}}}));
	writeFileSync(join(root, 'oas-stub.json'), JSON.stringify({api_definition: {api_id: 'x', is_oas: true}, oas: {openapi: ''}}));
	writeFileSync(join(root, '.tyk.json'), JSON.stringify({type: 'apidef', files: [{file: 'stub.json'}, {file: 'oas-stub.json'}]}));
	const set = await readLayout(new DirectoryStore(root), '');
	t.is(set.items.length, 0);
	for (const entry of set.invalid) t.regex(entry.error, /empty placeholder .* put its Tyk OAS document under "oas"/);
});

test('bare Tyk OAS documents are OAS APIs kept bare; other shapes get one sentence saying what they are and what to do', async (t) => {
	const set = await fixture('bare-oas');
	t.deepEqual(set.items.map((item) => [item.flavor, item.id, item.name, item.shape]), [
		['oas', 'c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8', 'Notifications', 'bare'],
		['classic', 'keyless', 'Keyless', 'bare'],
	]);
	t.false('x-tyk-api-gateway' in set.items[0]!.body);
	const byFile = new Map(set.invalid.map((entry) => [entry.file, entry]));
	t.like(byFile.get('./data/petstore-plain.json'), {kind: 'api', flavor: 'oas'});
	t.regex(byFile.get('./data/petstore-plain.json')!.error, /an OpenAPI document without "x-tyk-api-gateway", so not a Tyk API definition; add/);
	t.is(byFile.get('./data/url-rewrite.json')!.flavor, undefined);
	t.regex(byFile.get('./data/url-rewrite.json')!.error, /neither a Tyk OAS API nor a Classic API definition; wrap/);
	t.regex(byFile.get('./data/policies.json')!.error, /^a Gateway policies\.json \(a map of 2 policies by ID\), not one Dashboard policy; .*split it/);
	t.is(set.invalid.length, 3);
});

test('a .tyk.json of type "oas" says whether a listed file is a Tyk definition (set "apidef") or Swagger; an empty one names unlisted files', async (t) => {
	const root = tempDir(t);
	mkdirSync(join(root, 'apps'));
	writeFileSync(join(root, 'apps', 'httpbin.json'), JSON.stringify({openapi: '3.0.0', info: {title: 'HTTPBin'}, 'x-tyk-api-gateway': {info: {name: 'httpbin'}}}));
	writeFileSync(join(root, '.tyk.json'), JSON.stringify({type: 'oas'}));
	const empty = await readLayout(new DirectoryStore(root), '');
	t.deepEqual(empty.items, []);
	t.regex(empty.notes![0]!, /lists no files.*1 JSON file\(s\) beside it are not listed \(apps\/httpbin\.json\).*"type" is "oas", which tyk-sync reads as Swagger 2\.0 imports; Tyk API definitions need "type": "apidef"/);
	writeFileSync(join(root, '.tyk.json'), JSON.stringify({type: 'oas', files: [{file: 'apps/httpbin.json'}]}));
	const listed = await readLayout(new DirectoryStore(root), '');
	t.regex(listed.invalid[0]!.error, /^a Tyk API definition listed in a \.tyk\.json of "type": "oas".*set "type": "apidef"/);
});

test('two different files claiming one ID stay a conflict, and one file listed with different overrides is two items', async (t) => {
	const root = tempDir(t);
	const api = (id: string) => JSON.stringify({api_definition: {api_id: id, name: id, proxy: {listen_path: `/${id}/`}}});
	writeFileSync(join(root, 'a.json'), api('same'));
	writeFileSync(join(root, 'b.json'), api('same'));
	writeFileSync(join(root, 'c.json'), api('c'));
	writeFileSync(join(root, '.tyk.json'), JSON.stringify({type: 'apidef', files: [{file: 'a.json'}, {file: 'b.json'}, {file: 'c.json'}, {file: 'c.json', api_id: 'c2'}]}));
	const set = await readLayout(new DirectoryStore(root), '');
	t.deepEqual(set.conflicts.map((conflict) => conflict.files), [['a.json', 'b.json']]);
	t.deepEqual(set.items.map((item) => item.id), ['c', 'c2']);
	t.is(set.notes, undefined);
	// An override set to null is no override: that entry repeats the plain one.
	writeFileSync(join(root, '.tyk.json'), JSON.stringify({type: 'apidef', files: [{file: 'c.json'}, {file: 'c.json', api_id: null, org_id: null}]}));
	const repeated = await readLayout(new DirectoryStore(root), '');
	t.deepEqual(repeated.items.map((item) => item.id), ['c']);
	t.deepEqual(repeated.notes, ['c.json is listed 2 times in .tyk.json (files[0], files[1]); read as one item']);
});
