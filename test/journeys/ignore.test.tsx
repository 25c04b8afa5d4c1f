import test from 'ava';
import type {CompareOptions} from '../../source/core/compare.js';
import {EngineContext} from '../../source/engine/context.js';
import {Engine} from '../../source/engine/engine.js';
import {FakeServices} from '../ui/helpers/fake-services.js';
import {keys, renderApp} from '../ui/helpers/render.js';

// The Diff screen hides what the comparison ignored: the config's `ignore` paths reach it through
// ConsoleServices.compareOptions, so the diff and the engine agree on what is a change.

const ignoreUpstream: CompareOptions = {ignore: {api: ['api_definition.proxy.target_url']}};

class IgnoringServices extends FakeServices {
	override compareOptions(): CompareOptions {
		return ignoreUpstream;
	}
}

async function paymentsDiff(services: FakeServices) {
	const app = renderApp(services, {width: 160, height: 30, initialEnvironment: 'staging'});
	await app.waitFor(/of 6 shown/);
	// Every status: with the upstream ignored, Payments is unchanged and the default (drift) filter hides it.
	await app.press('f');
	await app.waitFor('6 of 6 shown');
	await app.press('/', 'Payments', keys.enter);
	const row = await app.waitFor('1 of 6 shown');
	await app.press(keys.enter);
	return {app, row, frame: await app.waitFor('Diff: Payments')};
}

test.serial('without ignore paths the diff shows the changed upstream', async (t) => {
	const {app, frame} = await paymentsDiff(new FakeServices());
	t.teardown(app.unmount);
	t.regex(frame, /payments\.internal.*│.*payments-v2\.internal/);
});

test.serial('the config\'s ignore paths hide the same field in the diff; i still shows everything', async (t) => {
	const {app, row, frame} = await paymentsDiff(new IgnoringServices());
	t.teardown(app.unmount);
	t.regex(row, /› =\s+api\s+classic\s+Payments/, 'the Items list agrees: unchanged');
	t.false(frame.includes('target_url'), frame);
	t.regex(frame, /No differences in the compared fields/);
	await app.press('i');
	t.regex(await app.waitFor('showing all fields'), /payments\.internal.*│.*payments-v2\.internal/);
});

test('the engine hands the config\'s ignore paths to the console', (t) => {
	const ignore = {api: ['api_definition.tags'], policy: ['tags'], template: []};
	const engine = new Engine(new EngineContext({stateDir: '/nonexistent-state', ignore, environments: []}));
	t.deepEqual(engine.compareOptions(), {ignore});
});
