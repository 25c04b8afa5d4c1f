import {errorMessage} from '../../core/errors.js';
import {idProblem, itemKey, type ConflictEntry, type InvalidEntry, type Item, type ItemSet} from '../../core/item.js';
import {LayoutError, LayoutMissingError} from './errors.js';
import {indexPath, normalizeDir, resolveInside, type FileStore} from './file-store.js';
import {parseIndex, sectionKinds, type IndexEntry} from './index-file.js';
import {guessIdentity, itemFromFile} from './item-rules.js';
import {parseJsonText} from './json-text.js';

type EntryResult = {readonly item: Item} | {readonly invalid: InvalidEntry};

async function readEntry(store: FileStore, dir: string, entry: IndexEntry, swagger: boolean): Promise<EntryResult> {
	const kind = sectionKinds[entry.section];
	const invalid = (error: string): EntryResult => ({invalid: {file: entry.file, kind, error}});
	const path = resolveInside(dir, entry.file);
	if (path === undefined) return invalid('path is outside the layout directory (absolute, "..", or not a plain relative path)');
	if (swagger && entry.section === 'files') {
		return invalid('.tyk.json "type": "oas" (Swagger 2.0 import) is not supported; convert the file to a Tyk API definition');
	}
	let raw: Buffer | undefined;
	try {
		raw = await store.read(path);
	} catch (error) {
		return invalid(`cannot read the file: ${errorMessage(error)}`);
	}
	if (raw === undefined) return invalid('file not found (it is listed in .tyk.json)');
	const parsed = parseJsonText(raw.toString('utf8'));
	if (!parsed.ok) return invalid(parsed.error);
	const result = itemFromFile(kind, parsed.value, entry.raw, entry.file);
	if ('item' in result) {
		const problem = idProblem(result.item.id);
		if (problem === undefined) return {item: result.item};
		const {item} = result;
		return {invalid: {file: entry.file, kind, ...(item.flavor ? {flavor: item.flavor} : {}), id: item.id, error: problem}};
	}
	return {invalid: {file: entry.file, kind, ...guessIdentity(kind, parsed.value), error: result.error}};
}

/** Splits items sharing one portable ID into conflicts, since picking one silently would publish the wrong file. */
function separateConflicts(items: readonly Item[]): {items: Item[]; conflicts: ConflictEntry[]} {
	const groups = new Map<string, Item[]>();
	for (const item of items) {
		const key = itemKey(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	const unique: Item[] = [];
	const conflicts: ConflictEntry[] = [];
	for (const group of groups.values()) {
		const head = group[0]!;
		if (group.length === 1) unique.push(head);
		else conflicts.push({kind: head.kind, id: head.id, files: group.map((item) => item.file ?? ''), items: group});
	}
	return {items: unique, conflicts};
}

/**
 * Reads a tyk-sync layout (the `.tyk.json` in `dir` and every file it lists) from any store. One bad file never
 * hides the others: it becomes an `invalid` entry naming the file and the reason. Throws `LayoutMissingError` when
 * there is no index (an empty branch, a first dump) and `LayoutError` when the index itself is unusable.
 */
export async function readLayout(store: FileStore, dir: string): Promise<ItemSet> {
	const base = normalizeDir(dir);
	const path = indexPath(base);
	const where = `${path} in ${store.describe()}`;
	let raw: Buffer | undefined;
	try {
		raw = await store.read(path);
	} catch (error) {
		throw new LayoutError(`cannot read ${where}: ${errorMessage(error)}`, path);
	}
	if (raw === undefined) throw new LayoutMissingError(`no .tyk.json found: ${where}`, path);
	const index = parseIndex(raw.toString('utf8'), where, path);
	const results = await Promise.all(index.entries.map((entry) => readEntry(store, base, entry, index.type === 'oas')));
	const found: Item[] = [];
	const invalid: InvalidEntry[] = [...index.problems];
	for (const result of results) {
		if ('item' in result) found.push(result.item);
		else invalid.push(result.invalid);
	}
	const {items, conflicts} = separateConflicts(found);
	return {items, invalid, conflicts};
}
