import test from 'ava';
import {readFile} from 'node:fs/promises';
import {keysMarkdown} from '../source/ui/keys-table.js';

const readme = await readFile(new URL('../readme.md', import.meta.url), 'utf8');

test('the readme key table is the one generated from the key registry', (t) => {
	const match = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme);
	t.truthy(match, 'readme.md has the keys markers');
	t.is(match![1], keysMarkdown(), 'run `npm run readme:keys` and paste the table into readme.md');
});

test('the readme gives the two quick-start commands and the test command', (t) => {
	t.regex(readme, /```sh\nnpm install\nnpm start\n```/);
	t.regex(readme, /```sh\nnpm test\n```/);
});
