import {execFile} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {promisify} from 'node:util';
import type {GitConfig} from '../../source/config/types.js';
import {readGitSide} from '../../source/engine/git-side.js';
import {GitRefStore} from '../../source/sources/git/ref-store.js';
import {readLayout} from '../../source/sources/layout/reader.js';
import {commitLayout, createBareRepo, seededItems} from '../shared/layout-repo.js';
import {fastest, line, median, ms, print, verdict, wholeNumber} from '../shared/report.js';
import {catFileFloor} from './floor.js';

/**
 * `git` (issue 3): reading a 3,000-item tyk-sync layout from a ref, next to the floor measured in the same run (one
 * `git cat-file --batch` of the same blobs, read but not parsed). Target: the reader within 1.5x the floor.
 * The fixture is written by the real layout writer into a bare temp repo from emulator-seeded items.
 */

const exec = promisify(execFile);

/** Blob hashes of every file at the layout root of `commit` (the index and the files it lists). */
async function layoutBlobs(repo: string, commit: string): Promise<string[]> {
	const {stdout} = await exec('git', ['ls-tree', '-r', '-z', commit], {cwd: repo, maxBuffer: 64 * 1024 * 1024});
	return stdout.split('\0').filter(Boolean).map((record) => record.slice(0, record.indexOf('\t')).split(' ')[2]!);
}

async function time<T>(work: () => Promise<T>): Promise<{ms: number; value: T}> {
	const started = performance.now();
	const value = await work();
	return {ms: performance.now() - started, value};
}

/** Usage: `npm run bench git [APIS POLICIES TEMPLATES [ROUNDS]]` (default 2000 950 50 9: 3,000 items). */
export async function run(args: readonly string[]): Promise<void> {
	const [apisText = '2000', policiesText = '950', templatesText = '50', roundsText = '9'] = args;
	const counts = {apis: wholeNumber(apisText, 'apis'), policies: wholeNumber(policiesText, 'policies'), templates: wholeNumber(templatesText, 'templates')};
	const rounds = wholeNumber(roundsText, 'rounds', 1);
	const items = await seededItems(counts);
	const temp = await createBareRepo();
	try {
		const commit = await commitLayout(temp.repo, 'main', items);
		const hashes = await layoutBlobs(temp.repo, commit);
		const git: GitConfig = {repo: temp.repo, branch: 'main', dir: ''};
		const readSide = () => readGitSide(git);
		const readStore = async () => {
			const store = await GitRefStore.open({repo: temp.repo, ref: 'main'});
			try {
				return await readLayout(store, '');
			} finally {
				await store.close();
			}
		};
		// Warm-up: page cache, JIT, git's pack index.
		const first = await readSide();
		let bytes = await catFileFloor(temp.repo, hashes);
		const side: number[] = [];
		const store: number[] = [];
		const floor: number[] = [];
		// Interleaved so drift in the shared machine's load hits all three alike.
		for (let round = 0; round < rounds; round++) {
			floor.push((await time(async () => (bytes = await catFileFloor(temp.repo, hashes)))).ms);
			side.push((await time(readSide)).ms);
			store.push((await time(readStore)).ms);
		}
		const set = first.set;
		const figure = (name: string, values: number[], note: (ratio: number) => string): string[] => [
			line(`${name} (median)`, ms(median(values)), note(median(values) / median(floor))),
			line(`${name} (fastest)`, ms(fastest(values)), note(fastest(values) / fastest(floor))),
		];
		const target = (ratio: number) => `ratio ${ratio.toFixed(2)}x, target <= 1.5x: ${verdict(ratio <= 1.5)}`;
		print([
			`git: ${set.items.length} items read (${set.invalid.length} invalid, ${set.conflicts.length} conflicts) from ${hashes.length} blobs, ${(bytes / 1024 / 1024).toFixed(1)} MB; ${rounds} runs each, interleaved`,
			line('cat-file --batch floor (median)', ms(median(floor)), 'same blobs, read to the end, not parsed'),
			line('cat-file --batch floor (fastest)', ms(fastest(floor))),
			...figure('readGitSide', side, target),
			...figure('open + readLayout', store, (ratio) => `ratio ${ratio.toFixed(2)}x (store only, no repository check)`),
		]);
	} finally {
		await temp.remove();
	}
}

