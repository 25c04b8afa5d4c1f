import type {ItemSet} from '../core/item.js';
import {isDashboardError, liveItems, loadLive, type DashboardClient} from '../sources/dashboard/index.js';
import type {Reachability} from './services.js';

/** Everything live on one Dashboard, as an item set (a Dashboard cannot hold two items with one portable ID). */
export async function readLiveSide(client: DashboardClient): Promise<ItemSet> {
	const snapshot = await loadLive(client);
	return {items: liveItems(snapshot), invalid: [], conflicts: []};
}

/** Maps a load failure to the reachability shown on the Environments screen. */
export function reachabilityOf(error: unknown): Reachability {
	if (isDashboardError(error, 'authentication') || isDashboardError(error, 'permission')) return 'auth-failed';
	if (isDashboardError(error, 'network') || isDashboardError(error, 'timeout')) return 'unreachable';
	if (isDashboardError(error, 'tls')) return 'tls-error';
	return 'error';
}

/** One sentence for an error, without a stack. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
