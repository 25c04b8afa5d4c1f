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
	t.regex(set.invalid[0]!.error, /Swagger 2\.0 import.*not supported/);
});

test('broken files each become an invalid entry naming the file and the reason; good items are intact', async (t) => {
	const set = await fixture('broken');
	t.deepEqual(set.items.map((item) => item.id), ['good-api', 'good-policy']);
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
	t.regex(reasons.get('policy-no-org.json')!, /without org_id/);
	t.regex(reasons.get('policy-bad-rate.json')!, /rate must be a number, found a string/);
	t.truthy(set.invalid.find((entry) => entry.file === '.tyk.json files[12]' && /must be an object/.test(entry.error)));
	t.truthy(set.invalid.find((entry) => entry.file === '.tyk.json policies[3]' && /"file" must be a string/.test(entry.error)));
	t.is(set.invalid.length, 14);
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
	t.deepEqual(await readLayout(new DirectoryStore(root), ''), {items: [], invalid: [], conflicts: []});
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
