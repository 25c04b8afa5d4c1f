import {isJsonObject, type JsonValue} from '../../core/json.js';
import type {Item, Kind} from '../../core/item.js';
import type {Comparison, Status} from '../../core/status.js';

/** Kind tabs of the Items screen (`1`-`4`). */
export type KindTab = 'all' | Kind;
/** Tab order, matching the `1`-`4` keys. */
export const kindTabs: readonly KindTab[] = ['all', 'api', 'policy', 'template'];

/** Status filters `f` cycles through; `drift` (everything not unchanged) comes first because that is what users want. */
export type StatusFilter = 'drift' | 'all' | 'changed' | 'only-in-git' | 'only-live' | 'unchanged' | 'problems';
/** Cycle order of `f`. */
export const statusFilters: readonly StatusFilter[] = ['drift', 'all', 'changed', 'only-in-git', 'only-live', 'unchanged', 'problems'];

/** What narrows the Items table. */
export interface ItemsFilter {
	readonly tab: KindTab;
	readonly text: string;
	readonly status: StatusFilter;
}

/** Opens on all kinds, no text, drifted items only. */
export const initialFilter: ItemsFilter = {tab: 'all', text: '', status: 'drift'};

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

/** Case-insensitive match on name, portable ID, categories, listen paths and file. */
export function textMatches(comparison: Comparison, text: string): boolean {
	const needle = text.trim().toLowerCase();
	if (needle === '') return true;
	const haystack = [
		comparison.name, comparison.id ?? '', comparison.file ?? '', ...comparison.categories,
		listenPath(comparison.left) ?? '', listenPath(comparison.right) ?? '',
	];
	return haystack.some((value) => value.toLowerCase().includes(needle));
}

/** Rows of the Items table after tab, status and text filters; invalid entries without a kind show on every tab. */
export function visibleComparisons(comparisons: readonly Comparison[], filter: ItemsFilter): Comparison[] {
	return comparisons.filter((c) =>
		(filter.tab === 'all' || c.kind === filter.tab || c.kind === undefined)
		&& statusMatches(c.status, filter.status)
		&& textMatches(c, filter.text));
}
