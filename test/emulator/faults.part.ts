import test from 'ava';
import {Faults} from '../../source/emulator/faults.js';
import {startEmulator} from '../../source/emulator/index.js';
import {createClassicApi, emulator, errorBody} from './helpers.js';

test('failRate 1 answers every request 500 with an error body', async (t) => {
	const em = await emulator(t, {failRate: 1});
	const answer = await em.request('GET', '/api/apis');
	t.is(answer.status, 500);
	t.is(answer.body.Status, 'Error');
	t.is(answer.contentType, 'application/json');
	t.is((await em.request('GET', '/api/apis', {key: 'wrong'})).status, 401, 'authentication is checked before faults');
});

test('failOn reads/writes limits which requests fail; setFaults changes it at run time', async (t) => {
	const em = await emulator(t, {failRate: 1, failOn: 'reads'});
	t.is((await em.request('POST', '/api/apis', {body: {api_definition: {name: 'A', proxy: {listen_path: '/a/'}}}})).status, 200);
	t.is((await em.request('GET', '/api/apis')).status, 500);
	em.store.setFaults({failOn: 'writes'});
	t.is((await em.request('GET', '/api/apis')).status, 200);
	t.is((await em.request('DELETE', '/api/apis/x')).status, 500);
	em.store.setFaults({failRate: 0, latencyMs: 5});
	t.is((await em.request('GET', '/api/apis')).status, 200);
	t.throws(() => em.store.setFaults({failRate: 2}), {message: 'failRate must be between 0 and 1'});
});

test('a fractional failRate fails the same requests on every run', async (t) => {
	const pattern = async (): Promise<number[]> => {
		const em = await emulator(t, {failRate: 0.5});
		const statuses: number[] = [];
		for (let i = 0; i < 30; i++) statuses.push((await em.request('GET', '/api/apis')).status);
		return statuses;
	};
	const first = await pattern();
	t.deepEqual(await pattern(), first);
	t.true(first.includes(500) && first.includes(200));
});

test('Faults draws only for eligible requests', (t) => {
	const faults = new Faults({failRate: 1, failOn: 'writes'});
	t.false(faults.shouldFail('GET'));
	t.true(faults.shouldFail('PUT'));
	t.false(new Faults({failRate: 0}).shouldFail('POST'));
});

test('latency still answers correctly (no timing asserted)', async (t) => {
	const em = await emulator(t, {latencyMs: 1});
	await createClassicApi(em, 'Slow', '/slow/');
	t.is((await em.request('GET', '/api/apis?p=-1')).body.apis.length, 1);
});

test('invalid options are refused with a clear message', async (t) => {
	await t.throwsAsync(startEmulator({secret: 's', failRate: -0.1}), {message: 'failRate must be between 0 and 1'});
	await t.throwsAsync(startEmulator({secret: ''}), {message: /non-empty secret/});
	await t.throwsAsync(startEmulator({secret: 's', pageSize: 0}), {message: /pageSize/});
	await t.throwsAsync(startEmulator({secret: 's', seed: 1.5}), {message: /seed/});
	t.deepEqual(errorBody('x').Meta, null);
});
