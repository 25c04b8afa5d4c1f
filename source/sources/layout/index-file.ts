import {isJsonObject, type JsonObject, type JsonValue} from '../../core/json.js';
import type {InvalidEntry, Kind} from '../../core/item.js';
import {LayoutError} from './errors.js';
import {parseJsonText} from './json-text.js';

/** The three lists of `.tyk.json` and the kind each holds (templates are called "assets" on disk). */
export type IndexSection = 'files' | 'policies' | 'assets';

export const sectionKinds: Readonly<Record<IndexSection, Kind>> = {files: 'api', policies: 'policy', assets: 'template'};
export const kindSections: Readonly<Record<Kind, IndexSection>> = {api: 'files', policy: 'policies', template: 'assets'};

/** One listed file with its raw entry, which may carry overrides (`api_id`, `db_id`, `org_id`, `id`). */
export interface IndexEntry {
	readonly section: IndexSection;
	readonly position: number;
	readonly file: string;
	readonly raw: JsonObject;
}

export interface TykIndex {
	/** `apidef`: Tyk definitions (Classic and OAS). `oas`: Swagger 2.0 documents to convert, which we do not support. */
	readonly type: 'apidef' | 'oas';
	readonly entries: readonly IndexEntry[];
	/** Entries that are not usable (not an object, no file name); they are reported, the rest is still read. */
	readonly problems: readonly InvalidEntry[];
}

function typeName(value: JsonValue | undefined): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return isJsonObject(value) ? 'an object' : typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

/**
 * Reads `.tyk.json` the way tyk-sync 1.5 does (`type` must be `apidef` or `oas`, unknown keys ignored, entries with
 * an empty `file` skipped), but reports bad entries (named like `.tyk.json files[3]`) instead of failing the whole
 * layout. `where` names the index in messages (store and path); `path` is the store path kept on the error.
 */
export function parseIndex(text: string, where: string, path = where): TykIndex {
	const parsed = parseJsonText(text);
	if (!parsed.ok) throw new LayoutError(`${where} is ${parsed.error}`, path);
	const root = parsed.value;
	if (!isJsonObject(root)) throw new LayoutError(`${where} must hold a JSON object, found ${typeName(root)}`, path);
	const type = root['type'];
	if (type !== 'apidef' && type !== 'oas') {
		throw new LayoutError(`${where}: "type" must be "apidef" or "oas", found ${JSON.stringify(type ?? null)}`, path);
	}
	const entries: IndexEntry[] = [];
	const problems: InvalidEntry[] = [];
	for (const section of ['files', 'policies', 'assets'] as const) {
		const list = root[section];
		if (list === undefined || list === null) continue;
		if (!Array.isArray(list)) throw new LayoutError(`${where}: "${section}" must be an array, found ${typeName(list)}`, path);
		list.forEach((raw, position) => {
			const entryName = `.tyk.json ${section}[${position}]`;
			const kind = sectionKinds[section];
			if (!isJsonObject(raw)) {
				problems.push({file: entryName, kind, error: `index entry must be an object, found ${typeName(raw)}`});
				return;
			}
			const file = raw['file'];
			if (file === undefined || file === null || file === '') return;
			if (typeof file !== 'string') {
				problems.push({file: entryName, kind, error: `"file" must be a string, found ${typeName(file)}`});
				return;
			}
			entries.push({section, position, file, raw});
		});
	}
	return {type, entries, problems};
}
