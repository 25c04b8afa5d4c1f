import test from 'ava';
import {App} from '../../../source/ui/app.js';
import type {ExternalPrograms} from '../../../source/sources/external-program.js';
import {defaultEnvironments, FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp, renderWatched} from '../helpers/render.js';
import {bigApiPair} from '../helpers/big-diff.js';
import {classicApi} from '../helpers/items.js';

/** The diff body: the lines between the two header lines and the footer + status bar. */
const body = (frame: string) => frame.split('\n').slice(3, -3).join('\n');

async function openPaymentsDiff(width: number, height: number) {
	const app = renderApp(new FakeServices(), {width, height, initialEnvironment: 'staging'});
	await app.waitFor('4 of 6 shown');
	await app.press('j', keys.enter);
	await app.waitFor('Diff: Payments');
	return app;
}

test.serial('side by side at 200×60: labels, line numbers, changed line marked on both sides', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	const frame = app.frame();
	t.regex(frame, /◀ git main@3f2a1c9\s+│▶ live staging/);
	const changed = frame.split('\n').find((l) => l.includes('target_url'))!;
	t.regex(changed, /^\s*\d+ - .*"target_url": "http:\/\/payments\.internal:8080".*│\s*\d+ \+ .*"target_url": "http:\/\/payments-v2\.internal:8080"/);
	t.regex(frame, /3 server-managed fields hidden \(i shows\)/);
	t.regex(frame, /change 1\/1/);
	t.is(frame.split('\n').length, 60);
});

test.serial('z toggles folding of unchanged runs', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	t.regex(app.frame(), /… 5 unchanged lines …/);
	await app.press('z');
	const unfolded = await app.waitFor('fold off');
	t.notRegex(unfolded, /… \d+ unchanged lines …/);
	t.regex(unfolded, /^\s*1 .*│\s*1 /m);
	await app.press('z');
	t.regex(await app.waitFor('fold on'), /… 5 unchanged lines …/);
});

test.serial('under 100 columns the diff is stacked (unified) at 80×24', async (t) => {
	const app = await openPaymentsDiff(80, 24);
	t.teardown(app.unmount);
	const frame = app.frame();
	t.regex(frame, /stacked: window under 100 columns/);
	t.notRegex(body(frame), /│/);
	const lines = frame.split('\n');
	// Both line numbers, as a unified diff reads: the left document's, then the right's (blank where a line is not).
	const removed = lines.findIndex((l) => /^\s*9 {4}- .*payments\.internal/.test(l));
	t.true(removed > 0, frame);
	t.regex(lines[removed + 1]!, /^ {4}9 \+ .*payments-v2\.internal/);
	t.regex(frame, /^\s*6\s+6\s+"proxy": \{$/m);
	t.is(lines.length, 24);
});

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`the header counts are the same stacked and side by side; an unchanged item says so above its rows (${width}×${height})`, async (t) => {
		const app = await openPaymentsDiff(width, height);
		t.teardown(app.unmount);
		t.regex(app.frame(), /Payments #finance · changed · ~1 -0 \+0 ·/);
		await app.press(keys.esc, 'f', '/', 'Orders', keys.enter, keys.enter);
		const frame = await app.waitFor('Diff: Orders');
		const lines = frame.split('\n');
		// Breadcrumb, header, labels, then the note on a line of its own, then the first line of the document.
		t.is(lines[3], 'No differences in the compared fields.', frame);
		t.regex(lines[4]!, /^\s*1\s+(1\s+)?\{/);
		t.is(lines.length, height);
	});
}

test.serial('an item on one side only is shown in one column', async (t) => {
	const app = renderApp(new FakeServices(), {width: 200, height: 40, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'j', keys.enter);
	const frame = await app.waitFor('Diff: Users');
	t.regex(frame, /only in git main@3f2a1c9 \(not in live staging\)/);
	t.notRegex(body(frame), /│/);
	t.regex(frame, /^\s*1  \{/m);
	t.notRegex(body(frame), /^\s*\d+ [-+]/m);
});

test.serial('s swaps the sides, i shows the hidden server-managed fields', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	await app.press('s');
	let frame = await app.waitFor('swapped');
	t.regex(frame, /◀ live staging\s+│▶ git main@3f2a1c9/);
	t.regex(frame.split('\n').find((l) => l.includes('target_url'))!, /payments-v2\.internal.*│.*payments\.internal/);
	t.notRegex(frame, /"org_id"/);
	await app.press('i');
	frame = await app.waitFor('showing all fields');
	await app.press('z');
	frame = await app.waitFor('fold off');
	t.regex(frame, /"org_id": "5e9d9544a1dcd60001d0ed20"/);
});

test.serial('n and N jump between changes; j/k, PgDn, g/G scroll', async (t) => {
	const services = new FakeServices({environments: bigApiPair(300, [20, 150, 280])});
	const app = renderApp(services, {width: 120, height: 24, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 1 shown');
	await app.press(keys.enter);
	await app.waitFor('change 1/3');
	await app.press('z');
	let frame = await app.waitFor('change 0/3');
	await app.press('n');
	frame = await app.waitFor('change 1/3');
	t.regex(frame, /setting_00020.*changed live/);
	await app.press('n');
	frame = await app.waitFor('change 2/3');
	t.regex(frame, /setting_00150.*changed live/);
	t.notRegex(frame, /setting_00020/);
	await app.press('n');
	frame = await app.waitFor('change 3/3');
	t.regex(frame, /setting_00280.*changed live/);
	await app.press('N');
	frame = await app.waitFor('change 2/3');
	await app.press('g');
	frame = await app.waitFor(/row 1-/);
	await app.press(keys.pageDown);
	frame = await app.waitFor(/row 18-35 of \d+/);
	await app.press('j', 'j');
	frame = await app.waitFor(/row 20-37 of/);
	await app.press('k');
	frame = await app.waitFor(/row 19-36 of/);
	await app.press('G');
	frame = await app.waitFor(/row (\d+)-(\d+) of \2 /);
	t.regex(frame, /^324  }\s+│324  }$/m);
});

test.serial('w wraps long lines instead of truncating them with …', async (t) => {
	const services = new FakeServices({environments: bigApiPair(5, [2], ` ${'x'.repeat(150)} tail-marker`)});
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging'});
	t.teardown(app.unmount);
	await app.waitFor('1 of 1 shown');
	await app.press(keys.enter);
	let frame = await app.waitFor('wrap off');
	t.notRegex(frame, /tail-marker/);
	t.regex(frame, /…/);
	await app.press('w');
	frame = await app.waitFor('wrap on');
	t.regex(frame, /tail-marker/);
});

// --- search, horizontal scroll, JSON view, pager/editor, copy (issue 14) ---

const arrows = {left: '\u001B[D', right: '\u001B[C'};

async function openBigDiff(width: number, height: number, extra = '') {
	const services = new FakeServices({environments: bigApiPair(300, [20, 150, 280], extra)});
	const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
	await app.waitFor('1 of 1 shown');
	await app.press(keys.enter);
	await app.waitFor('change 1/3');
	return app;
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`/ searches the diff, n/N go over matches, Esc clears and n means next change again (${width}×${height})`, async (t) => {
		const app = await openBigDiff(width, height);
		t.teardown(app.unmount);
		t.regex(app.frame(), /n next change\/match/);
		await app.press('/');
		await app.waitFor('search /█');
		await app.press('changed live');
		await app.waitFor('search /changed live█');
		await app.press(keys.enter);
		// The three changed values; stacked, each change is a removed and an added line, only the added one matches.
		let frame = await app.waitFor(/match 1\/3 "changed live"/);
		t.regex(frame, /setting_00020.*changed live/);
		await app.press('n');
		frame = await app.waitFor(/match 2\/3/);
		t.regex(frame, /setting_00150.*changed live/);
		await app.press('n', 'n');
		frame = await app.waitFor(/match 1\/3/);
		await app.press('N');
		frame = await app.waitFor(/match 3\/3/);
		t.regex(frame, /setting_00280.*changed live/);
		// The JSON view of the Git side has none of them; the count follows the rows shown, never a stale "3/3".
		await app.press('v');
		frame = await app.waitFor('no match for "changed live"');
		t.notRegex(frame, /match \d+\/\d+ "/);
		await app.press('v');
		await app.waitFor(/match \d\/3 "changed live"/);
		await app.press(keys.esc);
		frame = await app.waitFor('Search cleared');
		t.notRegex(frame, /match \d+\/\d+ "/);
		t.regex(frame, /Diff: Big API/, 'the first Esc clears the search, it does not leave the diff');
		if (height < 60) {
			// With the search cleared, n goes to the next change again (at 200×60 every change is on the first screen).
			await app.press('g', 'n');
			await app.waitFor('change 1/3');
			await app.press('n');
			await app.waitFor('change 2/3');
		}
		await app.press(keys.esc);
		await app.waitFor('Items: staging');
		t.is(app.frame().split('\n').length, height);
	});

	test.serial(`a match inside a folded run unfolds the diff; no match says so (${width}×${height})`, async (t) => {
		const app = await openBigDiff(width, height);
		t.teardown(app.unmount);
		await app.press('/', 'setting_00100', keys.enter);
		const frame = await app.waitFor(/match 1\/1 "setting_00100"/);
		t.regex(frame, /fold off/);
		t.regex(frame, /"setting_00100": "value 100"/);
		await app.press('/', 'nowhere-at-all', keys.enter);
		t.regex(await app.waitFor('No match for "nowhere-at-all"'), /no match for "nowhere-at-all"/);
	});

	test.serial(`←/→ scroll long lines sideways while wrap is off (${width}×${height})`, async (t) => {
		const services = new FakeServices({environments: bigApiPair(30, [20], ` ${'x'.repeat(120)} tail-marker`)});
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		await app.waitFor('1 of 1 shown');
		await app.press(keys.enter);
		await app.waitFor('change 1/1');
		t.teardown(app.unmount);
		t.notRegex(app.frame(), /tail-marker/);
		let frame = app.frame();
		for (let i = 0; i < 60 && !/tail-marker/.test(frame); i++) frame = await app.press(arrows.right);
		t.regex(frame, /tail-marker/);
		t.regex(frame, /col \d+/);
		t.notRegex(body(frame), /"setting_00020"/, 'the start of the lines is scrolled off');
		await app.press('h');
		for (let i = 0; i < 60 && /col \d+/.test(frame); i++) frame = await app.press(arrows.left);
		t.notRegex(frame, /col \d+/);
		t.regex(frame, /"setting_00/);
		await app.press('w', arrows.right);
		await app.waitFor('Wrap is on: w turns it off to scroll sideways');
	});
}

test.serial('v shows one side\'s full JSON: normalised, the other side with s, the raw document with i; numbered lines', async (t) => {
	const app = await openPaymentsDiff(200, 60);
	t.teardown(app.unmount);
	await app.press('v');
	let frame = await app.waitFor(/JSON of Payments #finance · git main@3f2a1c9 · normalised/);
	t.regex(frame, /^\s*\d+ +"target_url": "http:\/\/payments\.internal:8080"/m);
	t.notRegex(body(frame), /│/);
	t.notRegex(frame, /"org_id"/);
	await app.press('s');
	frame = await app.waitFor(/JSON of Payments #finance · live staging · normalised/);
	t.regex(frame, /"target_url": "http:\/\/payments-v2\.internal:8080"/);
	await app.press('i');
	frame = await app.waitFor(/live staging · raw document/);
	// As the source gave it: server-managed fields present and the source's key order (api_id before active).
	t.regex(frame, /"org_id": "5e9d9544a1dcd60001d0ed20"/);
	const lines = frame.split('\n');
	t.true(lines.findIndex((l) => l.includes('"api_id"')) < lines.findIndex((l) => l.includes('"active"')));
	await app.press('v');
	await app.waitFor(/◀ live staging\s+│▶ git main@3f2a1c9/);
	await app.press(arrows.right);
	await app.waitFor('Every line fits: nothing to scroll sideways');
});

function secretWorld() {
	const base = defaultEnvironments()[0]!;
	const git = classicApi('sec-1', 'Secret API', '/sec/', 'http://sec.internal', {config_data: {client_secret: 'git-secret-value-123'}});
	const live = classicApi('sec-1', 'Secret API', '/sec/', 'http://sec.internal', {config_data: {client_secret: 'live-secret-value-456789'}});
	return new FakeServices({environments: [{...base, git: [git], live: [live]}]});
}

/** Records what the console hands the pager and editor instead of running them. */
function fakePrograms() {
	const calls: {how: 'page' | 'edit'; text: string; name?: string}[] = [];
	const programs: ExternalPrograms = {
		pager: 'fake-pager', editor: 'fake-editor',
		page: (text) => (calls.push({how: 'page', text}), {ok: true, message: 'Pager closed'}),
		edit: (text, name) => (calls.push({how: 'edit', text, name}), {ok: true, message: 'Editor closed'}),
	};
	return {calls, programs};
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`secrets stay masked in the JSON view, the pager and the editor copy; y/Y copy with OSC 52 (${width}×${height})`, async (t) => {
		const {calls, programs} = fakePrograms();
		const app = renderWatched(<App services={secretWorld()} width={width} height={height} initialEnvironment="staging" color={false} programs={programs} />);
		t.teardown(app.unmount);
		await app.waitFor('1 of 1 shown');
		await app.press(keys.enter);
		await app.waitFor('Diff: Secret API');
		await app.press('v');
		await app.waitFor('JSON of Secret API');
		// The search works in the JSON view too, and brings the secret's line on screen at any size.
		await app.press('/', 'client_secret', keys.enter);
		let frame = await app.waitFor(/match 1\/1 "client_secret"/);
		t.regex(frame, /"client_secret": "•••••• \(20 chars, changed\)"/);
		await app.press('i', '/', 'client_secret', keys.enter);
		frame = await app.waitFor(/raw document[^]*match 1\/1 "client_secret"/);
		t.regex(frame, /"client_secret": "•••••• \(20 chars, changed\)"/);
		await app.press('o');
		await app.waitFor('Pager closed (git main@3f2a1c9, raw document)');
		await app.press('s', 'e');
		await app.waitFor('Editor closed (live staging, raw document)');
		t.is(calls.length, 2);
		t.is(calls[1]!.name, 'api-sec-1-right.json');
		for (const call of calls) {
			t.regex(call.text, /"client_secret": "•••••• \(\d+ chars, changed\)"/);
			t.notRegex(call.text, /secret-value/);
		}
		t.regex(calls[0]!.text, /"org_id"/, 'the raw document, nothing left out');
		const all = () => app.instance.frames.join('');
		t.notRegex(all(), /secret-value/);
		await app.press('y');
		await app.waitFor('copied ID sec-1');
		t.true(all().includes(`\u001B]52;c;${Buffer.from('sec-1').toString('base64')}\u0007`));
		// Y copies the field path of the line in focus: the current match.
		await app.press('Y');
		await app.waitFor('copied api_definition.config_data.client_secret');
		t.true(all().includes(`\u001B]52;c;${Buffer.from('api_definition.config_data.client_secret').toString('base64')}\u0007`));
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`the diff header keeps its counts and the hidden-field count whole; a long name gives way (${width}×${height})`, async (t) => {
		const app = await openPaymentsDiff(width, height);
		t.teardown(app.unmount);
		const header = app.frame().split('\n')[1]!;
		t.true(header.length <= width, header);
		if (width >= 100) t.is(header, 'api Payments #finance · changed · ~1 -0 +0 · 3 server-managed fields hidden (i shows)');
		else t.regex(header, /^api Payments #finance · changed · ~1 -0 \+0 · 3 hidden \(i\)$/);
		const shown = await app.press('i');
		t.regex(shown.split('\n')[1]!, width >= 100 ? /showing all fields \(i hides server-managed ones\)$/ : / · all fields \(i\)$/);
	});
}

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`the live side says who changed it last (blame) at ${width}×${height}`, async (t) => {
		const environments = defaultEnvironments();
		environments[0] = {...environments[0]!, blame: {'api:payments-1': {by: 'alice@example.com', at: '2026-12-03T10:00:00.000Z', via: 'dashboard'}}};
		const app = renderApp(new FakeServices({environments}), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('j', keys.enter);
		const frame = await app.waitFor('Diff: Payments');
		if (width === 200) t.regex(frame, /▶ live staging · alice@example\.com in the Dashboard, 2026-12-03 10:00/);
		else t.regex(frame, /\+ live staging · alice@example\.com in the Dashboard/);
		t.is(frame.split('\n').length, height);
	});
}

test.serial('fields from an environment\'s overlay: a gutter mark on their lines and the count in the header, at 200×60 and 80×24', async (t) => {
	for (const [width, height] of [[200, 60], [80, 24]] as const) {
		const environments = defaultEnvironments().map((env) => (env.info.name === 'staging'
			? {...env, overlay: {environment: 'staging', fields: {'api:payments-1': ['api_definition.proxy.target_url', 'api_definition.proxy.listen_path']}}}
			: env));
		const app = renderApp(new FakeServices({environments}), {width, height, initialEnvironment: 'staging'});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('j', keys.enter);
		const frame = await app.waitFor('Diff: Payments');
		t.regex(frame, width === 200 ? /◆ 2 fields from overlay staging/ : /◆ 2 overlay staging/);
		const marked = frame.split('\n').filter((line) => line.includes('◆'));
		t.true(marked.some((line) => line.includes('"target_url"')), `target_url marked at ${width}x${height}`);
		t.true(marked.every((line) => /"(target_url|listen_path)"|overlay staging/.test(line)), marked.join('\n'));
		app.unmount();
	}
});

test.serial('b cycles Git ↔ live, base ↔ Git, base ↔ live, the header naming the pair; without a base it says so (80×24 and 200×60)', async (t) => {
	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		const base = classicApi('payments-1', 'Payments #finance', '/payments/', 'http://payments-base.internal:8080');
		const environments = defaultEnvironments().map((env) => (env.info.name === 'staging'
			? {...env, bases: {'api:payments-1': {label: 'base 2026-12-03 10:20 UTC · git 1a2b3c4', item: base}}}
			: env));
		const services = new FakeServices({environments});
		const app = renderApp(services, {width, height, initialEnvironment: 'staging'});
		await app.waitFor('4 of 6 shown');
		await app.press('j', keys.enter);
		await app.waitFor('Diff: Payments');
		await app.press('b');
		let frame = await app.waitFor('base ↔ Git · api Payments');
		t.regex(frame, width < 100 ? /- base 2026-12-03 10:20 UTC · git 1a2b3c4 {3}\+ git main@3f2a1c9/ : /◀ base 2026-12-03 10:20 UTC · git 1a2b3c4\s+│▶ git main@3f2a1c9/, frame);
		t.regex(frame, /payments-base\.internal/);
		t.notRegex(frame, /payments-v2\.internal/, 'live is not part of base ↔ Git');
		await app.press('b');
		frame = await app.waitFor('base ↔ live · api Payments');
		t.regex(frame, /payments-v2\.internal/);
		await app.press('b');
		frame = await app.waitFor(/^api Payments/m);
		t.regex(frame, /git main@3f2a1c9.*live staging/);
		await app.press(keys.esc);
		await app.waitFor('4 of 6 shown');
		// Gold tier has no base: the pair says so and the Git ↔ live diff stays.
		await app.press('j', 'j', 'j', keys.enter);
		await app.waitFor('Diff: Gold tier');
		await app.press('b');
		frame = await app.waitFor('base ↔ Git: no base is recorded for this item');
		t.true(frame.split('\n').every((line) => line.length <= width));
		app.unmount();
	}
});
