import type {JsonObject} from '../../core/json.js';
import type {DashboardClient} from './client.js';
import {objectBody, segment, statusAnswer, unlessNotFound} from './answers.js';
import type {Created} from './classic.js';
import {listAll} from './listing.js';
import {badResponse} from './transport-errors.js';

const base = '/api/portal/policies';

/** Whether a value is a Dashboard DB id (a 24-hex MongoDB ObjectId), the only policy address every version accepts. */
export function isDbId(value: unknown): value is string {
	return typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value);
}

/** Every policy (envelope `Data`/`Pages`, capitalised). */
export function listPolicies(client: DashboardClient): Promise<JsonObject[]> {
	return listAll(client, base, 'policies');
}

/** One policy by `id` or `_id` (Dashboard 5.12+ accepts both); undefined when unknown. */
export async function getPolicy(client: DashboardClient, id: string): Promise<JsonObject | undefined> {
	const path = `${base}/${segment(id)}`;
	const response = await unlessNotFound(client.request('GET', path));
	return response && objectBody(client, path, response, 'a policy');
}

/**
 * Creates a policy with its explicit `id`. The Dashboard answers with the new `_id` in `Message` (not `Meta`,
 * contract §5.1), which is where Tyk's own tools read it.
 */
export async function createPolicy(client: DashboardClient, policy: JsonObject): Promise<Created> {
	const answer = statusAnswer(client, 'POST', base, await client.request('POST', base, {body: policy}));
	if (!isDbId(answer.message)) {
		throw badResponse({environment: client.name, method: 'POST', path: base}, 200, 'the answer Message is not the new policy _id');
	}
	const id = typeof policy['id'] === 'string' && policy['id'] ? policy['id'] : answer.message;
	return {dbId: answer.message, id};
}

/** Replaces a policy addressed by `id` or `_id`. */
export async function updatePolicy(client: DashboardClient, id: string, policy: JsonObject): Promise<void> {
	const path = `${base}/${segment(id)}`;
	statusAnswer(client, 'PUT', path, await client.request('PUT', path, {body: policy}));
}

/** Deletes a policy addressed by `id` or `_id`. */
export async function deletePolicy(client: DashboardClient, id: string): Promise<void> {
	const path = `${base}/${segment(id)}`;
	statusAnswer(client, 'DELETE', path, await client.request('DELETE', path));
}
