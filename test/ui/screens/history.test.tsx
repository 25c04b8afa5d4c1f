import test from 'ava';
import {FakeServices} from '../helpers/fake-services.js';
import {keys, renderApp} from '../helpers/render.js';

/** The console's clock for these tests: ten minutes after the newest snapshot below. */
const now = () => Date.parse('2026-11-21T10:25:30Z');

test.serial('history lists Git revisions and snapshots; Enter diffs against live; r rolls back through the plan', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 120, height: 30, initialEnvironment: 'staging', clock: now});
	t.teardown(app.unmount);
	await app.waitFor('4 of 6 shown');
	await app.press('j', 'b');
	let frame = await app.waitFor(/2 Git revisions · 1 snapshot(?!s)/);
	t.regex(frame, /snap op-7\s+10 min ago\s+2026-11-21 10:15\s+before update\s+op op-7/);
	t.regex(frame, /git aaaaaaa\s+34 h ago\s+2026-11-20\s+alice\s+Raise payments timeout/);
	t.regex(frame, /git bbbbbbb\s+20 days ago\s+2026-11-01\s+bob\s+Add payments API/);
	await app.press('j', 'j', keys.enter);
	frame = await app.waitFor('Diff: Payments');
	t.regex(frame, /◀ git bbbbbbb\s+│▶ live staging/);
	t.regex(frame, /payments-old\.internal.*│.*payments-v2\.internal/);
	await app.press(keys.esc);
	await app.waitFor('2 Git revisions');
	await app.press('r');
	frame = await app.waitFor(/Plan: rollback staging[\s\S]*y applies/);
	t.regex(frame, /0 create · 1 update · 0 delete · 0 skip/);
	t.regex(frame, /rollback older version → live staging/);
	t.true(services.calls.includes('planRollback staging api:payments-1 bbbbbbb2222222'), services.calls.join('\n'));
	t.deepEqual(services.applied, []);
});

test.serial('history at 80×24 and a read-only environment refuses rollback', async (t) => {
	const services = new FakeServices();
	const app = renderApp(services, {width: 80, height: 24, initialEnvironment: 'archive'});
	t.teardown(app.unmount);
	await app.waitFor('of 1 shown');
	await app.press('f', 'b');
	const frame = await app.waitFor('2 Git revisions');
	t.is(frame.split('\n').length, 24);
	await app.press('r');
	await app.waitFor('archive is read-only: rollback refused');
	t.false(services.calls.some((c) => c.startsWith('planRollback')));
});

/** Two snapshots taken within the same minute, newer than both revisions; the older one is what runs live now. */
const busyHistory = {
	revisions: [
		{commit: 'aaaaaaa1111111', date: '2026-11-21T09:00:00+01:00', author: 'alice <alice@example.com>', subject: 'Raise payments timeout'},
		{commit: 'bbbbbbb2222222', date: '2026-11-01T12:00:00Z', author: 'bob <bob@example.com>', subject: 'Add payments API'},
	],
	snapshots: [
		{id: '20261121T101530Z-9f8e7d:api:payments-1', time: '2026-11-21T10:15:30Z', operation: '20261121T101530Z-9f8e7d', action: 'update'},
		{id: '20261121T101500Z-1a2b3c:api:payments-1', time: '2026-11-21T10:15:00Z', operation: '20261121T101500Z-1a2b3c', action: 'update'},
	],
};

for (const [width, height] of [[80, 24], [200, 60]] as const) {
	test.serial(`history is newest first across revisions and snapshots, with relative times, the live version marked and snapshots told apart (${width}×${height})`, async (t) => {
		const services = new FakeServices({history: busyHistory, liveVersion: '20261121T101500Z-1a2b3c:api:payments-1'});
		const app = renderApp(services, {width, height, initialEnvironment: 'staging', clock: now});
		t.teardown(app.unmount);
		await app.waitFor('4 of 6 shown');
		await app.press('j', 'b');
		const frame = await app.waitFor(/snap 1a2b3c ● live/);
		const rows = frame.split('\n').filter((line) => /(git|snap) [0-9a-f]{6,7} /.test(line));
		t.deepEqual(rows.map((row) => /(git|snap) [0-9a-f]{6,7}/.exec(row)![0]), ['snap 9f8e7d', 'snap 1a2b3c', 'git aaaaaaa', 'git bbbbbbb'], frame);
		t.regex(rows[0]!, /^› snap 9f8e7d {8}10 min ago/, 'newest first; the cursor starts on it');
		t.regex(rows[1]!, /^ {2}snap 1a2b3c ● live 10 min ago/, 'the live version is marked');
		t.regex(rows[2]!, /git aaaaaaa\s+2 h ago/, 'a revision with a time zone offset: 09:00+01:00 is 08:00Z');
		t.regex(rows[3]!, /git bbbbbbb\s+19 days ago/);
		t.false(rows.slice(2).some((row) => row.includes('● live')));
		t.true(frame.split('\n').every((line) => line.length <= width));
		// The check stopped at the match: the newest snapshot, then the live one; no revision was compared.
		t.is(services.calls.filter((c) => c.startsWith('versionComparison')).length, 2);
		if (width >= 120) t.regex(rows[1]!, /2026-11-21 10:15/, 'the absolute date where there is room');
		if (width >= 100) t.regex(frame, /· ● live: snap 1a2b3c/, 'the title names it where there is room');
	});
}
