import {isJsonObject, type JsonObject, type JsonValue} from '../../core/json.js';
import {itemKey, type Item, type Kind} from '../../core/item.js';
import {defaultFileName, hashId} from './file-names.js';
import {resolveInside} from './file-store.js';
import {kindSections, type IndexSection} from './index-file.js';
import {parseJsonText, toTykSyncJson} from './json-text.js';
import {bareFileBody, fileBody, LayoutWriteError} from './write-body.js';

/** An item to take out of the layout; `file` when known (from a read of the same layout). */
export interface LayoutDeletion {
	readonly kind: Kind;
	readonly id: string;
	readonly file?: string;
}

/** What to write, relative to the layout directory: item files, the new `.tyk.json` text, and files to delete. */
export interface LayoutWritePlan {
	readonly files: ReadonlyMap<string, string>;
	readonly index: string;
	readonly removed: readonly string[];
	/** Where the written shape differs from the file's (a bare file that had to be wrapped), one line each. */
	readonly notes: readonly string[];
}

const sections: readonly IndexSection[] = ['files', 'policies', 'assets'];

function parseExistingIndex(text: string | undefined): JsonObject {
	if (text === undefined) return {type: 'apidef'};
	const parsed = parseJsonText(text);
	if (!parsed.ok) throw new LayoutWriteError(`cannot update .tyk.json: it is ${parsed.error}`);
	const root = parsed.value;
	if (!isJsonObject(root)) throw new LayoutWriteError('cannot update .tyk.json: it does not hold a JSON object');
	if (root['type'] === 'oas') {
		throw new LayoutWriteError('cannot write Tyk definitions into a .tyk.json of "type": "oas" (Swagger import layout)');
	}
	if (root['type'] !== 'apidef') throw new LayoutWriteError(`cannot update .tyk.json: "type" must be "apidef", found ${JSON.stringify(root['type'] ?? null)}`);
	for (const section of sections) {
		const list = root[section];
		if (list !== undefined && list !== null && !Array.isArray(list)) throw new LayoutWriteError(`cannot update .tyk.json: "${section}" is not an array`);
	}
	return root;
}

function entryFile(entry: JsonValue): string | undefined {
	return isJsonObject(entry) && typeof entry['file'] === 'string' ? entry['file'] : undefined;
}

/**
 * Plans writing items into a tyk-sync layout (pure: no I/O). The existing `.tyk.json` is updated in place: entries it
 * does not touch keep their position, overrides and unknown keys; an item already listed keeps its file; new files
 * get tyk-sync's names (made safe) and are appended, Classic before OAS as tyk-sync's dump does. `existing` (items
 * read from the same layout) lets items from elsewhere, e.g. live, find the file they already have.
 */
export function planLayoutWrite(
	existingIndexText: string | undefined,
	items: readonly Item[],
	deletions: readonly LayoutDeletion[] = [],
	existing: readonly Item[] = [],
): LayoutWritePlan {
	const root = parseExistingIndex(existingIndexText);
	const listed = new Map<IndexSection, Set<string>>(sections.map((section) => [section, new Set((Array.isArray(root[section]) ? root[section] : []).map(entryFile).filter((f): f is string => f !== undefined))]));
	const allListedLower = new Map<string, string>();
	for (const set of listed.values()) for (const file of set) allListedLower.set(file.toLowerCase(), file);
	const known = new Map<string, string>();
	const owners = new Map<string, string>();
	const bare = new Set<string>();
	for (const item of existing) {
		if (!item.file) continue;
		known.set(itemKey(item), item.file);
		owners.set(item.file, itemKey(item));
		if (item.shape === 'bare') bare.add(item.file);
	}
	const notes: string[] = [];
	// A listed file is ours to reuse unless the existing layout says it holds another item (e.g. via an `id` override).
	const ownedBy = (file: string, key: string): boolean => (owners.get(file) ?? key) === key;

	const files = new Map<string, string>();
	const takenLower = new Map<string, string>();
	const added = new Map<IndexSection, {file: string; oas: boolean}[]>(sections.map((section) => [section, []]));
	const seen = new Set<string>();
	for (const item of items) {
		const key = itemKey(item);
		if (seen.has(key)) throw new LayoutWriteError(`cannot write two items with the same ID: ${item.kind} ${JSON.stringify(item.id)}`);
		seen.add(key);
		const section = kindSections[item.kind];
		const listedHere = listed.get(section)!;
		const reuse = [item.file, known.get(key)].find((file) => file !== undefined && listedHere.has(file) && ownedBy(file, key) && resolveInside('', file) !== undefined);
		let path = reuse ?? defaultFileName(item);
		let isNew = reuse === undefined && !(listedHere.has(path) && ownedBy(path, key));
		const clash = (candidate: string): boolean => {
			const lower = candidate.toLowerCase();
			const taken = takenLower.get(lower);
			if (taken !== undefined) return true;
			const other = allListedLower.get(lower);
			return isNew && other !== undefined;
		};
		if (reuse === undefined && clash(path)) {
			// Another file differs only by letter case (or is taken): a case-insensitive file system would merge them.
			path = path.replace(/\.json$/, `~${hashId(`${item.kind}:${item.id}`)}.json`);
			isNew = !(listedHere.has(path) && ownedBy(path, key));
			if (clash(path)) throw new LayoutWriteError(`cannot find a free file name for ${item.kind} ${JSON.stringify(item.id)}`);
		}
		takenLower.set(path.toLowerCase(), path);
		if (reuse !== undefined && bare.has(reuse) && item.kind === 'api') {
			const written = bareFileBody(item);
			if (written.wrappedBecause) notes.push(bareWrapNote(item, reuse, written.wrappedBecause));
			files.set(path, toTykSyncJson(written.body));
		} else {
			files.set(path, toTykSyncJson(fileBody(item)));
		}
		if (isNew) added.get(section)!.push({file: path, oas: item.kind === 'api' && item.flavor === 'oas'});
	}

	const removed: string[] = [];
	for (const deletion of deletions) {
		const section = kindSections[deletion.kind];
		const listedHere = listed.get(section)!;
		const candidates = [deletion.file, known.get(itemKey(deletion)), defaultFileName({kind: deletion.kind, id: deletion.id, flavor: 'classic'}), defaultFileName({kind: deletion.kind, id: deletion.id, flavor: 'oas'})];
		const path = candidates.find((file) => file !== undefined && listedHere.has(file) && ownedBy(file, itemKey(deletion))) ?? deletion.file;
		if (path === undefined || resolveInside('', path) === undefined) continue;
		if (files.has(path)) throw new LayoutWriteError(`cannot both write and delete ${path}`);
		if (!removed.includes(path)) removed.push(path);
		const list = root[section];
		if (Array.isArray(list)) root[section] = list.filter((entry) => entryFile(entry) !== path);
	}

	for (const section of sections) {
		const fresh = added.get(section)!;
		if (fresh.length === 0) continue;
		const ordered = [...fresh.filter((entry) => !entry.oas), ...fresh.filter((entry) => entry.oas)];
		const entries = ordered.map((entry): JsonObject => (section === 'files' ? {file: entry.file, oas: {}} : {file: entry.file}));
		const list = root[section];
		root[section] = [...(Array.isArray(list) ? list : []), ...entries];
	}
	return {files, index: toTykSyncJson(root), removed, notes};
}

/** Says why a bare file is written wrapped from now on. */
export function bareWrapNote(item: Item, file: string, fields: readonly string[]): string {
	return `${file} held the ${item.flavor === 'oas' ? 'Tyk OAS document' : 'Classic definition'} bare; it is written wrapped (${item.flavor === 'oas' ? '{"oas": …}' : '{"api_definition": …}'}) because the API now has ${fields.join(', ')}, which a bare file cannot hold`;
}

/** Every file a plan writes, `.tyk.json` included, ready for `commitToBranch` or `writeLayoutToDirectory`. */
export function layoutFileChanges(plan: LayoutWritePlan): Map<string, string> {
	return new Map([...plan.files, ['.tyk.json', plan.index]]);
}
