import test from 'ava';
import {isEnvironmentName} from '../../source/core/environment-name.js';
import {acquireLock} from '../../source/sources/lock.js';

test('one environment-name rule: letters, digits, . _ - after a letter or digit, 1 to 63 characters', (t) => {
	for (const name of ['a', 'staging', 'prod.eu-1', 'Team_2', '9', 'x'.repeat(63)]) t.true(isEnvironmentName(name), name);
	for (const name of ['', '.hidden', '-x', '_x', '../etc', 'a/b', 'a b', 'ä', 'x'.repeat(64), 'a\n']) t.false(isEnvironmentName(name), name);
});

test('the lock refuses what the config refuses, before touching the file system', async (t) => {
	const error = await t.throwsAsync(acquireLock('/nonexistent-state-dir', 'x'.repeat(64)));
	t.regex(error!.message, /is not safe as a file name/);
});
