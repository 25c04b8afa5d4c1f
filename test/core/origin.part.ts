import test from 'ava';
import {hashValue, itemHash} from '../../source/core/content-hash.js';
import {makeItem} from '../../source/core/item.js';
import {classifyOrigin, countOrigins, hasOrigin} from '../../source/core/origin.js';

const [base, moved, other] = ['sha256:base', 'sha256:moved', 'sha256:other'];

test('origin: Git moved, live moved, both moved, no base; nothing when Git and live agree', (t) => {
	t.is(classifyOrigin({base, git: moved, live: base}), 'git');
	t.is(classifyOrigin({base, git: base, live: moved}), 'live');
	t.is(classifyOrigin({base, git: moved, live: other}), 'both');
	t.is(classifyOrigin({base: undefined, git: moved, live: other}), 'unknown');
	t.is(classifyOrigin({base, git: moved, live: moved}), undefined, 'both moved to the same content: in sync');
	t.is(classifyOrigin({base: undefined, git: base, live: base}), undefined);
});

test('origin of a one-sided item: a deletion is a move of the side that lacks it; a recorded absence makes a new item its side\'s', (t) => {
	t.is(classifyOrigin({base, git: null, live: base}), 'git', 'only live, deleted in Git');
	t.is(classifyOrigin({base, git: base, live: null}), 'live', 'only in Git, deleted live');
	t.is(classifyOrigin({base, git: null, live: moved}), 'both', 'deleted in Git, edited live');
	t.is(classifyOrigin({base: null, git: moved, live: null}), 'git', 'pruned, then added in Git');
	t.is(classifyOrigin({base: null, git: null, live: moved}), 'live', 'pruned, then created live');
	t.is(classifyOrigin({base: undefined, git: null, live: moved}), 'unknown');
});

test('origins belong to differing pairs only, and are counted per origin', (t) => {
	t.deepEqual(['unchanged', 'changed', 'only-in-git', 'only-live', 'invalid', 'conflict'].map((s) => hasOrigin(s as never)), [false, true, true, true, false, false]);
	t.deepEqual(countOrigins([{origin: 'git'}, {origin: 'both'}, {}, {origin: 'git'}]), {git: 2, live: 0, both: 1, unknown: 0});
});

test('the content hash is the hash of what a comparison compares: key order and server-managed fields do not change it', (t) => {
	const item = makeItem('policy', {id: 'gold', name: 'Gold', rate: 10, per: 60});
	const reordered = makeItem('policy', {per: 60, rate: 10, name: 'Gold', id: 'gold', _id: '5f00aa', last_updated: '1700000000'});
	t.is(itemHash(item), itemHash(reordered));
	t.not(itemHash(item), itemHash(makeItem('policy', {id: 'gold', name: 'Gold', rate: 11, per: 60})));
	t.not(itemHash(item, {ignore: {policy: ['rate']}}), itemHash(item));
	t.is(hashValue(null), null);
	t.regex(hashValue({a: 1})!, /^sha256:[0-9a-f]{64}$/);
});
