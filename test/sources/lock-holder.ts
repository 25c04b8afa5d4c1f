/**
 * A second process for the lock tests: takes the lock of `argv[3]` in state dir `argv[2]`, prints `locked`, and
 * releases it when its stdin closes (or is killed, leaving a stale lock behind).
 */
import {acquireLock} from '../../source/sources/lock.js';

const [stateDir, environment] = process.argv.slice(2) as [string, string];
const release = await acquireLock(stateDir, environment);
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => {
	void release().then(() => process.exit(0));
});
