import {isJsonObject, type JsonObject} from '../../core/json.js';
import type {DashboardClient} from './client.js';
import {objectBody, segment, statusAnswer, unlessNotFound} from './answers.js';
import {listAll} from './listing.js';
import {badResponse} from './transport-errors.js';

/**
 * Every API wrapper in `GET /api/apis`; Tyk OAS APIs are in it too, as Classic projections with `is_oas: true`.
 * `trim` reduces each wrapper as it is parsed (the list of a large Dashboard is tens of MB).
 */
export function listApiWrappers(client: DashboardClient, trim?: (wrapper: JsonObject) => JsonObject): Promise<JsonObject[]> {
	return listAll(client, '/api/apis', 'apis', trim);
}

/** One Classic wrapper by DB id or `api_id`; undefined when the Dashboard does not know it. */
export async function getClassic(client: DashboardClient, id: string): Promise<JsonObject | undefined> {
	const path = `/api/apis/${segment(id)}`;
	const response = await unlessNotFound(client.request('GET', path));
	if (!response) return undefined;
	const wrapper = objectBody(client, path, response, 'an API wrapper');
	if (!isJsonObject(wrapper['api_definition'])) throw badResponse({environment: client.name, method: 'GET', path}, response.status, 'the API wrapper has no api_definition object');
	return wrapper;
}

/** What a create produced on this Dashboard. */
export interface Created {
	/** Environment-local database id. */
	readonly dbId: string;
	/** Portable id as stored. */
	readonly id: string;
}

function apiId(wrapper: JsonObject): string {
	const def = wrapper['api_definition'];
	return isJsonObject(def) && typeof def['api_id'] === 'string' ? def['api_id'] : '';
}

/**
 * Creates a Classic API and keeps its portable `api_id`: older Dashboards reset it on POST, so the stored API is
 * read back and, when the id differs, pinned with a PUT (the Operator pattern, contract §3.3).
 */
export async function createClassic(client: DashboardClient, wrapper: JsonObject): Promise<Created> {
	const answer = statusAnswer(client, 'POST', '/api/apis', await client.request('POST', '/api/apis', {body: wrapper}));
	const dbId = answer.meta;
	if (!dbId) throw badResponse({environment: client.name, method: 'POST', path: '/api/apis'}, 200, 'the answer has no Meta with the new API id');
	const wanted = apiId(wrapper);
	const stored = await getClassic(client, dbId);
	if (!stored) throw badResponse({environment: client.name, method: 'GET', path: `/api/apis/${dbId}`}, 400, 'the API just created cannot be read back');
	if (wanted && apiId(stored) !== wanted) {
		await updateClassic(client, dbId, wrapper);
		return {dbId, id: wanted};
	}
	return {dbId, id: apiId(stored)};
}

/** Replaces a Classic API, addressed by DB id or `api_id`; the body must not carry another API's `id`. */
export async function updateClassic(client: DashboardClient, id: string, wrapper: JsonObject): Promise<void> {
	const path = `/api/apis/${segment(id)}`;
	statusAnswer(client, 'PUT', path, await client.request('PUT', path, {body: wrapper}));
}

/** Deletes a Classic (or, through the same route, any) API by DB id or `api_id`. */
export async function deleteClassic(client: DashboardClient, id: string): Promise<void> {
	const path = `/api/apis/${segment(id)}`;
	statusAnswer(client, 'DELETE', path, await client.request('DELETE', path));
}
