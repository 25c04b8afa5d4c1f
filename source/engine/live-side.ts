import type {Item, ItemSet, Kind} from '../core/item.js';
import {itemKey, makeItem} from '../core/item.js';
import type {Selectable} from '../core/selection.js';
import {apiRoute, indexItems, type ApiRoute, type TargetIndex} from '../core/checks.js';
import {completeLive, isDashboardError, listLive, liveItemSet, withSignal, type DashboardClient, type LiveIndex, type OasStub} from '../sources/dashboard/index.js';
import type {Reachability} from './services.js';

/** Item counts of a whole Dashboard, known from its lists even when only a few items are read in full. */
export type KindCounts = Record<Kind, number>;

/**
 * What the list requests of one Dashboard say, before any Tyk OAS document is read: counts and a selectable entry
 * for every item, so a selection can be resolved (and an unknown `--id` told apart) before deciding what to read.
 */
export interface LiveListing {
	readonly counts: KindCounts;
	/** Computed on first use (only selections need them). */
	readonly entries: readonly Selectable[];
	/** Reads the items with these keys in full (every item when absent): one request per selected Tyk OAS API. */
	read(keys?: ReadonlySet<string>): Promise<ItemSet>;
	/** Every API's route and every policy's grants, from the lists alone: what the checks before writing need. */
	targetIndex(): TargetIndex;
}

function stubSelectable(stub: OasStub): Selectable {
	return {key: `api:${stub.id}`, kind: 'api', id: stub.id, name: stub.name, categories: stub.categories ?? []};
}

/** The selectable description of an item, for selections over item sets. */
export function itemSelectable(item: Item): Selectable {
	return {key: itemKey(item), kind: item.kind, id: item.id, name: item.name, categories: item.categories, file: item.file};
}

/** The checks' view of a whole Dashboard from its lists: OAS APIs by the route their list entry shows. */
function indexOf(index: LiveIndex): TargetIndex {
	const {policies} = indexItems(index.policies.map((body) => makeItem('policy', body)));
	const apis = index.apis.map((entry): ApiRoute => ('classic' in entry
		? apiRoute(makeItem('api', entry.classic))
		: {id: entry.oas.id, name: entry.oas.name, listenPath: entry.oas.listenPath, domain: entry.oas.domain}));
	return {apis, policies};
}

function entriesOf(index: LiveIndex): Selectable[] {
	const entries: Selectable[] = [];
	for (const entry of index.apis) entries.push('classic' in entry ? itemSelectable(makeItem('api', entry.classic)) : stubSelectable(entry.oas));
	for (const body of index.policies) entries.push(itemSelectable(makeItem('policy', body)));
	for (const body of index.templates) entries.push(itemSelectable(makeItem('template', body)));
	return entries;
}

/**
 * Lists one Dashboard (the API, policy and template lists; OAS APIs as stubs). `signal` abandons every request of
 * the listing and of its later `read` (a screen closed, a newer load started).
 */
export async function listLiveSide(client: DashboardClient, signal?: AbortSignal): Promise<LiveListing> {
	const bound = withSignal(client, signal);
	const index = await listLive(bound);
	let entries: Selectable[] | undefined;
	return {
		counts: {api: index.apis.length, policy: index.policies.length, template: index.templates.length},
		// Only a selection needs them: a whole load would otherwise make every item twice.
		get entries() {
			return (entries ??= entriesOf(index));
		},
		targetIndex: () => indexOf(index),
		async read(keys) {
			const snapshot = await completeLive(bound, index, keys && ((stub) => keys.has(`api:${stub.id}`)));
			const {items, invalid} = liveItemSet(snapshot);
			const wanted = (entry: {kind?: Item['kind']; id?: string}): boolean => !keys || (entry.kind !== undefined && keys.has(`${entry.kind}:${entry.id ?? ''}`));
			return {items: items.filter(wanted), invalid: invalid.filter(wanted), conflicts: []};
		},
	};
}

/** Everything live on one Dashboard, as an item set (a Dashboard cannot hold two items with one portable ID). */
export async function readLiveSide(client: DashboardClient, signal?: AbortSignal): Promise<ItemSet> {
	return (await listLiveSide(client, signal)).read();
}

/** Maps a load failure to the reachability shown on the Environments screen. */
export function reachabilityOf(error: unknown): Reachability {
	if (isDashboardError(error, 'authentication') || isDashboardError(error, 'permission')) return 'auth-failed';
	if (isDashboardError(error, 'network') || isDashboardError(error, 'timeout')) return 'unreachable';
	if (isDashboardError(error, 'tls')) return 'tls-error';
	return 'error';
}

