import type {JsonObject} from '../../core/json.js';
import type {DashboardClient, DashboardResponse} from './client.js';
import {objectBody, segment, statusAnswer, unlessNotFound} from './answers.js';
import type {Created} from './classic.js';
import {listAll} from './listing.js';
import {badResponse} from './transport-errors.js';

const base = '/api/assets';

/** Every API template (the asset list is a bare JSON array). */
export function listTemplates(client: DashboardClient): Promise<JsonObject[]> {
	return listAll(client, base, 'assets');
}

/** One template by `id` or `_id`; undefined when unknown. */
export async function getTemplate(client: DashboardClient, id: string): Promise<JsonObject | undefined> {
	const path = `${base}/${segment(id)}`;
	const response = await unlessNotFound(client.request('GET', path));
	return response && objectBody(client, path, response, 'an asset');
}

/** Asset writes report success in `Status` ("success", in any case) and a fixed HTTP status; both are checked. */
function expectSuccess(client: DashboardClient, method: string, path: string, response: DashboardResponse, status: number) {
	const answer = statusAnswer(client, method, path, response);
	if (response.status !== status || answer.status.toLowerCase() !== 'success') {
		throw badResponse({environment: client.name, method, path}, response.status, `expected ${status} with Status "success", got Status "${answer.status}"`);
	}
	return answer;
}

/** Creates a template keeping its `id`; the Dashboard answers 201 with the `_id` in `Meta`. */
export async function createTemplate(client: DashboardClient, asset: JsonObject): Promise<Created> {
	const answer = expectSuccess(client, 'POST', base, await client.request('POST', base, {body: asset}), 201);
	const id = answer.id ?? (typeof asset['id'] === 'string' ? asset['id'] : '');
	return {dbId: answer.meta ?? '', id};
}

/** Replaces a template addressed by `id` or `_id`. */
export async function updateTemplate(client: DashboardClient, id: string, asset: JsonObject): Promise<void> {
	const path = `${base}/${segment(id)}`;
	expectSuccess(client, 'PUT', path, await client.request('PUT', path, {body: asset}), 200);
}

/** Deletes a template addressed by `id` or `_id`. */
export async function deleteTemplate(client: DashboardClient, id: string): Promise<void> {
	const path = `${base}/${segment(id)}`;
	expectSuccess(client, 'DELETE', path, await client.request('DELETE', path), 200);
}
