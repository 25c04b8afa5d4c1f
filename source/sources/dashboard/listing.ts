import {isJsonObject, type JsonObject, type JsonValue} from '../../core/json.js';
import type {DashboardClient} from './client.js';
import {badResponse} from './transport-errors.js';

/** The three list envelopes the Dashboard uses (contract §2.2): a deliberate trap, so it is spelled out here. */
export type Envelope = 'apis' | 'policies' | 'assets';

const keys: Record<Exclude<Envelope, 'assets'>, {items: string; pages: string}> = {
	apis: {items: 'apis', pages: 'pages'},
	policies: {items: 'Data', pages: 'Pages'},
};

/**
 * More pages than any real Dashboard sends for one listing (100,000 items at its smallest page size); a larger count
 * is a broken or hostile answer, and fetching it would never end or exhaust memory.
 */
export const maxPages = 10_000;

/** One page of a listing, with the total page count the server claims (0 or 1 when it sent everything). */
export interface Page {
	readonly items: JsonObject[];
	readonly pages: number;
}

/**
 * Reads one list answer. `null` lists count as empty (the schema allows them); anything else that is not a list of
 * objects is a bad response, because silently reading it as empty would make every item look deleted.
 */
export function readPage(client: DashboardClient, path: string, envelope: Envelope, body: JsonValue, status = 200): Page {
	const context = {environment: client.name, method: 'GET', path};
	let list: JsonValue | undefined;
	let pages = 0;
	if (envelope === 'assets') {
		list = body;
	} else {
		if (!isJsonObject(body)) throw badResponse(context, status, `expected a JSON object with "${keys[envelope].items}"`);
		if (!(keys[envelope].items in body)) throw badResponse(context, status, `the list has no "${keys[envelope].items}" member`);
		list = body[keys[envelope].items];
		const count = body[keys[envelope].pages];
		pages = typeof count === 'number' && Number.isFinite(count) ? count : 0;
		if (!Number.isInteger(pages) || pages > maxPages) {
			throw badResponse(context, status, `the list claims ${pages} pages (expected a whole number up to ${maxPages}); refusing to fetch them`);
		}
	}
	if (list === null) return {items: [], pages};
	if (!Array.isArray(list)) throw badResponse(context, status, 'the list is not an array');
	const items: JsonObject[] = [];
	for (const entry of list) {
		if (!isJsonObject(entry)) throw badResponse(context, status, 'a list entry is not a JSON object');
		items.push(entry);
	}
	return {items, pages};
}

/**
 * Lists everything at `path` with `p=-1`. Some Dashboards page anyway; when the answer says there is more than one
 * page, pages 2..N are fetched concurrently (bounded by the client) and appended in order. `trim` reduces each
 * entry as it is parsed, so the parts a caller does not need never pile up in memory.
 */
export async function listAll(client: DashboardClient, path: string, envelope: Envelope, trim?: (entry: JsonObject) => JsonObject): Promise<JsonObject[]> {
	const query = envelope === 'assets' ? undefined : {p: -1};
	const list = trim && envelope !== 'assets'
		? {member: keys[envelope].items, map: (entry: JsonValue): JsonValue => (isJsonObject(entry) ? trim(entry) : entry)}
		: undefined;
	const first = await client.request('GET', path, {query, list, listAnswer: true});
	const page = readPage(client, query ? `${path}?p=-1` : path, envelope, first.body, first.status);
	if (envelope === 'assets' || page.pages <= 1) return page.items;
	const rest = await Promise.all(
		Array.from({length: page.pages - 1}, async (_, index) => {
			const p = index + 2;
			const response = await client.request('GET', path, {query: {p}, list, listAnswer: true});
			return readPage(client, `${path}?p=${p}`, envelope, response.body, response.status).items;
		}),
	);
	return page.items.concat(...rest);
}
