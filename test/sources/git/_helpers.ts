import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ExecutionContext} from 'ava';

/** Root of the hand-written tyk-sync layouts used as fixtures. */
export const fixturesRoot = fileURLToPath(new URL('../../fixtures/layouts/', import.meta.url));

let home: string | undefined;

/**
 * Points HOME and the global git config at an empty temp dir, so the developer's own config (identity, hooks,
 * signing) never leaks into tests. Each AVA test file runs in its own process, so this is per file.
 */
export function isolateGit(): string {
	if (home) return home;
	home = mkdtempSync(join(tmpdir(), 'tyk-console-home-'));
	writeFileSync(join(home, 'gitconfig'), '');
	process.env['HOME'] = home;
	process.env['GIT_CONFIG_GLOBAL'] = join(home, 'gitconfig');
	process.env['GIT_CONFIG_NOSYSTEM'] = '1';
	for (const key of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'EMAIL']) {
		delete process.env[key];
	}
	const created = home;
	process.on('exit', () => rmSync(created, {recursive: true, force: true}));
	return home;
}

/** A temp dir removed when the test ends. */
export function tempDir(t: ExecutionContext, prefix = 'tyk-console-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	t.teardown(() => rmSync(dir, {recursive: true, force: true}));
	return dir;
}

/** Runs git synchronously for test setup; throws with git's stderr on failure. */
export function sh(cwd: string, args: readonly string[], input?: string): string {
	return execFileSync('git', args, {cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe']});
}

/** A fresh repository on `main`, with a local identity unless `identity: false`. */
export function initRepo(t: ExecutionContext, options: {identity?: boolean; bare?: boolean} = {}): string {
	isolateGit();
	const repo = tempDir(t, 'tyk-console-repo-');
	sh(repo, ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : [])]);
	if (options.identity !== false) {
		sh(repo, ['config', 'user.name', 'Test User']);
		sh(repo, ['config', 'user.email', 'test@example.com']);
	}
	return repo;
}

/** Writes files into a work tree (creating folders). */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
	for (const [path, content] of Object.entries(files)) {
		const full = join(root, path);
		mkdirSync(dirname(full), {recursive: true});
		writeFileSync(full, content);
	}
}

/** Writes files and commits everything in the work tree; returns the new commit. */
export function commitFiles(repo: string, files: Readonly<Record<string, string>>, message: string): string {
	writeTree(repo, files);
	sh(repo, ['add', '-A']);
	sh(repo, ['commit', '-q', '-m', message]);
	return sh(repo, ['rev-parse', 'HEAD']).trim();
}

/** Copies a fixture layout into `dest/sub` (sub may be '' for the root). */
export function copyFixture(name: string, dest: string, sub = ''): void {
	cpSync(join(fixturesRoot, name), join(dest, sub), {recursive: true});
}
