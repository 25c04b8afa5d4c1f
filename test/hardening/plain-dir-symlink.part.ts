import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import test from 'ava';
import {assertNoSecrets, makeWorld} from '../helpers/world.js';
import {patchEnvironment} from './helpers.js';

test.serial('hostile plain directory: a listed file that is a symlink to a definition outside the folder, and a file under a symlinked sub-folder, are reported invalid and never published; the rest is', async (t) => {
	const world = await makeWorld(t, [{name: 'plain', emulator: {seed: 1}}]);
	const emulator = world.emulators['plain']!;
	const template: any = emulator.store.listApis().find((wrapper) => !wrapper['oas']);
	const definition = (apiId: string, index: number): any => {
		const copy = structuredClone(template);
		delete copy.oas;
		delete copy.api_definition.id;
		Object.assign(copy.api_definition, {api_id: apiId, name: `symlinked ${apiId}`, slug: `symlinked-${index}`});
		copy.api_definition.proxy.listen_path = `/symlinked-${index}/`;
		return copy;
	};
	// Definitions outside the layout folder: one file, one folder.
	const outside = join(world.root, 'outside');
	mkdirSync(join(outside, 'folder'), {recursive: true});
	writeFileSync(join(outside, 'elsewhere.json'), JSON.stringify(definition('from-outside-file', 1)));
	writeFileSync(join(outside, 'folder', 'api.json'), JSON.stringify(definition('from-outside-folder', 2)));
	const plain = join(world.root, 'plain');
	mkdirSync(join(plain, 'real'), {recursive: true});
	writeFileSync(join(plain, 'real', 'target.json'), JSON.stringify(definition('inside-link', 4)));
	symlinkSync('../outside/elsewhere.json', join(plain, 'linked.json'));
	symlinkSync('../outside/folder', join(plain, 'sub'));
	symlinkSync('/etc/hostname', join(plain, 'etc.json'));
	// A symlink that stays inside its folder is followed, as is an ordinary file.
	symlinkSync('real/target.json', join(plain, 'inside.json'));
	writeFileSync(join(plain, 'ordinary.json'), JSON.stringify(definition('ordinary', 3)));
	writeFileSync(join(plain, '.tyk.json'), JSON.stringify({
		type: 'apidef',
		files: [{file: 'linked.json'}, {file: 'sub/api.json'}, {file: 'etc.json'}, {file: 'inside.json'}, {file: 'ordinary.json'}],
	}));
	patchEnvironment(world, 'plain', {git: {repo: plain}});

	const before = new Set(emulator.store.listApis().map((wrapper: any) => wrapper.api_definition.api_id));
	const publish = await world.json(['publish', 'plain']);
	const created = emulator.store.listApis().map((wrapper: any) => wrapper.api_definition.api_id).filter((id: string) => !before.has(id)).sort();
	t.deepEqual(created, ['inside-link', 'ordinary'], `only the files inside were published: ${publish.stdout}${publish.stderr}`);

	t.is(publish.code, 1, 'invalid entries make the run exit 1, as for any invalid file');
	const excluded = publish.data.excluded ?? [];
	for (const [file, link] of [['linked.json', 'linked.json'], ['sub/api.json', 'sub'], ['etc.json', 'etc.json']]) {
		const entry = excluded.find((item: any) => item.file === file);
		t.is(entry?.status, 'invalid', `${file} is reported invalid: ${JSON.stringify(excluded)}`);
		t.is(entry?.error, `cannot read the file: ${link} is a symbolic link that resolves outside its folder; it is not followed`);
	}
	t.deepEqual(publish.data.results.map((result: any) => result.id).sort(), ['inside-link', 'ordinary']);
	assertNoSecrets(t, world, [publish.stdout, publish.stderr]);
});
