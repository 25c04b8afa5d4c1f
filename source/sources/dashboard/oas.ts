import {isJsonObject, type JsonObject} from '../../core/json.js';
import type {DashboardClient} from './client.js';
import {objectBody, segment, statusAnswer, unlessNotFound} from './answers.js';
import type {Created} from './classic.js';
import {DashboardError} from './errors.js';
import {badResponse} from './transport-errors.js';

/** The full Tyk OAS document; the Classic list only has a projection of it. Undefined when unknown. */
export async function getOas(client: DashboardClient, id: string): Promise<JsonObject | undefined> {
	const path = `/api/apis/oas/${segment(id)}`;
	const response = await unlessNotFound(client.request('GET', path));
	return response && objectBody(client, path, response, 'a Tyk OAS document');
}

/** OAS categories live beside the document, not in it; undefined when the API is unknown. */
export async function getOasCategories(client: DashboardClient, id: string): Promise<string[] | undefined> {
	const path = `/api/apis/oas/${segment(id)}/categories`;
	const response = await unlessNotFound(client.request('GET', path));
	if (!response) return undefined;
	const body = objectBody(client, path, response, 'a categories object');
	const list = body['categories'];
	if (list === null || list === undefined) return [];
	if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string')) {
		throw badResponse({environment: client.name, method: 'GET', path}, response.status, 'categories is not a list of strings');
	}
	return list as string[];
}

/** Sets the categories of an OAS API (the Dashboard drops blanks and duplicates). */
export async function setOasCategories(client: DashboardClient, id: string, categories: readonly string[]): Promise<void> {
	const path = `/api/apis/oas/${segment(id)}/categories`;
	statusAnswer(client, 'PUT', path, await client.request('PUT', path, {body: {categories: [...categories]}}));
}

function infoId(doc: JsonObject): string {
	const ext = doc['x-tyk-api-gateway'];
	const info = isJsonObject(ext) ? ext['info'] : undefined;
	return isJsonObject(info) && typeof info['id'] === 'string' ? info['id'] : '';
}

/**
 * Creates a Tyk OAS API; its `info.id` is sent so the portable id survives, and categories (which the create
 * endpoint does not take) are set afterwards when there are any.
 */
export async function createOas(client: DashboardClient, doc: JsonObject, categories: readonly string[]): Promise<Created> {
	const path = '/api/apis/oas';
	const answer = statusAnswer(client, 'POST', path, await client.request('POST', path, {body: doc}));
	const id = answer.id ?? infoId(doc);
	if (!answer.meta || !id) throw badResponse({environment: client.name, method: 'POST', path}, 200, 'the answer does not say which API was created (Meta/ID missing)');
	if (categories.length > 0) await categoriesAfter('created', client, id, categories);
	return {dbId: answer.meta, id};
}

/**
 * Sets categories after the document was written (two requests; the Dashboard has no single one). When only this
 * second request fails, the error says the document is already written, so nobody retries as if nothing happened.
 */
async function categoriesAfter(written: 'created' | 'updated', client: DashboardClient, id: string, categories: readonly string[]): Promise<void> {
	try {
		await setOasCategories(client, id, categories);
	} catch (error) {
		if (!(error instanceof DashboardError)) throw error;
		const {message: _message, name: _name, stack: _stack, ...details} = error;
		throw new DashboardError({...details, reason: `the API document was ${written}, but setting its categories failed: ${error.reason}`});
	}
}

/** Replaces an OAS document (full replacement) and its categories, addressed by `info.id` or DB id. */
export async function updateOas(client: DashboardClient, id: string, doc: JsonObject, categories: readonly string[]): Promise<void> {
	const path = `/api/apis/oas/${segment(id)}`;
	statusAnswer(client, 'PUT', path, await client.request('PUT', path, {body: doc}));
	await categoriesAfter('updated', client, id, categories);
}

/** Deletes an OAS API by `info.id` or DB id. */
export async function deleteOas(client: DashboardClient, id: string): Promise<void> {
	const path = `/api/apis/oas/${segment(id)}`;
	statusAnswer(client, 'DELETE', path, await client.request('DELETE', path));
}
