import test from 'ava';
import {emulator} from './helpers.js';

test('the same seed gives the same data, ids included; another seed gives other data', async (t) => {
	const a = await emulator(t, {seed: 50});
	const b = await emulator(t, {seed: 50});
	const c = await emulator(t, {seed: 51});
	const dump = async (em: typeof a): Promise<string[]> => [
		(await em.request('GET', '/api/apis?p=-1')).text,
		(await em.request('GET', '/api/portal/policies?p=-1')).text,
		(await em.request('GET', '/api/assets')).text,
	];
	const [first, second, other] = await Promise.all([dump(a), dump(b), dump(c)]);
	t.deepEqual(first, second);
	t.notDeepEqual(first[0], other[0]);
});

test('seed 50 is realistic: half Classic with varied auth, half OAS, policies reference seeded APIs', async (t) => {
	const em = await emulator(t, {seed: 50});
	const apis = em.store.listApis();
	t.is(apis.length, 50);
	const oas = apis.filter((w: any) => w.api_definition.is_oas === true);
	t.is(oas.length, 25);
	const classic = apis.filter((w: any) => !('is_oas' in w.api_definition));
	const auth = new Set(classic.map((w: any) => (w.api_definition.use_keyless ? 'keyless' : w.api_definition.enable_jwt ? 'jwt' : w.api_definition.enable_signature_checking ? 'hmac' : w.api_definition.use_basic_auth ? 'basic' : 'authToken')));
	t.deepEqual([...auth].sort(), ['authToken', 'basic', 'hmac', 'jwt', 'keyless']);
	t.true(classic.some((w: any) => / #\S+/.test(w.api_definition.name)), 'some Classic names carry #categories');
	t.true(classic.some((w: any) => w.api_definition.jwt_source !== ''), 'JWT secrets exist for masking tests');
	t.true(oas.some((w: any) => w.categories.length > 0));
	for (const wrapper of oas as any[]) {
		const ext = wrapper.oas['x-tyk-api-gateway'];
		t.truthy(ext.info.name && ext.upstream.url && ext.server.listenPath.value && ext.middleware);
	}
	const ids = new Set(apis.map((w: any) => w.api_definition.api_id));
	const policies = em.store.listPolicies();
	t.is(policies.length, 25);
	for (const policy of policies as any[]) {
		for (const apiId of Object.keys(policy.access_rights)) t.true(ids.has(apiId));
		t.true(policy.auth_types.length > 0);
	}
	const templates = em.store.listTemplates();
	t.is(templates.length, 3);
	t.true(templates.every((tpl: any) => tpl.kind === 'oas-template'));
	const page = await em.request('GET', '/api/apis?p=1');
	t.is(page.body.pages, 5);
});

test('seeding scales linearly: 2,000 APIs, 1,000 policies and 50 templates', async (t) => {
	const em = await emulator(t, {seed: 2000, seedPolicies: 1000, seedTemplates: 50});
	t.is(em.store.apis.size, 2000);
	t.is(em.store.listPolicies().length, 1000);
	t.is(em.store.listTemplates().length, 50);
	const oasList = await em.request('GET', '/api/apis/oas?p=-1');
	t.is(oasList.body.apis.length, 1000);
});
