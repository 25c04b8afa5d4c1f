import {readdir, rm} from 'node:fs/promises';
import {join} from 'node:path';

/** Whether a process with this pid runs on this machine (a pid we may not signal still runs). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the entries of `folder` that a killed tyk-console left behind: names matching `pattern`, whose first
 * capture is the pid that made them, when that process is gone. A dump killed mid-way leaves such files (a
 * temporary sibling of a layout file, a temporary index folder holding every definition in plain text); the next
 * run cleans them before it writes. Entries of a running process are left alone, so two runs never race on this.
 */
export async function removeLeftovers(folder: string, pattern: RegExp): Promise<string[]> {
	let names: string[];
	try {
		names = await readdir(folder);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		const match = pattern.exec(name);
		const pid = match ? Number(match[1]) : NaN;
		if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
		await rm(join(folder, name), {recursive: true, force: true});
		removed.push(name);
	}
	return removed;
}
