import {errorMessage} from '../../core/errors.js';
import {idProblem, itemKey, type ConflictEntry, type InvalidEntry, type Item, type ItemSet} from '../../core/item.js';
import {LayoutError, LayoutMissingError} from './errors.js';
import {indexPath, normalizeDir, readEachFile, resolveInside, type FileRead, type FileStore} from './file-store.js';
import {parseIndex, sectionKinds, type IndexEntry} from './index-file.js';
import {guessIdentity, itemFromFile} from './item-rules.js';
import {parseJsonText} from './json-text.js';
import {isJsonObject, type JsonValue} from '../../core/json.js';

type EntryResult = {readonly item: Item; readonly note?: string} | {readonly invalid: InvalidEntry};

/** What a file listed in a `type: oas` index is, for a message that says what to do with it. */
function swaggerIndexError(value: JsonValue): string {
	if (isJsonObject(value) && typeof value['swagger'] === 'string') {
		return '.tyk.json "type": "oas" lists Swagger 2.0 documents for tyk-sync to convert, which tyk-console does not do; import the file into the Dashboard and dump it, or convert it to a Tyk API definition';
	}
	if (isJsonObject(value) && (typeof value['openapi'] === 'string' || isJsonObject(value['oas']) || isJsonObject(value['api_definition']))) {
		return 'a Tyk API definition listed in a .tyk.json of "type": "oas", which tyk-sync reads as Swagger 2.0 imports; set "type": "apidef" in .tyk.json';
	}
	return '.tyk.json "type": "oas" (Swagger 2.0 import) is not supported, and this file is not a Swagger 2.0 document either; set "type": "apidef" if it is a Tyk API definition';
}

const outsideLayout = 'path is outside the layout directory (absolute, "..", or not a plain relative path); list it relative to the folder of .tyk.json';

function invalidEntry(entry: IndexEntry, error: string): EntryResult {
	return {invalid: {file: entry.file, kind: sectionKinds[entry.section], error}};
}

/** One listed file from what reading it gave: its item, or why it is invalid. The text is parsed and let go here. */
function entryFromRead(entry: IndexEntry, read: FileRead, swagger: boolean): EntryResult {
	const kind = sectionKinds[entry.section];
	if (read instanceof Error) return invalidEntry(entry, `cannot read the file: ${errorMessage(read)}`);
	if (read === undefined) return invalidEntry(entry, 'file not found (it is listed in .tyk.json); add the file, or remove its entry from .tyk.json');
	const parsed = parseJsonText(read.toString('utf8'));
	if (!parsed.ok) return invalidEntry(entry, parsed.error);
	if (swagger && entry.section === 'files') return invalidEntry(entry, swaggerIndexError(parsed.value));
	const result = itemFromFile(kind, parsed.value, entry.raw, entry.file);
	if ('item' in result) {
		const problem = idProblem(result.item.id);
		if (problem === undefined) return result.note === undefined ? {item: result.item} : {item: result.item, note: result.note};
		const {item} = result;
		return {invalid: {file: entry.file, kind, ...(item.flavor ? {flavor: item.flavor} : {}), id: item.id, error: problem}};
	}
	return {invalid: {file: entry.file, kind, ...guessIdentity(kind, parsed.value), error: result.error}};
}

/**
 * Every listed file, read in one pass (`readEachFile`) and turned into its result as it arrives, so a file's text
 * lives only while it is parsed; results keep the order of the index.
 */
async function readEntries(store: FileStore, entries: readonly ListedEntry[], swagger: boolean): Promise<EntryResult[]> {
	const results = new Array<EntryResult>(entries.length);
	const paths: string[] = [];
	const at: number[] = [];
	for (const [index, {entry, path}] of entries.entries()) {
		if (path === undefined) {
			results[index] = invalidEntry(entry, outsideLayout);
		} else {
			paths.push(path);
			at.push(index);
		}
	}
	await readEachFile(store, paths, (index, read) => {
		const entryIndex = at[index]!;
		results[entryIndex] = entryFromRead(entries[entryIndex]!.entry, read, swagger);
	});
	return results;
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
	const {entries, notes} = withoutRepeats(index.entries, base);
	const results = await readEntries(store, entries, index.type === 'oas');
	const found: Item[] = [];
	const invalid: InvalidEntry[] = [...index.problems];
	for (const result of results) {
		if ('item' in result) {
			found.push(result.item);
			if (result.note) notes.push(result.note);
		} else {
			invalid.push(result.invalid);
		}
	}
	if (index.entries.length === 0 && index.problems.length === 0) notes.unshift(await emptyIndexNote(store, base, path, index.type));
	const {items, conflicts} = separateConflicts(found);
	return {items, invalid, conflicts, ...(notes.length > 0 ? {notes} : {})};
}

const emptyIndexWords = ' lists no files, so the layout is empty';

/** Whether a note is the one about an index that lists nothing (a dump that wrote the index makes it untrue). */
export function isEmptyIndexNote(note: string): boolean {
	return note.includes(emptyIndexWords);
}

/** Says why an index that lists nothing reads as empty, and names the JSON files beside it that it does not list. */
async function emptyIndexNote(store: FileStore, base: string, path: string, type: 'apidef' | 'oas'): Promise<string> {
	const files = (await store.list().catch(() => [] as string[]))
		.filter((file) => file.endsWith('.json') && file !== path && (base === '' || file.startsWith(`${base}/`)));
	const shown = files.slice(0, 3).map((file) => (base === '' ? file : file.slice(base.length + 1))).join(', ') + (files.length > 3 ? ', …' : '');
	const unlisted = files.length > 0 ? `; ${files.length} JSON file(s) beside it are not listed (${shown}): list them under "files", "policies" or "assets" to read them` : '';
	const swagger = type === 'oas' ? ' Its "type" is "oas", which tyk-sync reads as Swagger 2.0 imports; Tyk API definitions need "type": "apidef".' : '';
	return `${path}${emptyIndexWords} and every live item shows as only live (a dump fills it)${unlisted}.${swagger}`;
}

const overrideKeys = ['api_id', 'db_id', 'org_id', 'id'];

/**
 * The index overrides that make one listed file a different item (same file, other overrides: two items); `''` for
 * the usual entry without any, which spares a JSON.stringify per entry of a 25,000-entry index.
 */
function overridesOf(entry: IndexEntry): string {
	const values = overrideKeys.map((key) => entry.raw[key] ?? null);
	return values.every((value) => value === null) ? '' : JSON.stringify(values);
}

/** An index entry with its store path (undefined when it points outside the layout), resolved once. */
interface ListedEntry {
	readonly entry: IndexEntry;
	readonly path: string | undefined;
}

/**
 * One entry per listed file: a file listed twice in the same section (with the same overrides) is one item, read
 * once, with a note; hand-edited indexes repeat entries, and tyk-sync then writes the item twice. Two different files
 * that claim one ID stay a conflict.
 */
function withoutRepeats(entries: readonly IndexEntry[], base: string): {entries: ListedEntry[]; notes: string[]} {
	const first = new Map<string, IndexEntry>();
	const repeats = new Map<IndexEntry, number[]>();
	const kept: ListedEntry[] = [];
	for (const entry of entries) {
		const path = resolveInside(base, entry.file);
		const key = path === undefined ? undefined : `${entry.section}\0${path}\0${overridesOf(entry)}`;
		const earlier = key === undefined ? undefined : first.get(key);
		if (earlier) {
			repeats.set(earlier, [...(repeats.get(earlier) ?? [earlier.position]), entry.position]);
			continue;
		}
		if (key !== undefined) first.set(key, entry);
		kept.push({entry, path});
	}
	const notes = [...repeats].map(([entry, positions]) => `${entry.file} is listed ${positions.length} times in .tyk.json (${positions.map((at) => `${entry.section}[${at}]`).join(', ')}); read as one item`);
	return {entries: kept, notes};
}
