import test from 'ava';
import {readdirSync} from 'node:fs';
import {makeItem} from '../../../source/core/item.js';
import {DirectoryStore} from '../../../source/sources/layout/dir-store.js';
import {writeLayoutToDirectory} from '../../../source/sources/layout/dir-writer.js';
import {defaultFileName, safeIdForFileName} from '../../../source/sources/layout/file-names.js';
import {resolveInside} from '../../../source/sources/layout/file-store.js';
import {readLayout} from '../../../source/sources/layout/reader.js';
import {layoutFileChanges, planLayoutWrite} from '../../../source/sources/layout/writer.js';
import {tempDir} from '../git/_helpers.js';

const hostile = ['../x', '..', '/', '/etc/passwd', 'a/b\\c', 'nul\0byte', 'tab\tand\nnewline\u0007', 'x'.repeat(300), 'ü'.repeat(200), 'Ünïcødé-ID-日本', 'CON', 'a:b*c?"<>|', '100%', 'trailing. ', '.hidden'];

test('plain IDs stay readable; everything else is percent-encoded', (t) => {
	t.is(safeIdForFileName('b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a'), 'b4e2c1f0a9d84c5e6f7a8b9c0d1e2f3a');
	t.is(safeIdForFileName('gold-tier_v1.2'), 'gold-tier_v1.2');
	t.is(safeIdForFileName('../x'), '..%2Fx');
	t.is(safeIdForFileName('a b/ü%'), 'a%20b%2F%C3%BC%25');
	t.is(safeIdForFileName('nul\0'), 'nul%00');
	t.is(defaultFileName({kind: 'api', flavor: 'oas', id: '/'}), 'oas-%2F.json');
	t.is(defaultFileName({kind: 'template', id: 'x'}), 'asset-x.json');
});

test('hostile IDs give names that cannot escape, fit any file system, and stay distinct', (t) => {
	const names = hostile.map((id) => defaultFileName({kind: 'policy', id}));
	t.is(new Set(names).size, names.length);
	for (const name of names) {
		t.regex(name, /^policy-[A-Za-z0-9._%~-]+\.json$/, name);
		t.true(Buffer.byteLength(name) <= 130, name);
		t.is(resolveInside('layout', name), `layout/${name}`);
	}
	// Long IDs sharing a prefix still differ (hash suffix), and a cut never splits an escape.
	const long1 = safeIdForFileName(`${'x'.repeat(300)}1`);
	const long2 = safeIdForFileName(`${'x'.repeat(300)}2`);
	t.not(long1, long2);
	t.regex(long1, /~[0-9a-f]{16}$/);
	t.regex(safeIdForFileName('ü'.repeat(200)), /^(%[0-9A-F]{2})+~[0-9a-f]{16}$/);
});

test('hostile IDs survive a real write and read back as the same items', async (t) => {
	const org = '5e9d9544a1dcd60001d0ed20';
	const items = hostile.map((id) => makeItem('policy', {_id: '', id, name: `policy ${id.length}`, org_id: org}));
	const plan = planLayoutWrite(undefined, items);
	const root = tempDir(t);
	await writeLayoutToDirectory(root, 'tyk', layoutFileChanges(plan));
	t.deepEqual(readdirSync(root), ['tyk']);
	t.is(readdirSync(`${root}/tyk`).length, hostile.length + 1);
	const set = await readLayout(new DirectoryStore(root), 'tyk');
	// Files are written for every ID, but one made only of dots cannot address a Dashboard item: read back as invalid.
	const dots = hostile.filter((id) => /^\.+$/.test(id));
	t.true(dots.length > 0);
	t.deepEqual(set.invalid.map((entry) => entry.id).sort(), [...dots].sort());
	t.deepEqual(set.items.map((item) => item.id), hostile.filter((id) => !dots.includes(id)));
});

test('IDs differing only by case get distinct names on case-insensitive file systems', (t) => {
	const org = '5e9d9544a1dcd60001d0ed20';
	const upper = makeItem('policy', {id: 'Gold', name: 'a', org_id: org});
	const lower = makeItem('policy', {id: 'gold', name: 'b', org_id: org});
	const plan = planLayoutWrite(undefined, [upper, lower]);
	const names = [...plan.files.keys()];
	t.is(names[0], 'policy-Gold.json');
	t.regex(names[1]!, /^policy-gold~[0-9a-f]{16}\.json$/);
	// The same holds against a file already listed in the index for another item.
	const existing = JSON.stringify({type: 'apidef', policies: [{file: 'policy-Gold.json'}]});
	const next = planLayoutWrite(existing, [lower]);
	t.regex([...next.files.keys()][0]!, /^policy-gold~/);
});
