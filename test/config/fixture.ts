import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {ExecutionContext} from 'ava';

/** A temp world for config tests: a working directory and a home directory, removed after the test. */
export interface World {
	readonly root: string;
	readonly cwd: string;
	readonly home: string;
	/** A process environment that sees only this world (no real HOME, no real XDG dirs). */
	readonly env: Record<string, string | undefined>;
	write(relative: string, content: string): string;
}

/** Creates the world and registers its removal. */
export function makeWorld(t: ExecutionContext): World {
	const root = mkdtempSync(path.join(tmpdir(), 'tyk-console-config-'));
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	const cwd = path.join(root, 'work');
	const home = path.join(root, 'home');
	mkdirSync(cwd, {recursive: true});
	mkdirSync(home, {recursive: true});
	return {
		root, cwd, home,
		env: {HOME: home, PATH: process.env['PATH']},
		write(relative, content) {
			const file = path.resolve(cwd, relative);
			mkdirSync(path.dirname(file), {recursive: true});
			writeFileSync(file, content);
			return file;
		},
	};
}

/** A minimal valid config with one environment, in YAML. */
export const minimalYaml = `environments:
  - name: staging
    dashboard: http://127.0.0.1:3000
    secretEnv: TYK_STAGING_SECRET
`;
