import test from 'ava';
import {emulator, secret} from './helpers.js';

const alice = {name: 'alice@example.com', secret: 'alice-key'};
const viewer = {name: 'viewer@example.com', secret: 'viewer-key', readOnly: true};

test('audit log: every write under /api is recorded with its user, newest first; reads are not', async (t) => {
	const em = await emulator(t, {users: [alice, viewer]});
	const created = await em.request('POST', '/api/portal/policies', {body: {name: 'Gold', id: 'gold', rate: 10, per: 1}});
	t.is(created.status, 200);
	t.is((await em.request('PUT', '/api/portal/policies/gold', {key: alice.secret, body: {name: 'Gold', id: 'gold', rate: 20, per: 1}})).status, 200);
	t.is((await em.request('PUT', '/api/portal/policies/gold', {key: viewer.secret, body: {name: 'Gold', id: 'gold', rate: 30, per: 1}})).status, 403);
	await em.request('GET', '/api/portal/policies');
	const answer = await em.request('GET', '/api/audit-logs', {key: viewer.secret});
	t.is(answer.status, 200);
	t.is(answer.body.pages, 1);
	const records = answer.body.audit_logs as any[];
	t.deepEqual(records.map((r) => [r.method, r.url, r.user, r.status]), [
		['PUT', '/api/portal/policies/gold', viewer.name, 403],
		['PUT', '/api/portal/policies/gold', alice.name, 200],
		['POST', '/api/portal/policies', 'admin@tyk-emulator.local', 200],
	]);
	for (const record of records) {
		t.true(typeof record.req_id === 'string' && typeof record.timestamp === 'number' && typeof record.date === 'string' && record.org_id !== '');
		t.false(JSON.stringify(record).includes(secret) || JSON.stringify(record).includes(alice.secret));
	}
	t.is((await em.request('GET', `/api/audit-logs/${records[1]._id}`)).body.user, alice.name);
	t.is((await em.request('GET', '/api/audit-logs/nope')).status, 404);
});

test('audit log: filters (user, method, url) and pages of the configured size', async (t) => {
	const em = await emulator(t, {users: [alice], pageSize: 2});
	for (const rate of [1, 2, 3]) await em.request('POST', '/api/portal/policies', {key: alice.secret, body: {name: `P${rate}`, id: `p${rate}`, rate, per: 1}});
	await em.request('DELETE', '/api/portal/policies/p1');
	const byAlice = await em.request('GET', '/api/audit-logs?user=alice%40example.com&p=1');
	t.is(byAlice.body.pages, 2);
	t.is(byAlice.body.audit_logs.length, 2);
	t.is((await em.request('GET', '/api/audit-logs?user=alice%40example.com&p=2')).body.audit_logs.length, 1);
	const deletes = await em.request('GET', '/api/audit-logs?method=delete');
	t.deepEqual(deletes.body.audit_logs.map((r: any) => r.url), ['/api/portal/policies/p1']);
	t.is((await em.request('GET', '/api/audit-logs?url=policies/p1')).body.audit_logs.length, 1);
});

test('audit log: the same permissions as the other endpoints, and off like a Dashboard before 5.7', async (t) => {
	const em = await emulator(t);
	t.is((await em.request('GET', '/api/audit-logs', {key: 'wrong'})).status, 401);
	const off = await emulator(t, {auditLog: false});
	t.is((await off.request('GET', '/api/audit-logs')).status, 404);
});
