import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import type {ExecutionContext} from 'ava';

const holderScript = fileURLToPath(new URL('../sources/lock-holder.ts', import.meta.url));

/**
 * A second node process holding an environment's lock through the tool's own lock code; resolves once it has it,
 * and is killed when the test ends.
 */
export async function startLockHolder(t: ExecutionContext, stateDir: string, environment: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', holderScript, stateDir, environment], {stdio: ['pipe', 'pipe', 'inherit']});
	t.teardown(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	await new Promise<void>((resolve, reject) => {
		let out = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
			if (out.includes('locked\n')) resolve();
		});
		child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
	});
	return child;
}
