import {defaultEnvironments, type FakeEnvironment} from './fake-services.js';
import {classicApi} from './items.js';

/** An API with `size` config_data keys, and its live twin with the given keys' values changed. */
export function bigApiPair(size: number, changedKeys: readonly number[], longValue = ''): FakeEnvironment[] {
	const data = (changed: boolean) => Object.fromEntries(Array.from({length: size}, (_, i) => [
		`setting_${String(i).padStart(5, '0')}`,
		changed && changedKeys.includes(i) ? `value ${i} changed live${longValue}` : `value ${i}${longValue}`,
	]));
	const git = classicApi('big-1', 'Big API', '/big/', 'http://big.internal', {config_data: data(false)});
	const live = classicApi('big-1', 'Big API', '/big/', 'http://big.internal', {config_data: data(true)});
	const base = defaultEnvironments()[0]!;
	return [{...base, git: [git], live: [live]}];
}
