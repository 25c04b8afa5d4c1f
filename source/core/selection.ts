import type {Kind} from './item.js';

/**
 * What a command or the console acts on: explicit comparison keys, or filters (`--id`, `--kind`, `--category`, the
 * console's text filter). One module decides membership for plans, `diff` and the Items filter, so the three can
 * never disagree about what "selected" means.
 */
export interface Selection {
	/** Comparison keys (`kind:id`), as the console's marks name them; when set, the filters below are not used. */
	readonly keys?: readonly string[];
	readonly ids?: readonly string[];
	readonly kind?: Kind;
	readonly category?: string;
	/** Case-insensitive substring of the name, ID, categories, file or listen paths. */
	readonly text?: string;
}

/** Anything a selection can be asked about: an item, a comparison, or a Dashboard list entry not yet read in full. */
export interface Selectable {
	readonly key?: string;
	readonly kind?: Kind;
	readonly id?: string;
	readonly name: string;
	readonly categories: readonly string[];
	readonly file?: string;
	/** Further texts the text filter matches, such as listen paths. */
	readonly texts?: readonly string[];
}

/** True when the selection names everything (no keys and no filters): whole-environment work. */
export function selectsAll(selection: Selection): boolean {
	return selection.keys === undefined && !selection.ids?.length && !selection.kind && !selection.category && !selection.text?.trim();
}

/** Case-insensitive match on name, portable ID, categories, file and the extra texts. */
export function textMatches(entry: Selectable, text: string): boolean {
	const needle = text.trim().toLowerCase();
	if (needle === '') return true;
	const haystack = [entry.name, entry.id ?? '', entry.file ?? '', ...entry.categories, ...(entry.texts ?? [])];
	return haystack.some((value) => value.toLowerCase().includes(needle));
}

/** Whether one entry is in the selection. Entries without a kind (unreadable files) pass a kind filter. */
export function isSelected(entry: Selectable, selection: Selection): boolean {
	if (selection.keys !== undefined) {
		const key = entry.key ?? (entry.kind && entry.id !== undefined ? `${entry.kind}:${entry.id}` : undefined);
		return key !== undefined && selection.keys.includes(key);
	}
	if (selection.ids?.length && !(entry.id !== undefined && selection.ids.includes(entry.id))) return false;
	if (selection.kind && entry.kind !== undefined && entry.kind !== selection.kind) return false;
	if (selection.category && !entry.categories.includes(selection.category)) return false;
	if (selection.text && !textMatches(entry, selection.text)) return false;
	return true;
}

/** IDs given with `--id` that name no entry: a typo must fail loudly rather than read as "nothing to do". */
export function unknownIds(entries: readonly Selectable[], selection: Selection): string[] {
	if (!selection.ids?.length) return [];
	const known = new Set(entries.map((entry) => entry.id));
	return selection.ids.filter((id) => !known.has(id));
}

/** The error for unknown IDs, naming where they were looked for and how to list what exists. */
export function unknownIdsError(unknown: readonly string[], where: string, hint: string): Error {
	return new Error(`no item with ID ${unknown.map((id) => `"${id}"`).join(', ')} in ${where}; ${hint}`);
}
