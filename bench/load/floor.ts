import pLimit from 'p-limit';

/** What the floor run fetched, so the report can show both sides did the same work. */
export interface FloorCounts {
	readonly apis: number;
	readonly policies: number;
	readonly templates: number;
	readonly requests: number;
}

/**
 * The floor for `loadLive`: exactly the same requests (lists, then the OAS documents: through the OAS list, or with
 * `perApi` one request per OAS API as the client read them before it used that list; categories from the list entry,
 * or from the categories endpoint when the entry has none), with the same concurrency, through plain `fetch`, bodies
 * parsed and nothing else. The client can only add overhead to the same-requests floor.
 */
export async function floorLoad(url: string, key: string, concurrency: number, perApi = false): Promise<FloorCounts> {
	const limit = pLimit(concurrency);
	let requests = 0;
	const get = (path: string) => limit(async () => {
		requests++;
		const response = await fetch(url + path, {headers: {authorization: key, accept: 'application/json'}});
		if (!response.ok) throw new Error(`floor: GET ${path} answered ${response.status}`);
		return response.json() as Promise<unknown>;
	});
	const policies = get('/api/portal/policies?p=-1') as Promise<{Data: unknown[] | null}>;
	const templates = get('/api/assets') as Promise<unknown[] | null>;
	const list = (await get('/api/apis?p=-1')) as {apis: Array<{api_definition: {api_id: string; is_oas?: boolean}; categories?: string[]}> | null};
	const oasList = perApi ? undefined : (await get('/api/apis/oas?p=-1')) as {apis: Array<{'x-tyk-api-gateway'?: {info?: {id?: string}}}> | null};
	const docs = new Map((oasList?.apis ?? []).map((doc) => [doc['x-tyk-api-gateway']?.info?.id, doc]));
	const apis = await Promise.all((list.apis ?? []).map(async (wrapper) => {
		if (wrapper.api_definition.is_oas !== true) return wrapper;
		const id = encodeURIComponent(wrapper.api_definition.api_id);
		const listed = docs.get(wrapper.api_definition.api_id);
		const [doc, categories] = await Promise.all([listed ?? get(`/api/apis/oas/${id}`), wrapper.categories ?? get(`/api/apis/oas/${id}/categories`)]);
		return {oas: doc, categories};
	}));
	return {apis: apis.length, policies: (await policies).Data?.length ?? 0, templates: (await templates)?.length ?? 0, requests};
}
