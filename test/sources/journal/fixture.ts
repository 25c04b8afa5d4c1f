import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';

/** A fresh state directory (inside a temp dir, so its creation with 0700 is observable), removed after the test. */
export function tempStateDir(t: ExecutionContext): string {
	const root = mkdtempSync(path.join(tmpdir(), 'tyk-console-journal-'));
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	return path.join(root, 'state');
}
