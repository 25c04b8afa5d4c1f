import {userInfo} from 'node:os';

/** The OS user for audit lines: who ran the write matters more than which Dashboard key was used. */
export function osUser(): string {
	try {
		return userInfo().username;
	} catch {
		return process.env['USER'] ?? process.env['LOGNAME'] ?? 'unknown';
	}
}
