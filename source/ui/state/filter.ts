import {isJsonObject, type JsonValue} from '../../core/json.js';
import type {Item, Kind} from '../../core/item.js';
import {isSelected, type Selectable, type Selection} from '../../core/selection.js';
import type {Comparison, Status} from '../../core/status.js';
import {origins, type Origin} from '../../core/origin.js';

/** Kind tabs of the Items screen (`1`-`4`). */
export type KindTab = 'all' | Kind;
/** Tab order, matching the `1`-`4` keys. */
export const kindTabs: readonly KindTab[] = ['all', 'api', 'policy', 'template'];

/** Status filters `f` cycles through; `drift` (everything not unchanged) comes first because that is what users want. */
export type StatusFilter = 'drift' | 'all' | 'changed' | 'only-in-git' | 'only-live' | 'unchanged' | 'problems';
/** Cycle order of `f`. */
export const statusFilters: readonly StatusFilter[] = ['drift', 'all', 'changed', 'only-in-git', 'only-live', 'unchanged', 'problems'];

/**
 * Orders `s` cycles through: `kind` (kind, then name: how the comparison lists them), `name` (A–Z, ignoring case,
 * numbers in numeric order), `status` (problems and drift first: invalid, conflict, changed, only in Git, only live,
 * unchanged).
 */
export type SortOrder = 'kind' | 'name' | 'status';
/** Cycle order of `s`. */
export const sortOrders: readonly SortOrder[] = ['kind', 'name', 'status'];

/** Origin filters `o` cycles through: every row, or only the differing rows that one side moved (`core/origin.ts`). */
export type OriginFilter = 'any' | Origin;
/** Cycle order of `o`. */
export const originFilters: readonly OriginFilter[] = ['any', ...origins];

/** What narrows and orders the Items table. */
export interface ItemsFilter {
	readonly tab: KindTab;
	readonly text: string;
	readonly status: StatusFilter;
	readonly sort: SortOrder;
	/** Only rows of this origin (absent or `any`: every row). */
	readonly origin?: OriginFilter;
}

/** Opens on all kinds, no text, drifted items only, in the comparison's order. */
export const initialFilter: ItemsFilter = {tab: 'all', text: '', status: 'drift', sort: 'kind'};

/** The next origin filter for `o`. */
export function nextOriginFilter(current: OriginFilter = 'any'): OriginFilter {
	return originFilters[(originFilters.indexOf(current) + 1) % originFilters.length]!;
}

/** The next order for `s`. */
export function nextSortOrder(current: SortOrder): SortOrder {
	return sortOrders[(sortOrders.indexOf(current) + 1) % sortOrders.length]!;
}

/** The next status filter for `f`. */
export function nextStatusFilter(current: StatusFilter): StatusFilter {
	return statusFilters[(statusFilters.indexOf(current) + 1) % statusFilters.length]!;
}

/** The next kind tab for Tab. */
export function nextKindTab(current: KindTab): KindTab {
	return kindTabs[(kindTabs.indexOf(current) + 1) % kindTabs.length]!;
}

function at(value: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
	let current = value;
	for (const key of path) {
		if (!isJsonObject(current)) return undefined;
		current = current[key];
	}
	return current;
}

/** An API's listen path (Classic or OAS), so users can find an API by the URL they know it by. */
export function listenPath(item: Item | undefined): string | undefined {
	if (!item || item.kind !== 'api') return undefined;
	const classic = at(item.body, 'api_definition', 'proxy', 'listen_path');
	if (typeof classic === 'string') return classic;
	const oas = at(item.body, 'oas', 'x-tyk-api-gateway', 'server', 'listenPath', 'value');
	return typeof oas === 'string' ? oas : undefined;
}

function statusMatches(status: Status, filter: StatusFilter): boolean {
	switch (filter) {
		case 'all': return true;
		case 'drift': return status !== 'unchanged';
		case 'problems': return status === 'invalid' || status === 'conflict';
		default: return status === filter;
	}
}

/** A row as the selection module sees it; its listen paths (looked up only for a text filter) are matched too. */
function selectable(comparison: Comparison, withTexts: boolean): Selectable {
	if (!withTexts) return comparison;
	const paths = [listenPath(comparison.left), listenPath(comparison.right)].filter((path): path is string => path !== undefined);
	return {key: comparison.key, kind: comparison.kind, id: comparison.id, name: comparison.name, categories: comparison.categories, file: comparison.file, texts: paths};
}

/**
 * Rows of the Items table after tab, status and text filters; invalid entries without a kind show on every tab. The
 * tab and the text are a core selection, so the console narrows exactly as `--kind` and plans do.
 */
export function visibleComparisons(comparisons: readonly Comparison[], filter: ItemsFilter): Comparison[] {
	const text = filter.text.trim() !== '';
	const selection: Selection = {...(filter.tab === 'all' ? {} : {kind: filter.tab}), ...(text ? {text: filter.text} : {})};
	const origin = filter.origin ?? 'any';
	const rows = comparisons.filter((c) => statusMatches(c.status, filter.status) && (origin === 'any' || c.origin === origin) && isSelected(selectable(c, text), selection));
	return sortComparisons(rows, filter.sort);
}

const statusRank: Readonly<Record<Status, number>> = {invalid: 0, conflict: 1, changed: 2, 'only-in-git': 3, 'only-live': 4, unchanged: 5};
const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});

/**
 * Rows in an order; `kind` keeps the comparison's own order (already kind, name, ID). Sorting is stable and ties fall
 * back to that order, so equal names or statuses never shuffle between reloads.
 */
export function sortComparisons(rows: Comparison[], order: SortOrder): Comparison[] {
	if (order === 'kind') return rows;
	const index = new Map(rows.map((row, i) => [row, i]));
	const byName = (a: Comparison, b: Comparison) => collator.compare(a.name || a.file || '', b.name || b.file || '');
	const compare = order === 'name'
		? byName
		: (a: Comparison, b: Comparison) => statusRank[a.status] - statusRank[b.status];
	return rows.sort((a, b) => compare(a, b) || index.get(a)! - index.get(b)!);
}
