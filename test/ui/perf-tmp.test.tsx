import test from 'ava';
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import {FakeServices, defaultEnvironments} from './helpers/fake-services.js';
import {manyApis} from './helpers/items.js';
import {bigApiPair} from './helpers/big-diff.js';
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
async function measure(instance: ReturnType<typeof render>, key: string, n: number) {
	const times: number[] = [];
	for (let i = 0; i < n; i++) {
		const before = instance.frames.length;
		const start = performance.now();
		instance.stdin.write(key);
		while (instance.frames.length === before) await new Promise((r) => setImmediate(r));
		times.push(performance.now() - start);
		await tick(40);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(n / 2)]!.toFixed(1) + 'ms median, max ' + times.at(-1)!.toFixed(1);
}
test('perf', async (t) => {
	const envs = [{...defaultEnvironments()[0]!, git: manyApis(3000), live: []}];
	const instance = render(<App services={new FakeServices({environments: envs})} width={200} height={60} initialEnvironment="staging" color={false} />);
	for (let i = 0; i < 500 && !(instance.lastFrame() ?? '').includes('3000 of 3000'); i++) await tick(20);
	console.log('items j:', await measure(instance, 'j', 20));
	console.log('items pgdn:', await measure(instance, '\u001B[6~', 10));
	instance.unmount();
	const big = bigApiPair(20000, [5, 10000, 19990]);
	const i2 = render(<App services={new FakeServices({environments: big})} width={200} height={60} initialEnvironment="staging" color={false} />);
	for (let i = 0; i < 500 && !(i2.lastFrame() ?? '').includes('1 of 1'); i++) await tick(20);
	i2.stdin.write('\r');
	for (let i = 0; i < 500 && !(i2.lastFrame() ?? '').includes('change '); i++) await tick(20);
	await tick(100);
	i2.stdin.write('z');
	await tick(300);
	console.log(i2.lastFrame()?.split('\n').at(-3));
	console.log('diff pgdn:', await measure(i2, '\u001B[6~', 10));
	i2.unmount();
	t.pass();
});
