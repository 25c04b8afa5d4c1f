import test from 'ava';
import {join} from 'node:path';
import {fetchNotes, mergeNote, notesRef, parseNote, pushNotes, readNotesBase, remoteOf, writeNote} from '../../../source/sources/git/notes.js';
import {commitFiles, initRepo, sh, tempDir} from './_helpers.js';

const hash = (n: number) => `sha256:${String(n).padStart(64, '0')}`;

test('notes: one JSON line per note, merged per item and environment, newest record wins, other environments kept', (t) => {
	const first = mergeNote(undefined, 'staging', new Map([['api:a', {hash: hash(1), time: '2026-12-03T10:00:00.000Z'}]]));
	const second = mergeNote(first, 'prod', new Map([['api:a', {hash: hash(2), time: '2026-12-03T11:00:00.000Z'}]]));
	t.deepEqual(Object.keys(JSON.parse(second)), ['staging', 'prod']);
	// Two clones' notes merged line by line (cat_sort_uniq): the reader takes the newest record of each item.
	const merged = `${second}\n${mergeNote(undefined, 'staging', new Map([['api:a', {hash: hash(3), time: '2026-12-03T12:00:00.000Z'}]]))}\nnot json\n`;
	const commit = 'c'.repeat(40);
	t.deepEqual(parseNote(merged, 'staging', commit).get('api:a'), {hash: hash(3), time: '2026-12-03T12:00:00.000Z', commit});
	t.deepEqual(parseNote(merged, 'prod', commit).get('api:a'), {hash: hash(2), time: '2026-12-03T11:00:00.000Z', commit});
	t.is(parseNote(merged, 'dev', commit).size, 0);
});

test('notes: written on a commit, pushed with the remote\'s notes merged in, and read from a fresh clone after fetching', async (t) => {
	const remote = initRepo(t, {bare: true});
	const one = initRepo(t);
	const commit = commitFiles(one, {'a.json': '{}'}, 'first');
	sh(one, ['remote', 'add', 'origin', remote]);
	sh(one, ['push', '-q', 'origin', 'main']);
	await writeNote(one, commit, 'staging', new Map([['api:a', {hash: hash(1), time: '2026-12-03T10:00:00.000Z'}]]));
	await writeNote(one, commit, 'prod', new Map([['api:a', {hash: hash(2), time: '2026-12-03T10:00:00.000Z'}]]));
	await pushNotes(one, 'origin');

	// Another clone records its own base on the same commit and pushes: nothing of the first clone's is lost.
	const two = join(tempDir(t), 'two');
	sh(remote, ['clone', '-q', remote, two]);
	t.is(await remoteOf(two, 'main'), 'origin');
	await writeNote(two, commit, 'staging', new Map([['policy:p', {hash: null, time: '2026-12-03T11:00:00.000Z'}]]));
	await pushNotes(two, 'origin');
	t.regex(sh(remote, ['notes', `--ref=${notesRef}`, 'show', commit]), /prod/);

	const fresh = join(tempDir(t), 'fresh');
	sh(remote, ['clone', '-q', remote, fresh]);
	t.is((await readNotesBase(fresh, 'staging')).size, 0, 'a clone has no notes until they are fetched');
	t.true(await fetchNotes(fresh, 'origin'));
	const base = await readNotesBase(fresh, 'staging');
	t.deepEqual(base.get('api:a'), {hash: hash(1), time: '2026-12-03T10:00:00.000Z', commit});
	t.deepEqual(base.get('policy:p'), {hash: null, time: '2026-12-03T11:00:00.000Z', commit});
	t.is((await readNotesBase(fresh, 'prod')).get('api:a')?.hash, hash(2));
	t.false(await fetchNotes(initRepo(t), 'origin'), 'no remote: nothing fetched, no error');
});
