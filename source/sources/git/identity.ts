import {runGit} from './run.js';

/** Used when neither git config nor the environment names anyone, so a dump on a fresh CI runner still commits. */
export const fallbackIdentity = {name: 'tyk-console', email: 'tyk-console@localhost'} as const;

async function configValue(repo: string, key: string): Promise<string | undefined> {
	const result = await runGit(repo, ['config', '--get', key]);
	const value = result.stdout.toString('utf8').trim();
	return result.code === 0 && value !== '' ? value : undefined;
}

/**
 * Environment variables that make git's author and committer the configured user, or the fallback identity where
 * none is configured (git would otherwise refuse to commit, or invent `user@host.(none)`).
 */
export async function identityEnv(repo: string): Promise<Record<string, string>> {
	const env: Record<string, string> = {};
	for (const role of ['AUTHOR', 'COMMITTER'] as const) {
		const name = process.env[`GIT_${role}_NAME`] || (await configValue(repo, 'user.name'));
		const email = process.env[`GIT_${role}_EMAIL`] || (await configValue(repo, 'user.email'));
		env[`GIT_${role}_NAME`] = name ?? fallbackIdentity.name;
		env[`GIT_${role}_EMAIL`] = email ?? fallbackIdentity.email;
	}
	return env;
}
