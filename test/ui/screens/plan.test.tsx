import test from 'ava';
import {defaultEnvironments, FakeServices} from '../helpers/fake-services.js';
import {classicApi, policy} from '../helpers/items.js';
import {keys, renderApp} from '../helpers/render.js';

/** Opens staging (or prod), marks Payments (changed) and Users (only in Git, staging only) and presses p. */
async function planPublish(services: FakeServices, environment: string, width = 120, height = 30) {
	const app = renderApp(services, {width, height, initialEnvironment: environment});
	await app.waitFor(/of \d+ shown/);
	await app.press('j', ' ', ' ', 'p');
	await app.waitFor(/create · /);
	return app;
}

test.serial('the plan shows counts, per-item actions and changed-field counts; Enter shows a step diff', async (t) => {
	const services = new FakeServices();
	const app = await planPublish(services, 'staging');
	t.teardown(app.unmount);
	let frame = app.frame();
	t.regex(frame, /publish git main@3f2a1c9 → live staging on staging/);
	t.regex(frame, /1 create · 1 update · 0 delete · 0 skip/);
	t.regex(frame, /update\s+api\s+Payments #finance\s+payments-1\s+1 field changed/);
	t.regex(frame, /create\s+api\s+Users\s+users-3/);
	t.regex(frame, /y applies 2 writes to live staging · Esc cancels, nothing is written/);
	t.true(services.calls.includes('planPublish staging payments-1,users-3'.replace('payments-1,users-3', 'api:payments-1,api:users-3')), services.calls.join('\n'));
	await app.press(keys.enter);
	frame = await app.waitFor('Diff: Payments');
	t.regex(frame, /payments\.internal.*│.*payments-v2\.internal/);
	await app.press(keys.esc);
	await app.waitFor('y applies 2 writes');
});

test.serial('Esc on the plan cancels and nothing is applied', async (t) => {
	const services = new FakeServices();
	const app = await planPublish(services, 'staging');
	t.teardown(app.unmount);
	await app.press(keys.esc);
	const frame = await app.waitFor('Cancelled: nothing was written');
	t.regex(frame, /Items: staging/);
	t.notRegex(frame, /Plan:/);
	t.deepEqual(services.applied, []);
});

test.serial('a protected environment needs its name typed: y alone does nothing', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'prod'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 3 shown');
	await app.press('p');
	let frame = await app.waitFor('after y you type its name');
	t.regex(frame, /prod \[protected\]/);
	await app.press('y');
	frame = await app.waitFor('type its name and press Enter');
	await app.press('x', keys.enter);
	frame = await app.waitFor('"x" is not "prod": the field was cleared and nothing was written');
	t.deepEqual(services.applied, []);
	await app.press('p', 'r', 'o', 'x', keys.backspace, 'd');
	await app.waitFor('prod█');
	t.deepEqual(services.applied, []);
	await app.press(keys.backspace, 'd\r');
	frame = await app.waitFor('applied and verified');
	t.is(services.applied.length, 1);
	t.is(services.applied[0]!.environment, 'prod');
});

test.serial('Esc while typing the name cancels the confirmation and writes nothing', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'prod'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 3 shown');
	await app.press('p');
	await app.waitFor('after y you type its name');
	await app.press('ypr', keys.esc);
	const frame = await app.waitFor('Cancelled: nothing was written');
	t.regex(frame, /after y you type its name/);
	t.deepEqual(services.applied, []);
});

test.serial('plan screen at 80×24 keeps the confirm line visible', async (t) => {
	const app = await planPublish(new FakeServices(), 'staging', 80, 24);
	t.teardown(app.unmount);
	const frame = app.frame();
	t.is(frame.split('\n').length, 24);
	t.regex(frame, /y applies 2 writes to live staging/);
});

test.serial('each step shows its change the Terraform way: - now, + after y; compact at 80×24', async (t) => {
	const app = await planPublish(new FakeServices(), 'staging', 80, 24);
	t.teardown(app.unmount);
	let frame = app.frame();
	t.is(frame.split('\n').length, 24);
	t.regex(frame, /Payments #finance: 1 field changed \(- now, \+ after y\)/);
	t.regex(frame, /^- api_definition\.proxy\.target_url: "http:\/\/payments-v2\.internal:8080"$/m);
	t.regex(frame, /^\+ api_definition\.proxy\.target_url: "http:\/\/payments\.internal:8080"$/m);
	t.regex(frame, /y applies 2 writes to live staging/);
	// A create has only + lines; what does not fit is counted, and Enter still opens the whole diff.
	frame = await app.press('j');
	t.regex(frame, /Users: created with 10 fields \(\+ after y\)/);
	t.regex(frame, /^\+ api_definition\.name: "Users"$/m);
	t.regex(frame, /… 6 more lines \(Enter: the whole diff\)/);
	t.notRegex(frame, /^- /m);
	t.is(frame.split('\n').length, 24);
	t.regex(frame, /y applies 2 writes to live staging/);
});

test.serial('at 200×60 the step change shows every field of a create, and secrets are masked, never shown', async (t) => {
	const vault = (token: string) => classicApi('vault-5', 'Vault', '/vault/', 'http://vault.internal', {config_data: {upstream_token: token}});
	const staging = defaultEnvironments()[0]!;
	const services = new FakeServices({environments: [{...staging, git: [...staging.git, vault('git-side-secret-1')], live: [...staging.live, vault('live-side-secret')]}]});
	const app = await planPublish(services, 'staging', 200, 60);
	t.teardown(app.unmount);
	let frame = await app.press('j');
	t.regex(frame, /Users: created with 10 fields/);
	t.regex(frame, /^\+ api_definition\.version_data\.versions\.Default\.use_extended_paths: true$/m);
	t.notRegex(frame, /more line/);
	await app.press(keys.esc);
	await app.waitFor(/Items: staging$/m);
	await app.press('A', '/', 'Vault', keys.enter, ' ', 'p');
	frame = await app.waitFor('Vault: 1 field changed');
	t.regex(frame, /^- api_definition\.config_data\.upstream_token: •••••• \(16 chars, changed\)$/m);
	t.regex(frame, /^\+ api_definition\.config_data\.upstream_token: •••••• \(17 chars, changed\)$/m);
	t.false(frame.includes('secret-1') || frame.includes('live-side-secret'), frame);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`protected confirmation at ${width}×${height}: the typed name has its own line, a failed attempt clears it, y never joins it`, async (t) => {
		const services = new FakeServices();
		const app = renderApp(services, {width, height, initialEnvironment: 'prod'});
		t.teardown(app.unmount);
		await app.waitFor('1 of 3 shown');
		await app.press('p');
		// The footer offers y while y is what applies.
		let frame = await app.waitFor((f) => f.includes('y applies 1 write to live prod') && /y apply/.test(f));
		await app.press('y', 'pr');
		frame = await app.waitFor(/^ {2}name › pr█$/m);
		t.is(frame.split('\n').length, height);
		t.notRegex(frame, /y apply/, 'no y hint while the field has the focus');
		t.regex(frame, /enter apply {2}esc cancel/);
		await app.press('d', keys.enter);
		frame = await app.waitFor('"prd" is not "prod": the field was cleared and nothing was written');
		t.regex(frame, /^ {2}name › █$/m, 'the field is empty again');
		t.notRegex(frame, /y apply/);
		// The reflex: y again. It is not typed (no "yprod"), and the line says why.
		await app.press('y');
		frame = await app.waitFor('y does not apply to a protected environment: type "prod" and press Enter');
		t.regex(frame, /^ {2}name › █$/m);
		await app.press('prod');
		frame = await app.waitFor(/^ {2}name › prod█$/m);
		t.deepEqual(services.applied, []);
		await app.press(keys.enter);
		await app.waitFor('applied and verified');
		t.is(services.applied.length, 1);
	});

	test.serial(`a plan that cannot apply does not hint y at ${width}×${height}; the plan says the commit it was made from`, async (t) => {
		const services = new FakeServices();
		const original = services.plan.bind(services);
		services.plan = async (request) => {
			const result = await original(request);
			return {...result, plan: {...result.plan, base: {commit: 'abcdef0123456789'}}};
		};
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		// Orders is unchanged: its plan is one skip.
		await app.press('f', '/', 'Orders', keys.enter, 'p');
		const frame = await app.waitFor('Nothing to apply');
		t.regex(frame, /made from commit abcdef0/);
		t.notRegex(frame, /y apply/);
		t.regex(frame, /enter diff of step/);
		await app.press('y');
		await app.waitFor('Nothing to apply: every step is a skip');
		t.deepEqual(services.applied, []);
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`a dump asks for its commit message at ${width}×${height}: prefilled as the CLI writes it, editable, Esc cancels`, async (t) => {
		const services = new FakeServices();
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('d');
		await app.waitFor('y applies 1 write');
		let frame = await app.press('y');
		t.regex(frame, /Commit message · Enter commits · Esc cancels/);
		t.regex(frame, /^ {2}message › tyk-console dump from live staging: 1 item\(s\)█$/m);
		t.regex(frame, /enter apply/, 'the footer hints the field\'s keys');
		t.is(frame.split('\n').length, height);
		frame = await app.press(keys.esc);
		t.regex(frame, /Cancelled: nothing was written/);
		t.regex(frame, /y applies 1 write/);
		t.deepEqual(services.applied, []);
		// Cleared, an empty message is refused; a typed one (with y and q in it) is the commit's subject.
		await app.press('y', '\u0015', keys.enter);
		await app.waitFor('A commit needs a message');
		t.deepEqual(services.applied, []);
		await app.press('Take the hotfix, yes quickly', keys.enter);
		await app.waitFor('applied and verified');
		t.is(services.applied.length, 1);
		t.regex(services.applyOptions[0]?.dump?.message ?? '', /^Take the hotfix, yes quickly\n\n(update|create) api /);
	});
}

test.serial('a dump confirmed with the prefilled message passes none: the engine writes exactly what the CLI would', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('d');
	await app.waitFor('y applies 1 write');
	await app.press('y', keys.enter);
	await app.waitFor('applied and verified');
	t.deepEqual(services.applyOptions, [undefined]);
});

test.serial('w saves the plan it shows for tyk-console apply (nothing is applied), at 80×24 and 200×60; a dump plan is not saved', async (t) => {
	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		const services = new FakeServices();
		const app = await planPublish(services, 'staging', width, height);
		t.regex(app.frame(), /w save/);
		await app.press('w');
		const frame = await app.waitFor('Plan saved to');
		const file = './tyk-plan-staging-20261203-180102.json';
		t.true(frame.includes(`Plan saved to ${file}`), frame);
		if (width === 200) t.true(frame.includes(`tyk-console apply ${file} applies it · nothing was written`), frame);
		t.true(services.calls.includes('savePlan staging publish'), services.calls.join('\n'));
		t.deepEqual(services.applied, []);
		app.unmount();
	}
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor(/of \d+ shown/);
	await app.press('d');
	await app.waitFor(/create · /);
	t.notRegex(app.frame(), /w save/);
	await app.press('w');
	await app.waitFor('A dump is not saved');
	t.false(services.calls.some((call) => call.startsWith('savePlan')));
});

test.serial('blocked steps at 80×24: in red with the reason, y says why and writes nothing; D adds the API a policy grants and unblocks it', async (t) => {
	const staging = defaultEnvironments()[0]!;
	const silver = policy('silver', 'Silver tier', 50, ['users-3']);
	const clash = classicApi('clash-9', 'Clash', '/soap/', 'http://clash.internal');
	const services = new FakeServices({environments: [{...staging, git: [...staging.git, silver, clash]}]});
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor(/of \d+ shown/);
	await app.press('/', 'Silver', keys.enter, ' ', 'p');
	let frame = await app.waitFor((f) => f.includes('blocked step') && f.includes('D add APIs'));
	t.is(frame.split('\n').length, 24);
	t.regex(frame, /blocked\s+policy\s+Silver tier\s+silver\s+create: grants API us/);
	t.regex(frame, /^blocked: Silver tier: grants API users-3, which is neither in live staging nor$/m, 'the reason reads whole, wrapped');
	t.regex(frame, /^in this plan \(adding dependencies takes it from git main@3f2a1c9\)$/m);
	t.regex(frame, /1 blocked step: nothing can be applied · D adds the missing APIs · Esc goes back/);
	t.notRegex(frame, /y apply/, 'no y hint on a blocked plan');
	frame = await app.press('y');
	t.regex(frame, /Cannot apply: 1 step is blocked \(why: above\)/);
	t.deepEqual(services.applied, []);
	// D: the plan again, with the API the policy grants.
	frame = await app.press('D');
	frame = await app.waitFor('y applies 2 writes');
	t.regex(frame, /create\s+policy\s+Silver tier/);
	t.regex(frame, /create\s+api\s+Users/);
	t.true(services.calls.includes('planPublish staging policy:silver with dependencies'), services.calls.join('\n'));
	await app.press('y');
	await app.waitFor('applied and verified');
	t.is(services.applied.length, 1);
	t.deepEqual(services.applied[0]!.steps.map((step) => step.key).sort(), ['api:users-3', 'policy:silver']);
	// A listen path another live API holds: blocked, and D has nothing to add.
	await app.press(keys.esc);
	await app.waitFor(/Items: staging$/m);
	await app.press('A', '/', ...Array(6).fill(keys.backspace), 'Clash', keys.enter, ' ', 'p');
	frame = await app.waitFor('blocked step');
	t.regex(frame, /blocked: Clash: listen path \/soap\/ is also used by API "Legacy SOAP"/);
	t.notRegex(frame, /D adds/);
	frame = await app.press('D');
	t.regex(frame, /Nothing to add: no policy here lacks an API/);
	t.is(services.applied.length, 1);
});

test.serial('a publish plan marks the steps that erase a live change with a red !, the cursor step\'s in full (80×24 and 200×60)', async (t) => {
	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		const environments = defaultEnvironments().map((env) => (env.info.name === 'staging' ? {...env, origins: {'api:payments-1': 'both'} as const} : env));
		const app = await planPublish(new FakeServices({environments}), 'staging', width, height);
		let frame = app.frame();
		t.regex(frame, /^›!update\s+api\s+Payments/m, frame);
		t.regex(frame, /^  create\s+api\s+Users/m);
		t.regex(frame, /! overwrites a live change made since 2026-12-03 10:20 UTC \(a conflict\)$/m);
		await app.press('j');
		frame = await app.waitFor('! 1 step (marked !) overwrites a change made live since the last sync');
		t.true(frame.split('\n').every((line) => line.length <= width));
		app.unmount();
	}
});

test.serial('a step names the fields the environment\'s overlay gives, in its row and its detail, at 80×24 and 200×60; Enter marks them in the diff', async (t) => {
	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		const environments = defaultEnvironments().map((env) => (env.info.name === 'staging'
			? {...env, overlay: {environment: 'staging', fields: {'api:payments-1': ['api_definition.proxy.target_url']}}}
			: env));
		const app = await planPublish(new FakeServices({environments}), 'staging', width, height);
		t.teardown(app.unmount);
		const frame = app.frame();
		t.regex(frame, /◆ 1 field from overlay staging: api_definition\.proxy\.target_url/);
		if (width === 200) t.regex(frame, /1 field changed · ◆ 1 from overlay staging/);
		await app.press(keys.enter);
		t.regex(await app.waitFor('Diff: Payments'), /◆ 1 (field from )?overlay staging/);
		app.unmount();
	}
});
