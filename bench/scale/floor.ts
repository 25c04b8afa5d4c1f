import {execFile, spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {promisify} from 'node:util';
import pLimit from 'p-limit';
import {floorLoad} from '../load/floor.js';

/**
 * Floors for the `scale` scenario (issue 16): the least any reader could do for the same result, written plainly so
 * the tool's time over them is its own overhead. Live: `floorLoad` (plain fetch + JSON.parse, same requests, same
 * concurrency). Git: one `git ls-tree` and one `git cat-file --batch` of every blob, each parsed with JSON.parse.
 * Dump: the live floor, every item written as a pretty-printed file, then `git add` and `git commit`.
 */

const exec = promisify(execFile);

/** What a Git floor read: blobs and bytes, so the report can show it did the reader's work. */
export interface GitFloorCounts {
	readonly blobs: number;
	readonly bytes: number;
}

/** Blob hashes of every file under `ref` (`git ls-tree -r -z`). */
async function blobHashes(repo: string, ref: string): Promise<string[]> {
	const {stdout} = await exec('git', ['ls-tree', '-r', '-z', ref], {cwd: repo, maxBuffer: 256 * 1024 * 1024});
	const hashes: string[] = [];
	for (const record of stdout.split('\0')) {
		if (!record) continue;
		const [, type, hash] = record.slice(0, record.indexOf('\t')).split(' ');
		if (type === 'blob' && hash) hashes.push(hash);
	}
	return hashes;
}

/**
 * The Git floor: ls-tree, then every blob through one `cat-file --batch`, each body parsed as JSON (the `.tyk.json`
 * index and the item files are all JSON). Output is framed as it arrives; only a record cut by a chunk boundary is
 * copied.
 */
export async function gitFloor(repo: string, ref: string): Promise<GitFloorCounts> {
	const hashes = await blobHashes(repo, ref);
	const child = spawn('git', ['cat-file', '--batch'], {cwd: repo, stdio: ['pipe', 'pipe', 'inherit']});
	let pending: Buffer | undefined;
	let blobs = 0;
	let bytes = 0;
	child.stdout.on('data', (chunk: Buffer) => {
		const data = pending ? Buffer.concat([pending, chunk]) : chunk;
		pending = undefined;
		let at = 0;
		for (;;) {
			const newline = data.indexOf(10, at);
			if (newline < 0) break;
			const header = data.toString('latin1', at, newline);
			const size = Number(header.slice(header.lastIndexOf(' ') + 1));
			const end = newline + 1 + size;
			if (end + 1 > data.length) break;
			JSON.parse(data.toString('utf8', newline + 1, end));
			blobs++;
			bytes += size;
			at = end + 1;
		}
		if (at < data.length) pending = data.subarray(at);
	});
	const closed = once(child, 'close');
	child.stdin.end(hashes.map((hash) => `${hash}\n`).join(''));
	const [code] = await closed;
	if (code !== 0) throw new Error(`bench scale: git cat-file --batch exited with ${String(code)}`);
	if (blobs !== hashes.length) throw new Error(`bench scale: the Git floor parsed ${blobs} of ${hashes.length} blobs`);
	return {blobs, bytes};
}

/** The diff floor: the live floor and the Git floor at once, as a diff reads both sides in parallel. */
export async function diffFloor(url: string, key: string, concurrency: number, repo: string, ref: string): Promise<{items: number; blobs: number}> {
	const [live, git] = await Promise.all([floorLoad(url, key, concurrency), gitFloor(repo, ref)]);
	return {items: live.apis + live.policies + live.templates, blobs: git.blobs};
}

/** Plain GETs with JSON.parse, bounded like the client; used by the dump floor, which keeps what it fetched. */
function fetcher(url: string, key: string, concurrency: number): (path: string) => Promise<unknown> {
	const limit = pLimit(concurrency);
	return (path) => limit(async () => {
		const response = await fetch(url + path, {headers: {authorization: key, accept: 'application/json'}});
		if (!response.ok) throw new Error(`bench scale: GET ${path} answered ${response.status}`);
		return response.json() as Promise<unknown>;
	});
}

type Listed = Record<string, unknown>;

/**
 * The dump floor: the same list requests as the live floor (OAS documents through the OAS list), every item written
 * as a pretty-printed JSON file into a fresh work tree (one file per item, as the layout has), then `git add -A` and
 * one `git commit`. What a dump cannot do with less.
 */
export async function dumpFloor(url: string, key: string, concurrency: number, dir: string): Promise<{files: number}> {
	const get = fetcher(url, key, concurrency);
	const [apis, oas, policies, templates] = await Promise.all([
		get('/api/apis?p=-1') as Promise<{apis: Listed[] | null}>,
		get('/api/apis/oas?p=-1') as Promise<{apis: Listed[] | null}>,
		get('/api/portal/policies?p=-1') as Promise<{Data: Listed[] | null}>,
		get('/api/assets') as Promise<Listed[] | null>,
	]);
	const docs = new Map<unknown, Listed>();
	for (const doc of oas.apis ?? []) docs.set(((doc['x-tyk-api-gateway'] as Listed | undefined)?.['info'] as Listed | undefined)?.['id'], doc);
	await exec('git', ['init', '--quiet', dir]);
	const files: Array<[string, unknown]> = [];
	for (const wrapper of apis.apis ?? []) {
		const def = wrapper['api_definition'] as Listed;
		const id = String(def['api_id']);
		files.push([`apis/api-${id}.json`, def['is_oas'] === true ? {oas: docs.get(id), categories: wrapper['categories']} : wrapper]);
	}
	for (const policy of policies.Data ?? []) files.push([`policies/policy-${String(policy['_id'])}.json`, policy]);
	for (const template of templates ?? []) files.push([`assets/asset-${String(template['id'])}.json`, template]);
	await Promise.all(['apis', 'policies', 'assets'].map((sub) => mkdir(join(dir, sub), {recursive: true})));
	const write = pLimit(16);
	await Promise.all(files.map(([file, body]) => write(() => writeFile(join(dir, file), JSON.stringify(body, null, 2) + '\n'))));
	await writeFile(join(dir, '.tyk.json'), JSON.stringify({type: 'apidef', files: files.map(([file]) => ({file}))}, null, 2));
	const git = (args: string[]) => exec('git', args, {cwd: dir, maxBuffer: 64 * 1024 * 1024});
	await git(['add', '-A']);
	await git(['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '--quiet', '-m', 'bench: dump floor']);
	return {files: files.length + 1};
}
