import test from 'ava';
import {makeItem, type ItemSet} from '../../source/core/item.js';
import type {Overlay} from '../../source/core/overlay.js';
import {parsePath, type Segment} from '../../source/core/paths.js';
import {adoptWrittenSecrets, dumpWrite, migrationSet, secretCommandNotes, viewOverlay} from '../../source/engine/overlays.js';

const field = (text: string, value: number | string) => ({path: parsePath(text) as Segment[], text, value});
const overlay = (environment: string, rate: number): Overlay => ({
	environment, file: `.tyk-console/overlays/${environment}.yaml`, text: `set:\n  policy/gold:\n    rate: ${rate} # ${environment}'s own\n`,
	replace: [], set: new Map([['policy:gold', [field('rate', rate)]], ['policy:new', [field('rate', rate)]]]), secrets: new Map(),
});
const policy = (id: string, rate: number, name = id) => makeItem('policy', {id, name, rate, per: 60});
const set = (...items: ReturnType<typeof policy>[]): ItemSet => ({items, invalid: [], conflicts: []});

test('migration: the source\'s overlay comes off and the target\'s applies; an item Git lacks goes as live holds it, with a note', (t) => {
	const git = {set: set(policy('gold', 1000)), base: set(policy('gold', 1000)), overlays: new Map([['staging', overlay('staging', 5000)], ['prod', overlay('prod', 200)]])};
	const live = set(policy('gold', 5000, 'Gold renamed'), policy('new', 5000));
	const migrated = migrationSet(live, git, 'staging', 'prod');
	t.deepEqual(migrated.set.items.map((item) => [item.id, item.name, item.body['rate']]), [['gold', 'Gold renamed', 200], ['new', 'new', 200]]);
	t.deepEqual(migrated.overlay?.fields, {'policy:gold': ['rate'], 'policy:new': ['rate']});
	t.deepEqual(migrated.overlay?.notes, ['policy new (new): Git has no base value for rate, which staging\'s overlay sets; migrated as live staging holds them']);
});

test('dump: a hotfix goes into the overlay file (comments kept), the base keeps its value; without an overlay items pass as they are', (t) => {
	const git = {set: set(policy('gold', 200)), base: set(policy('gold', 1000)), overlays: new Map([['prod', overlay('prod', 200)]])};
	const written = dumpWrite('prod', [policy('gold', 150)], git);
	t.is(written.items[0]!.body['rate'], 1000);
	t.deepEqual(written.overlayFile, {path: '.tyk-console/overlays/prod.yaml', text: 'set:\n  policy/gold:\n    rate: 150 # prod\'s own\n'});
	t.is(written.overlay?.set.get('policy:gold')?.[0]?.value, 150);
	t.regex(written.notes[0]!, /live differs from overlay prod at rate: the new value goes into \.tyk-console\/overlays\/prod\.yaml/);
	const same = dumpWrite('prod', [policy('gold', 200)], git);
	t.is(same.overlayFile, undefined);
	t.deepEqual(same.notes, []);
	const plain = [policy('gold', 7)];
	t.is(dumpWrite('staging', plain, {set: set()}).items[0], plain[0]);
});

test('after a write, the source side\'s overlay secrets take the written value, so the row compares clean', async (t) => {
	const {compareSets} = await import('../../source/core/compare.js');
	const api = (password: string) => makeItem('api', {api_definition: {api_id: 'pay1', name: 'Payments', upstream_auth: {basic_auth: {password}}}});
	const view = {
		overlay: {environment: 'prod', fields: {'api:pay1': ['api_definition.upstream_auth.basic_auth.password']}, secrets: {'api:pay1': ['api_definition.upstream_auth.basic_auth.password']}},
		comparisons: compareSets(set(api('') as never), set()),
	};
	const adopted = adoptWrittenSecrets(view, new Map([['api:pay1', api('written-secret')]]));
	t.is(((adopted.comparisons[0]!.left!.body['api_definition'] as any).upstream_auth.basic_auth.password), 'written-secret');
	t.is(adoptWrittenSecrets({comparisons: view.comparisons}, new Map()).comparisons, view.comparisons, 'no overlay secrets: the view as it is');
});

test('a plan that writes an item whose overlay secret comes from a command names the command (from Git, run when writing)', (t) => {
	const secret = {path: parsePath('api_definition.password') as Segment[], text: 'api_definition.password', source: {type: 'command' as const, argv: ['vault', 'read', 'x'], text: 'vault read x'}};
	const view = {overlay: viewOverlay('prod', new Map(), [], {...overlay('prod', 1), secrets: new Map([['api:pay1', [secret]]])})};
	const step = (action: 'update' | 'skip') => ({key: 'api:pay1', kind: 'api' as const, id: 'pay1', name: 'Payments', action, changes: []});
	t.deepEqual(secretCommandNotes([step('update')], view), ['overlay prod runs "vault read x" (without a shell) to get secrets when writing']);
	t.deepEqual(secretCommandNotes([step('skip')], view), []);
});
