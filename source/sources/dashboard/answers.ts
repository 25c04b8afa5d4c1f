import {idProblem} from '../../core/item.js';
import {isJsonObject, type JsonObject} from '../../core/json.js';
import type {DashboardClient, DashboardResponse} from './client.js';
import {isDashboardError} from './errors.js';
import {badResponse} from './transport-errors.js';

/** The status envelope of writes (contract §2.1), read leniently: `Meta` may be any JSON value. */
export interface StatusAnswer {
	readonly status: string;
	readonly message: string;
	readonly meta: string | undefined;
	readonly id: string | undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Parses a write answer; a body that is not an object is a bad response, since nothing about the write is known. */
export function statusAnswer(client: DashboardClient, method: string, path: string, response: DashboardResponse): StatusAnswer {
	const body = response.body;
	if (!isJsonObject(body)) throw badResponse({environment: client.name, method, path}, response.status, 'expected a status object');
	return {
		status: text(body['Status']) ?? text(body['status']) ?? '',
		message: text(body['Message']) ?? text(body['message']) ?? '',
		meta: text(body['Meta']),
		id: text(body['ID']),
	};
}

/** A read answer that must be one JSON object (a definition, a policy, an asset). */
export function objectBody(client: DashboardClient, path: string, response: DashboardResponse, what: string): JsonObject {
	if (!isJsonObject(response.body)) throw badResponse({environment: client.name, method: 'GET', path}, response.status, `expected ${what} as a JSON object`);
	return response.body;
}

/** Runs a read and turns "not found" into undefined: callers ask "does it exist?" as often as "what is it?". */
export async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
	try {
		return await read;
	} catch (error) {
		if (isDashboardError(error, 'not-found')) return undefined;
		throw error;
	}
}

/**
 * Path segment for an id chosen by users (policy ids may contain `.` or `~`); never lets an id change the route. The
 * one place paths are built from IDs: an ID a URL would collapse (empty, `.`, `..`, only dots) throws before any
 * request is made, naming the ID.
 */
export function segment(id: string): string {
	const problem = idProblem(id);
	if (problem) throw new Error(`refusing a Dashboard request for the ID ${JSON.stringify(id)}: ${problem}`);
	return encodeURIComponent(id);
}
