import test from 'ava';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {makeItem, type Item} from '../../../source/core/item.js';
import {DirectoryStore} from '../../../source/sources/layout/dir-store.js';
import {writeLayoutToDirectory} from '../../../source/sources/layout/dir-writer.js';
import {readLayout} from '../../../source/sources/layout/reader.js';
import {LayoutWriteError} from '../../../source/sources/layout/write-body.js';
import {layoutFileChanges, planLayoutWrite} from '../../../source/sources/layout/writer.js';
import {fixturesRoot, tempDir} from '../git/_helpers.js';
import {tykSyncLoad} from './_tyk-sync-check.js';

const org = '5e9d9544a1dcd60001d0ed20';

function comparable(items: readonly Item[]): unknown[] {
	return items.map(({kind, flavor, id, name, categories, body, dbId}) => ({kind, flavor, id, name, categories, body, dbId}));
}

function fixtureText(name: string, file: string): string {
	return readFileSync(join(fixturesRoot, name, file), 'utf8');
}

test('a fresh dump: tyk-sync names, index in dump style, and tyk-sync 1.5 loads it', async (t) => {
	const set = await readLayout(new DirectoryStore(join(fixturesRoot, 'tyk-sync-1.5')), '');
	// Reverse the input: the index must still list Classic before OAS, as tyk-sync's dump does.
	const plan = planLayoutWrite(undefined, [...set.items].reverse());
	t.deepEqual(plan.removed, []);
	t.deepEqual(JSON.parse(plan.index), {
		type: 'apidef',
		files: [
			{file: 'api-0c7d0f47c25c4a8f6b0e9a1d2c3b4a59.json', oas: {}},
			{file: 'api-b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a.json', oas: {}},
			{file: 'oas-7c1e4b2a90f34d6b8a3e5f1c2d4b6a8e.json', oas: {}},
		],
		policies: [{file: 'policy-5ead7120575961000181867f.json'}, {file: 'policy-gold-tier.json'}],
		assets: [{file: 'asset-my-unique-template-id.json'}],
	});
	const loaded = tykSyncLoad(layoutFileChanges(plan));
	t.deepEqual(loaded.apis.map((api) => api.oas), [false, false, true]);
	t.deepEqual(loaded.policies, ['5ead7120575961000181867f', 'gold-tier']);
	t.deepEqual(loaded.assets, ['my-unique-template-id']);
	// Bytes as tyk-sync writes them.
	const payments = plan.files.get('api-b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a.json')!;
	t.is(payments, fixtureText('tyk-sync-1.5', 'api-b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a.json'));
	t.true(payments.includes('Routes \\u003cpayments\\u003e \\u0026 refunds'));
});

test('read → write → read is identity on items, and writing twice changes nothing', async (t) => {
	for (const name of ['tyk-sync-1.5', 'legacy-1.4', 'bare-1.0', 'hand-written']) {
		const source = join(fixturesRoot, name);
		const first = await readLayout(new DirectoryStore(source), '');
		const indexText = fixtureText(name, '.tyk.json');
		const plan = planLayoutWrite(indexText, first.items);
		const out = tempDir(t);
		await writeLayoutToDirectory(out, '', layoutFileChanges(plan));
		const second = await readLayout(new DirectoryStore(out), '');
		t.deepEqual(second.invalid, [], name);
		// The one intended change: a policy with an empty `id` gets its `_id` as id, which tyk-sync requires.
		const expected = comparable(first.items).map((item) => {
			const entry = item as {kind: string; id: string; body: Record<string, unknown>};
			return entry.kind === 'policy' && entry.body['id'] === '' ? {...entry, body: {...entry.body, id: entry.id}} : item;
		});
		t.deepEqual(comparable(second.items), expected, name);
		t.deepEqual(second.items.map((item) => item.file), first.items.map((item) => item.file), `${name}: files reused`);
		const again = planLayoutWrite(plan.index, second.items);
		t.is(again.index, plan.index, name);
		t.deepEqual([...again.files], [...plan.files], name);
		if (name === 'tyk-sync-1.5') t.is(plan.index, indexText, 'an untouched tyk-sync index keeps its exact bytes');
	}
});

test('an existing index is updated in place: order, overrides, unknown keys and untouched entries survive', async (t) => {
	const indexText = fixtureText('hand-written', '.tyk.json');
	const set = await readLayout(new DirectoryStore(join(fixturesRoot, 'hand-written')), '');
	const [payments, , gold, base] = set.items;
	// Items from live carry no file; `existing` (the Git side) tells where they live.
	const livePayments = makeItem('api', {...payments!.body, is_site: true});
	const newPolicy = makeItem('policy', {_id: '', id: 'silver', name: 'Silver', org_id: org});
	const plan = planLayoutWrite(indexText, [livePayments, newPolicy], [{kind: 'template', id: base!.id}], set.items);
	t.deepEqual([...plan.files.keys()], ['apis/payments.json', 'policy-silver.json']);
	t.deepEqual(plan.removed, ['templates/base.json']);
	const index = JSON.parse(plan.index) as Record<string, unknown>;
	t.deepEqual(Object.keys(index), ['type', 'comment', 'files', 'policies', 'assets']);
	t.deepEqual(index['files'], JSON.parse(indexText).files);
	t.deepEqual(index['policies'], [{file: 'policies/gold.json', id: 'gold-tier', 'x-note': 1}, {file: 'policy-silver.json'}]);
	t.deepEqual(index['assets'], []);
	t.is(gold!.file, 'policies/gold.json');
	t.true(plan.files.get('apis/payments.json')!.includes('"is_site": true'));
});

test('a deletion falls back to the default file name and leaves unknown items alone', (t) => {
	const indexText = JSON.stringify({type: 'apidef', files: [{file: 'api-a.json', oas: {}}, {file: 'oas-b.json', oas: {}}]});
	const plan = planLayoutWrite(indexText, [], [{kind: 'api', id: 'b'}, {kind: 'policy', id: 'nowhere'}]);
	t.deepEqual(plan.removed, ['oas-b.json']);
	t.deepEqual(JSON.parse(plan.index).files, [{file: 'api-a.json', oas: {}}]);
});

test('hostile index paths are never reused: the item gets a safe name instead', (t) => {
	const indexText = JSON.stringify({type: 'apidef', files: [{file: '../../etc/x.json'}]});
	const item = {...makeItem('api', {api_definition: {api_id: 'x', name: 'X'}}), file: '../../etc/x.json'};
	const plan = planLayoutWrite(indexText, [item]);
	t.deepEqual([...plan.files.keys()], ['api-x.json']);
});

test('items tyk-sync could not load are refused with a message naming them', (t) => {
	const orgless = makeItem('policy', {_id: '5ead7120575961000181867e', id: 'p', name: 'P', org_id: ''});
	t.throws(() => planLayoutWrite(undefined, [orgless]), {instanceOf: LayoutWriteError, message: /policy "p" \(P\).*no org_id/});
	const template = makeItem('template', {id: 't', name: 'T'});
	t.throws(() => planLayoutWrite(undefined, [template]), {message: /template "t".*org_id/});
	const a = makeItem('api', {api_definition: {api_id: 'same'}});
	t.throws(() => planLayoutWrite(undefined, [a, a]), {message: /two items with the same ID/});
	t.throws(() => planLayoutWrite('{"type": "oas"}', [a]), {message: /Swagger/});
	t.throws(() => planLayoutWrite('{"type": ', [a]), {message: /not valid JSON/});
	t.throws(() => planLayoutWrite(JSON.stringify({type: 'apidef'}), [a], [{kind: 'api', id: 'same', file: 'api-same.json'}]), {message: /both write and delete/});
	// Values tyk-sync's Go structs would reject are refused too, naming the item and the field.
	const badOwner = makeItem('api', {api_definition: {api_id: 'o', name: 'Owned'}, user_owners: ['alice']});
	t.throws(() => planLayoutWrite(undefined, [badOwner]), {message: /api "o" \(Owned\): user_owners\[0\] must be empty or 24 hex/});
	const fractional = makeItem('policy', {id: 'q', name: 'Q', org_id: org, quota_max: 1.5});
	t.throws(() => planLayoutWrite(undefined, [fractional]), {message: /quota_max must be an integer, found 1.5/});
});

test('missing portable IDs are filled in the file; live org_id is kept; an OAS body loses api_definition', (t) => {
	const classic = {...makeItem('api', {api_definition: {id: '5e9d9544a1dcd60001d0ed21', name: 'N'}}), id: 'filled'};
	const oas = makeItem('api', {oas: {openapi: '3.0.3', 'x-tyk-api-gateway': {info: {id: 'o1', orgId: org}}}, api_definition: {is_oas: true}, categories: []});
	const policy = makeItem('policy', {_id: '5ead7120575961000181867e', id: '', name: 'P', org_id: org});
	const plan = planLayoutWrite(undefined, [classic, oas, policy]);
	const files = new Map([...plan.files].map(([path, text]) => [path, JSON.parse(text) as Record<string, any>]));
	t.is(files.get('api-filled.json')!['api_definition'].api_id, 'filled');
	t.false('api_definition' in files.get('oas-o1.json')!);
	t.is(files.get('policy-5ead7120575961000181867e.json')!['id'], '5ead7120575961000181867e');
	t.is(files.get('policy-5ead7120575961000181867e.json')!['org_id'], org);
	t.is(classic.body['api_definition'] && (classic.body['api_definition'] as Record<string, unknown>)['api_id'], undefined, 'item not mutated');
	t.notThrows(() => tykSyncLoad(layoutFileChanges(plan)));
});

test('a listed file that holds another item (index id override) is never overwritten by a namesake', (t) => {
	const indexText = JSON.stringify({type: 'apidef', policies: [{file: 'policy-silver.json', id: 'gold'}]});
	const gold = {...makeItem('policy', {id: 'gold', name: 'Gold', org_id: org}), file: 'policy-silver.json'};
	const silver = makeItem('policy', {id: 'silver', name: 'Silver', org_id: org});
	const plan = planLayoutWrite(indexText, [silver], [], [gold]);
	const [path] = [...plan.files.keys()];
	t.regex(path!, /^policy-silver~[0-9a-f]{16}\.json$/);
	t.deepEqual(JSON.parse(plan.index).policies, [{file: 'policy-silver.json', id: 'gold'}, {file: path}]);
	// Deleting silver does not remove gold's file either; deleting gold does.
	t.deepEqual(planLayoutWrite(indexText, [], [{kind: 'policy', id: 'silver'}], [gold]).removed, []);
	t.deepEqual(planLayoutWrite(indexText, [], [{kind: 'policy', id: 'gold'}], [gold]).removed, ['policy-silver.json']);
});

test('a bare file stays bare when written back, and is wrapped with a note when the API gains wrapper fields', async (t) => {
	const set = await readLayout(new DirectoryStore(join(fixturesRoot, 'bare-oas')), '');
	const index = fixtureText('bare-oas', '.tyk.json');
	const [notifications, keyless] = set.items;
	const renamed = (item: Item, name: string): Item => {
		const body = structuredClone(item.body) as typeof item.body;
		if (item.flavor === 'oas') (((body['oas'] as {info: {title: string}}).info)).title = name;
		else (body['api_definition'] as {name: string}).name = name;
		return makeItem('api', body);
	};
	const plan = planLayoutWrite(index, [renamed(notifications!, 'Notify'), renamed(keyless!, 'Keyless 2')], [], set.items);
	t.deepEqual(plan.notes, []);
	const oas = JSON.parse(plan.files.get('./data/apis-notifications.json')!);
	t.is(oas.openapi, '3.0.3');
	t.is(oas.info.title, 'Notify');
	t.false('oas' in oas);
	const classic = JSON.parse(plan.files.get('./data/keyless.json')!);
	t.is(classic.name, 'Keyless 2');
	t.false('api_definition' in classic);
	t.deepEqual(JSON.parse(plan.index), JSON.parse(index));
	// Read back, they are the same items.
	const back = await readLayout({describe: () => 'plan', list: async () => [], read: async (path) => {
		const key = path.replace(/^data\//, './data/');
		return key === '.tyk.json' ? Buffer.from(plan.index) : plan.files.has(key) ? Buffer.from(plan.files.get(key)!) : undefined;
	}}, '');
	t.deepEqual(back.items.map((item) => [item.id, item.name, item.shape]), [['c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8', 'Notifications', 'bare'], ['keyless', 'Keyless 2', 'bare']]);

	const categorised = makeItem('api', {...notifications!.body, categories: ['alerts']});
	const wrapped = planLayoutWrite(index, [categorised], [], set.items);
	t.deepEqual(JSON.parse(wrapped.files.get('./data/apis-notifications.json')!).categories, ['alerts']);
	t.deepEqual(wrapped.notes, ['./data/apis-notifications.json held the Tyk OAS document bare; it is written wrapped ({"oas": …}) because the API now has categories, which a bare file cannot hold']);
});

test('a tyk-sync 1.2–1.4 Classic file is written back in the 1.5 shape: no "oas" placeholder', async (t) => {
	const set = await readLayout(new DirectoryStore(join(fixturesRoot, 'tyk-sync-1.3')), '');
	const plan = planLayoutWrite(fixtureText('tyk-sync-1.3', '.tyk.json'), [set.items[0]!], [], set.items);
	const body = JSON.parse(plan.files.get('api-6ffbf80f36f24ea55b77eb8ac2343001.json')!);
	t.false('oas' in body);
	t.is(body.api_definition.api_id, '6ffbf80f36f24ea55b77eb8ac2343001');
});
