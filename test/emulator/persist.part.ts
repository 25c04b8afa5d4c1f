import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {startEmulator} from '../../source/emulator/index.js';
import {StateWriter} from '../../source/emulator/persist.js';
import {createClassicApi, emulator, oasDoc} from './helpers.js';

async function tempDir(t: {teardown: (fn: () => Promise<void>) => void}): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'emulator-persist-'));
	t.teardown(() => rm(dir, {recursive: true, force: true}));
	return dir;
}

test('a restart from the data file keeps every API, policy and template with ids and timestamps', async (t) => {
	const dir = await tempDir(t);
	const dataFile = join(dir, 'state', 'dashboard.json');
	const first = await emulator(t, {dataFile});
	const api = await createClassicApi(first, 'Kept #billing', '/kept/');
	await first.request('POST', '/api/apis/oas', {body: oasDoc('Kept OAS', '/kept-oas/', 'kept-oas')});
	await first.request('PUT', '/api/apis/oas/kept-oas/categories', {body: {categories: ['c']}});
	await first.request('POST', '/api/portal/policies', {body: {name: 'Kept policy', id: 'kept', access_rights: {[api.ID]: {api_id: api.ID}}}});
	await first.request('POST', '/api/assets', {body: {kind: 'oas-template', name: 'tpl', id: 'tpl-kept', data: {}}});
	const before = [
		(await first.request('GET', '/api/apis?p=-1')).text,
		(await first.request('GET', '/api/portal/policies?p=-1')).text,
		(await first.request('GET', '/api/apis/oas/kept-oas/categories')).text,
		(await first.request('GET', '/api/assets')).text,
	];
	await first.close();
	const second = await emulator(t, {dataFile, seed: 5, now: () => new Date(Date.UTC(2030, 0, 1))});
	const after = [
		(await second.request('GET', '/api/apis?p=-1')).text,
		(await second.request('GET', '/api/portal/policies?p=-1')).text,
		(await second.request('GET', '/api/apis/oas/kept-oas/categories')).text,
		(await second.request('GET', '/api/assets')).text,
	];
	t.deepEqual(after, before, 'state survives and a seed does not overwrite an existing data file');
	t.is((await second.request('DELETE', `/api/apis/${api.ID}`)).status, 200);
	await second.close();
	const third = await emulator(t, {dataFile});
	t.is((await third.request('GET', `/api/apis/${api.ID}`)).status, 400, 'deletes persist too');
});

test('a write is on disk when its answer arrives, and no temp files are left behind', async (t) => {
	const dir = await tempDir(t);
	const dataFile = join(dir, 'dashboard.json');
	const em = await emulator(t, {dataFile});
	const created = await createClassicApi(em, 'Durable', '/durable/');
	const state = JSON.parse(await readFile(dataFile, 'utf8'));
	t.is(state.version, 1);
	t.is(state.apis[0].api_definition.api_id, created.ID);
	t.deepEqual(await readdir(dir), ['dashboard.json']);
});

test('the state writer coalesces concurrent saves and always ends with the newest state', async (t) => {
	const dir = await tempDir(t);
	const file = join(dir, 's.json');
	let counter = 0;
	let snapshots = 0;
	const writer = new StateWriter(file, () => {
		snapshots++;
		return {version: 1, apis: [counter], policies: [], assets: []};
	});
	const saves: Array<Promise<void>> = [];
	for (let i = 1; i <= 20; i++) {
		counter = i;
		saves.push(writer.save());
	}
	await Promise.all(saves);
	t.deepEqual(JSON.parse(await readFile(file, 'utf8')).apis, [20]);
	t.true(snapshots < 20, `expected coalesced writes, got ${snapshots}`);
	t.deepEqual(await readdir(dir), ['s.json']);
});

test('a corrupt data file is refused with a message naming it', async (t) => {
	const dir = await tempDir(t);
	const dataFile = join(dir, 'bad.json');
	await writeFile(dataFile, '{oops');
	const error = await t.throwsAsync(startEmulator({secret: 's', dataFile}));
	t.regex(error!.message, /bad\.json is not valid JSON/);
	await writeFile(dataFile, '{"apis":[]}');
	const shape = await t.throwsAsync(startEmulator({secret: 's', dataFile}));
	t.regex(shape!.message, /not an emulator state file/);
});
