import test from 'ava';
import {readFileSync, statSync} from 'node:fs';
import {userInfo} from 'node:os';
import {
	auditFile, bodyHash, canonicalJson, finishOperation, getOperation, readAudit, readAuditTail, recordAudit, recordAudits, recordPreImage, recordResult, recordResults,
	startOperation,
} from '../../../source/sources/journal.js';
import {tempStateDir} from './fixture.js';

test('canonical JSON sorts keys at every level, so key order does not change the hash', (t) => {
	t.is(canonicalJson({b: 1, a: [{d: null, c: 'x'}], e: {g: true, f: 1.5}}), '{"a":[{"c":"x","d":null}],"b":1,"e":{"f":1.5,"g":true}}');
	t.is(bodyHash({a: 1, b: {c: 2, d: 3}}), bodyHash({b: {d: 3, c: 2}, a: 1}));
	t.not(bodyHash({a: [1, 2]}), bodyHash({a: [2, 1]}));
	t.regex(bodyHash({}) ?? '', /^sha256:[0-9a-f]{64}$/);
	t.is(bodyHash(null), null);
});

test('one audit line per written item with user, environment, operation, hashes and source', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'prod', action: 'publish', source: 'git main@3f2a1c9'});
	const before = {id: 'gold', rate: 10};
	const after = {id: 'gold', rate: 20};
	await recordPreImage(op, {kind: 'policy', id: 'gold', body: before});
	await recordAudit(op, {kind: 'policy', id: 'gold', action: 'update', result: 'applied', before, after});
	await recordAudit(op, {kind: 'api', id: 'new', action: 'create', result: 'failed', before: null, after: {x: 1}, error: 'HTTP 500'});
	await finishOperation(op);
	const entries = await readAudit(stateDir);
	t.is(entries.length, 2);
	const [first, second] = entries;
	t.like(first, {
		user: userInfo().username, environment: 'prod', operation: op.id, kind: 'policy', id: 'gold', action: 'update',
		result: 'applied', before: bodyHash(before), after: bodyHash(after), source: 'git main@3f2a1c9',
	});
	t.false('error' in first!);
	t.false(Number.isNaN(Date.parse(first!.time)));
	t.like(second, {kind: 'api', id: 'new', action: 'create', result: 'failed', before: null, after: bodyHash({x: 1}), error: 'HTTP 500'});
	const text = readFileSync(auditFile(stateDir), 'utf8');
	t.false(text.includes('"rate"'), 'bodies are hashed, never stored');
	t.is(statSync(auditFile(stateDir)).mode & 0o777, 0o600);
});

test('concurrent appends never interleave lines', async (t) => {
	const stateDir = tempStateDir(t);
	const op = await startOperation(stateDir, {environment: 'staging', action: 'publish', source: 'git main@1'});
	const ids = Array.from({length: 60}, (_, i) => `api-${i}`);
	await Promise.all(ids.map((id) => recordAudit(op, {kind: 'api', id, action: 'update', result: 'applied', before: {id}, after: {id, v: 2}})));
	await finishOperation(op);
	const entries = await readAudit(stateDir);
	t.deepEqual(entries.map((e) => e.id).sort(), [...ids].sort());
});

test('no audit log yet reads as empty', async (t) => {
	t.deepEqual(await readAudit(tempStateDir(t)), []);
});

test('a batch of results and audit lines (a dump) records exactly what one call per item records, across write batches', async (t) => {
	const stateDir = tempStateDir(t);
	const steps = Array.from({length: 4500}, (_, index) => ({kind: 'policy' as const, id: `p${index}`, name: `P ${index}`, body: {id: `p${index}`, rate: index}}));
	const one = await startOperation(stateDir, {environment: 'one', action: 'dump', source: 'live one'});
	for (const step of steps.slice(0, 3)) {
		await recordResult(one, {kind: step.kind, id: step.id, name: step.name, action: 'create', status: 'applied'});
		await recordAudit(one, {kind: step.kind, id: step.id, action: 'create', result: 'applied', before: null, after: step.body});
	}
	await finishOperation(one);
	const many = await startOperation(stateDir, {environment: 'many', action: 'dump', source: 'live many'});
	await recordResults(many, steps.map((step, index) => ({kind: step.kind, id: step.id, name: step.name, action: 'create', status: index === 7 ? 'failed' : 'applied', ...(index === 7 ? {error: 'no'} : {})})));
	await recordAudits(many, steps.map((step) => ({kind: step.kind, id: step.id, action: 'create', result: 'applied', before: null, after: step.body})));
	await finishOperation(many);
	const withoutTime = <T extends {time: string}>({time: _time, ...rest}: T) => rest;
	const [single, batch] = [await getOperation(stateDir, one.id), await getOperation(stateDir, many.id)];
	t.is(batch!.results.length, 4500);
	t.deepEqual(batch!.results.slice(0, 3).map(withoutTime), single!.results.map(withoutTime));
	t.like(batch!.results[7], {id: 'p7', status: 'failed', error: 'no'});
	const audit = await readAudit(stateDir);
	const [ones, manys] = [audit.filter((entry) => entry.operation === one.id), audit.filter((entry) => entry.operation === many.id)];
	t.is(manys.length, 4500);
	t.deepEqual(manys.slice(0, 3).map(({operation: _o, environment: _e, source: _s, ...rest}) => withoutTime(rest)), ones.map(({operation: _o, environment: _e, source: _s, ...rest}) => withoutTime(rest)));
	t.is(manys[4499]!.after, bodyHash(steps[4499]!.body));
});

test('the audit tail: the newest whole lines within a byte bound, in write order; nothing before the first write', async (t) => {
	const stateDir = tempStateDir(t);
	t.deepEqual(await readAuditTail(stateDir), []);
	const op = await startOperation(stateDir, {environment: 'prod', action: 'publish', source: 'git main@3f2a1c9'});
	for (let rate = 1; rate <= 20; rate++) await recordAudit(op, {kind: 'policy', id: `p${rate}`, action: 'update', result: 'applied', before: null, after: {rate}});
	t.deepEqual((await readAuditTail(stateDir)).map((entry) => entry.id), Array.from({length: 20}, (_unused, index) => `p${index + 1}`));
	const lineBytes = statSync(auditFile(stateDir)).size / 20;
	const tail = await readAuditTail(stateDir, Math.floor(lineBytes * 5.5));
	t.deepEqual(tail.map((entry) => entry.id), ['p16', 'p17', 'p18', 'p19', 'p20'], 'the cut first line is dropped');
});
