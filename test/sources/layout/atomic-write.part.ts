import test from 'ava';
import {chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {writeFileAtomic} from '../../../source/sources/layout/atomic-write.js';
import {tempDir} from '../git/_helpers.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

test('an existing file keeps its mode (0600, 0755), whatever the umask', async (t) => {
	const dir = tempDir(t);
	for (const mode of [0o600, 0o755, 0o640]) {
		const file = join(dir, `file-${mode.toString(8)}.json`);
		writeFileSync(file, 'old');
		chmodSync(file, mode);
		await writeFileAtomic(file, 'new');
		t.is(modeOf(file), mode, mode.toString(8));
		t.is(readFileSync(file, 'utf8'), 'new');
	}
});

test('a new file gets 0644 less the umask, in folders created on the way', async (t) => {
	const file = join(tempDir(t), 'apis', 'oas', 'new.json');
	await writeFileAtomic(file, '{}');
	t.is(modeOf(file), 0o644 & ~process.umask());
	t.is(readFileSync(file, 'utf8'), '{}');
});

test('the content arrives whole (a large buffer), and no temporary file stays behind', async (t) => {
	const dir = tempDir(t);
	const file = join(dir, 'big.json');
	writeFileSync(file, 'x'.repeat(10));
	const content = Buffer.alloc(5 * 1024 * 1024, 'abcdefgh');
	await writeFileAtomic(file, content);
	t.true(readFileSync(file).equals(content));
	t.deepEqual(readdirSync(dir), ['big.json']);
});

test('a failed write leaves no temporary file and the target as it was', async (t) => {
	const dir = tempDir(t);
	const target = join(dir, 'taken');
	mkdirSync(target);
	writeFileSync(join(target, 'inside.json'), 'keep');
	await t.throwsAsync(writeFileAtomic(target, 'content'));
	t.deepEqual(readdirSync(dir), ['taken']);
	t.is(readFileSync(join(target, 'inside.json'), 'utf8'), 'keep');
});

test.serial('a strict umask (077) does not narrow an existing 0755 file', async (t) => {
	const file = join(tempDir(t), 'script.json');
	writeFileSync(file, 'old');
	chmodSync(file, 0o755);
	const previous = process.umask(0o077);
	try {
		await writeFileAtomic(file, 'new');
	} finally {
		process.umask(previous);
	}
	t.is(modeOf(file), 0o755);
});
