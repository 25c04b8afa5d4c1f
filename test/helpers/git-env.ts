import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

let configFile: string | undefined;

/**
 * Environment for child processes that run Git: the developer's global and system config are replaced by an empty
 * file, so tests behave the same on every machine.
 */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	if (!configFile) {
		const dir = mkdtempSync(join(tmpdir(), 'tyk-console-gitcfg-'));
		configFile = join(dir, 'gitconfig');
		writeFileSync(configFile, '');
		// One empty config per test process, removed when the process ends.
		process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
	}
	return {GIT_CONFIG_GLOBAL: configFile, GIT_CONFIG_NOSYSTEM: '1', ...extra};
}
