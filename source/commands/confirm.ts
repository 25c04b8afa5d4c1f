import {createInterface} from 'node:readline/promises';
import type {EnvironmentConfig} from '../config/types.js';

/** How a write was allowed, or why not; the caller prints the refusal and exits 1. */
export type Consent = {readonly ok: true} | {readonly ok: false; readonly reason: string};

async function ask(question: string): Promise<string> {
	const rl = createInterface({input: process.stdin, output: process.stderr});
	try {
		return (await rl.question(question)).trim();
	} finally {
		rl.close();
	}
}

/**
 * The write gate of product.md §5/§6: read-only environments refuse; `--yes` skips the question; without a TTY a
 * protected environment needs `--yes`; on a TTY the user answers y (or types the name of a protected environment).
 */
export async function confirmWrite(environment: EnvironmentConfig, options: {yes?: boolean}): Promise<Consent> {
	if (environment.readOnly) return {ok: false, reason: `${environment.name} is read-only (readOnly: true in the config): nothing was written`};
	if (options.yes) return {ok: true};
	const interactive = process.stdin.isTTY === true && process.stderr.isTTY === true;
	if (!interactive) {
		if (environment.protected) return {ok: false, reason: `${environment.name} is protected: re-run with --yes to write without a terminal; nothing was written`};
		return {ok: true};
	}
	if (environment.protected) {
		const answer = await ask(`${environment.name} is protected. Type its name to apply: `);
		return answer === environment.name ? {ok: true} : {ok: false, reason: 'not confirmed: nothing was written'};
	}
	const answer = await ask(`Apply to ${environment.name}? [y/N] `);
	return /^y(es)?$/i.test(answer) ? {ok: true} : {ok: false, reason: 'not confirmed: nothing was written'};
}
