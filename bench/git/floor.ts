import {spawn} from 'node:child_process';
import {once} from 'node:events';

/**
 * The floor for reading a layout from a ref: one `git cat-file --batch` process handed every blob hash at once, its
 * output read to the end and counted, nothing parsed. The reader must do at least this, so its time over this one
 * is the reader's own overhead.
 */
export async function catFileFloor(repo: string, hashes: readonly string[]): Promise<number> {
	const child = spawn('git', ['cat-file', '--batch'], {cwd: repo, stdio: ['pipe', 'pipe', 'inherit']});
	let bytes = 0;
	child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
	const exited = once(child, 'close');
	child.stdin.end(hashes.map((hash) => `${hash}\n`).join(''));
	const [code] = await exited;
	if (code !== 0) throw new Error(`bench git: git cat-file --batch exited with ${String(code)}`);
	return bytes;
}
