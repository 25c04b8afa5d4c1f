import test from 'ava';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {BaseFileError, baseFile, readStateBase, writeStateBase} from '../../../source/sources/base/state-file.js';
import {tempStateDir} from './fixture.js';

const hash = (n: number) => `sha256:${String(n).padStart(64, '0')}`;
const commit = 'a'.repeat(40);

test('base file: records are merged per item, the newest kept, other items untouched; no file reads as no base', async (t) => {
	const stateDir = tempStateDir(t);
	t.deepEqual(await readStateBase(stateDir, 'staging'), new Map());
	await writeStateBase(stateDir, 'staging', new Map([
		['api:a', {hash: hash(1), time: '2026-12-03T10:00:00.000Z', commit}],
		['policy:p', {hash: null, time: '2026-12-03T10:00:00.000Z'}],
	]));
	await writeStateBase(stateDir, 'staging', new Map([['api:a', {hash: hash(2), time: '2026-12-03T11:00:00.000Z'}]]));
	// An older record (a clock behind, a slow run) never replaces a newer one.
	await writeStateBase(stateDir, 'staging', new Map([['api:a', {hash: hash(3), time: '2026-12-03T09:00:00.000Z'}]]));
	const base = await readStateBase(stateDir, 'staging');
	t.deepEqual(base.get('api:a'), {hash: hash(2), time: '2026-12-03T11:00:00.000Z'});
	t.deepEqual(base.get('policy:p'), {hash: null, time: '2026-12-03T10:00:00.000Z'});
	t.deepEqual(await readStateBase(stateDir, 'prod'), new Map(), 'one file per environment');
});

test('base file: a partial or foreign file is a clear error naming it, and the next write keeps it aside instead of losing it', async (t) => {
	const stateDir = tempStateDir(t);
	const file = baseFile(stateDir, 'staging');
	mkdirSync(path.dirname(file), {recursive: true});
	const torn = '{"version":1,"environment":"staging","items":{"api:a":{"hash":"sha256:';
	writeFileSync(file, torn);
	const error = await t.throwsAsync(readStateBase(stateDir, 'staging'), {instanceOf: BaseFileError});
	t.true(error!.message.includes(file), error!.message);
	t.regex(error!.message, /not JSON/);
	writeFileSync(file, '[1, 2]');
	t.regex((await t.throwsAsync(readStateBase(stateDir, 'staging')))!.message, /not a tyk-console base file/);

	writeFileSync(file, torn);
	const note = await writeStateBase(stateDir, 'staging', new Map([['api:b', {hash: hash(4), time: '2026-12-03T12:00:00.000Z'}]]));
	t.truthy(note.keptAs);
	t.is(readFileSync(note.keptAs!, 'utf8'), torn, 'the damaged file is kept as it was');
	t.deepEqual([...(await readStateBase(stateDir, 'staging')).keys()], ['api:b']);
	t.false(readdirSync(path.dirname(file)).some((name) => name.endsWith('.tmp')), 'no temporary file left');
	t.true(existsSync(file));
});
