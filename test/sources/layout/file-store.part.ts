import test from 'ava';
import {mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {DirectoryStore} from '../../../source/sources/layout/dir-store.js';
import {writeLayoutToDirectory} from '../../../source/sources/layout/dir-writer.js';
import {indexPath, normalizeDir, readEachFile, resolveInside, type FileRead, type FileStore} from '../../../source/sources/layout/file-store.js';
import {tempDir} from '../git/_helpers.js';

test('resolveInside keeps every listed path inside the layout directory', (t) => {
	t.is(resolveInside('', 'a.json'), 'a.json');
	t.is(resolveInside('', './apis/a.json'), 'apis/a.json');
	t.is(resolveInside('tyk', 'apis/../a.json'), 'tyk/a.json');
	t.is(resolveInside('tyk/', 'a.json'), 'tyk/a.json');
	for (const bad of ['../a.json', 'apis/../../a.json', '/etc/passwd', 'C:/x.json', 'a\\..\\..\\b', '', '.', 'a\0b', 'tyk/..']) {
		t.is(resolveInside('', bad), undefined, bad);
	}
	t.is(resolveInside('tyk', '../other/a.json'), undefined);
	t.is(resolveInside('tyk', '../tyk2/a.json'), undefined);
});

test('normalizeDir accepts relative folders (including dot-folders) and refuses escapes', (t) => {
	t.is(normalizeDir(''), '');
	t.is(normalizeDir('.'), '');
	t.is(normalizeDir('./'), '');
	t.is(normalizeDir('./tyk/'), 'tyk');
	t.is(normalizeDir('.config/tyk'), '.config/tyk');
	t.is(indexPath('tyk'), 'tyk/.tyk.json');
	t.is(indexPath(''), '.tyk.json');
	for (const bad of ['/abs', '..', '../x']) t.throws(() => normalizeDir(bad), {message: /relative to the repository root/});
});

test('DirectoryStore lists files with / separators (no .git) and reads them; missing is undefined', async (t) => {
	const root = tempDir(t);
	mkdirSync(join(root, 'a', 'b'), {recursive: true});
	mkdirSync(join(root, '.git'));
	writeFileSync(join(root, '.git', 'HEAD'), 'x');
	writeFileSync(join(root, 'a', 'b', 'c.json'), '{}');
	writeFileSync(join(root, 'top.json'), '[]');
	symlinkSync(join(root, 'top.json'), join(root, 'link.json'));
	const store = new DirectoryStore(root);
	t.deepEqual(await store.list(), ['a/b/c.json', 'top.json']);
	t.is((await store.read('a/b/c.json'))!.toString(), '{}');
	t.is(await store.read('nope.json'), undefined);
	t.is(await store.read('top.json/below'), undefined);
	await t.throwsAsync(store.read('../etc/passwd'), {message: /outside/});
	t.is(store.describe(), root);
});

test('writeLayoutToDirectory writes atomically, creates folders, deletes, and refuses escapes before writing', async (t) => {
	const root = tempDir(t);
	await writeLayoutToDirectory(root, 'tyk', new Map([['.tyk.json', '{}'], ['apis/a.json', 'A']]));
	t.is(readFileSync(join(root, 'tyk', 'apis', 'a.json'), 'utf8'), 'A');
	const result = await writeLayoutToDirectory(root, 'tyk', new Map([['apis/a.json', 'B']]), ['.tyk.json', 'never-existed.json']);
	t.deepEqual(result, {written: ['tyk/apis/a.json'], removed: ['tyk/.tyk.json', 'tyk/never-existed.json']});
	t.is(readFileSync(join(root, 'tyk', 'apis', 'a.json'), 'utf8'), 'B');
	t.deepEqual(readdirSync(join(root, 'tyk')), ['apis']);
	t.deepEqual(readdirSync(join(root, 'tyk', 'apis')), ['a.json'], 'no temp files left');
	await t.throwsAsync(writeLayoutToDirectory(root, 'tyk', new Map([['ok.json', 'x'], ['../escape.json', 'x']])), {message: /outside the layout directory.*escape/});
	t.false(readdirSync(join(root, 'tyk')).includes('ok.json'), 'nothing written when one path is bad');
});

test('DirectoryStore answers thousands of concurrent reads (bounded open files), each with its own content', async (t) => {
	const root = tempDir(t);
	for (let i = 0; i < 3000; i++) writeFileSync(join(root, `${i}.json`), String(i));
	const store = new DirectoryStore(root);
	const contents = await Promise.all(Array.from({length: 3000}, (_, i) => store.read(`${i}.json`)));
	t.deepEqual(contents.map((buffer) => Number(buffer!.toString())), Array.from({length: 3000}, (_, i) => i));
});

test('readEachFile: one read per path without readEach; a failed readEach pass reports its error on the paths not yet visited', async (t) => {
	const files: Record<string, string> = {'a.json': 'A', 'b.json': 'B'};
	const plain: FileStore = {
		describe: () => 'plain',
		list: async () => Object.keys(files),
		read: async (path) => {
			if (path === 'bad.json') throw new Error('unreadable');
			return files[path] === undefined ? undefined : Buffer.from(files[path]);
		},
	};
	const collect = async (store: FileStore, paths: string[]) => {
		const out: string[] = [];
		await readEachFile(store, paths, (index, read: FileRead) => {
			out[index] = read instanceof Error ? `error ${read.message}` : read === undefined ? 'missing' : read.toString();
		});
		return out;
	};
	t.deepEqual(await collect(plain, ['a.json', 'none.json', 'bad.json', 'b.json']), ['A', 'missing', 'error unreadable', 'B']);
	const streaming: FileStore = {
		...plain,
		readEach: async (paths, visit) => {
			visit(1, Buffer.from(files[paths[1]!]!));
			throw new Error('git cat-file stopped');
		},
	};
	t.deepEqual(await collect(streaming, ['a.json', 'b.json', 'c.json']), ['error git cat-file stopped', 'B', 'error git cat-file stopped']);
	const broken = (): void => {
		throw new Error('visitor bug');
	};
	await t.throwsAsync(readEachFile(streaming, ['a.json', 'b.json'], broken), {message: 'visitor bug'});
});
