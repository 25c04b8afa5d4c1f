import {isJsonObject, type JsonObject, type JsonValue, ensureObject} from '../../core/json.js';
import {makeItem, type Item, type Kind} from '../../core/item.js';

/** Either the item a file holds or the reason it cannot be one (shown to the user next to the file name). */
export type FileResult = {readonly item: Item; readonly note?: string} | {readonly error: string};

const objectIdPattern = /^[0-9a-fA-F]{24}$/;

function typeName(value: JsonValue | undefined): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return isJsonObject(value) ? 'an object' : `a ${typeof value}`;
}

/** tyk-sync decodes these through mgo ObjectIds: only "", null, absent, 24 hex (or `{"$oid": hex}`) survive. */
function objectIdProblem(value: JsonValue | undefined, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string' && objectIdPattern.test(value)) return undefined;
	if (isJsonObject(value) && typeof value['$oid'] === 'string' && objectIdPattern.test(value['$oid'])) return undefined;
	return `${label} must be empty or 24 hex characters, found ${JSON.stringify(value)}`;
}

function listProblem(value: JsonValue | undefined, label: string, ids: boolean): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) return `${label} must be an array, found ${typeName(value)}`;
	for (const [index, entry] of value.entries()) {
		if (typeof entry !== 'string') return `${label}[${index}] must be a string, found ${typeName(entry)}`;
		if (ids) {
			const problem = objectIdProblem(entry, `${label}[${index}]`);
			if (problem) return problem;
		}
	}
	return undefined;
}

type Expected = 'string' | 'number' | 'integer' | 'boolean' | 'object';

function fieldProblem(body: JsonObject, key: string, expected: Expected, label: string): string | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (expected === 'integer') {
		// Go decodes these into ints: 1.5 or 1e21 fails there, so it is refused here rather than at publish time.
		return Number.isSafeInteger(value) ? undefined : `${label}${key} must be an integer, found ${typeof value === 'number' ? String(value) : typeName(value)}`;
	}
	const ok = expected === 'object' ? isJsonObject(value) : typeof value === expected;
	return ok ? undefined : `${label}${key} must be ${expected === 'object' ? 'an object' : `a ${expected}`}, found ${typeName(value)}`;
}

function first(...problems: (string | undefined)[]): string | undefined {
	return problems.find((problem) => problem !== undefined);
}

function overrideString(entry: JsonObject, key: string): string | undefined | Error {
	const value = entry[key];
	if (value === undefined || value === null || value === '') return undefined;
	return typeof value === 'string' ? value : new Error(`index override "${key}" must be a string, found ${typeName(value)}`);
}


/** Reads the `api_id` / `db_id` / `org_id` overrides of an index entry, refusing values tyk-sync would choke on. */
function apiOverrides(entry: JsonObject): {apiId?: string; dbId?: string; orgId?: string} | string {
	const apiId = overrideString(entry, 'api_id');
	const dbId = overrideString(entry, 'db_id');
	const orgId = overrideString(entry, 'org_id');
	for (const value of [apiId, dbId, orgId]) if (value instanceof Error) return value.message;
	if (typeof dbId === 'string' && !objectIdPattern.test(dbId)) return `index override "db_id" must be 24 hex characters, found ${JSON.stringify(dbId)}`;
	return {apiId: apiId as string | undefined, dbId: dbId as string | undefined, orgId: orgId as string | undefined};
}

function oasApi(value: JsonObject, entry: JsonObject, file: string, prefix = 'oas.'): FileResult {
	const overrides = apiOverrides(entry);
	if (typeof overrides === 'string') return {error: overrides};
	// Legacy 1.2–1.4 files also carry `api_definition`; tyk-sync 1.5 ignores it for OAS files, and so do we.
	const {api_definition: _ignored, ...body} = value;
	const doc = body['oas'] as JsonObject;
	const gateway = doc['x-tyk-api-gateway'];
	if (gateway !== undefined && gateway !== null && !isJsonObject(gateway)) {
		return {error: `${prefix}x-tyk-api-gateway must be an object, found ${typeName(gateway)}`};
	}
	if (overrides.apiId || overrides.dbId || overrides.orgId) {
		const info = ensureObject(ensureObject(doc, 'x-tyk-api-gateway'), 'info');
		if (overrides.apiId) info['id'] = overrides.apiId;
		if (overrides.dbId) info['dbId'] = overrides.dbId;
		if (overrides.orgId) info['orgId'] = overrides.orgId;
	}
	const info = isJsonObject(gateway) && isJsonObject(gateway['info']) ? gateway['info'] : {};
	const problem = first(
		fieldProblem(info, 'id', 'string', `${prefix}x-tyk-api-gateway.info.`),
		objectIdProblem(info['dbId'], `${prefix}x-tyk-api-gateway.info.dbId`),
		listProblem(body['categories'], 'categories', false),
		listProblem(body['user_owners'], 'user_owners', true),
		listProblem(body['user_group_owners'], 'user_group_owners', true),
	);
	if (problem) return {error: problem};
	const item = makeItem('api', body, file);
	if (item.id === '') {
		return {error: `Tyk OAS API without an ID (${prefix}x-tyk-api-gateway.info.id is missing or empty); add it (the live API's ID keeps the two paired), or an "api_id" override in its .tyk.json entry`};
	}
	return {item};
}

function classicApi(value: JsonObject, entry: JsonObject, file: string): FileResult {
	const overrides = apiOverrides(entry);
	if (typeof overrides === 'string') return {error: overrides};
	const wrapped = value['api_definition'];
	if (wrapped !== undefined && wrapped !== null && !isJsonObject(wrapped)) {
		return {error: `api_definition must be an object, found ${typeName(wrapped)}`};
	}
	let body: JsonObject;
	let bare = false;
	if (isJsonObject(wrapped)) {
		const {oas, ...rest} = value;
		body = oas === null ? rest : value;
	} else {
		// Bare definition (tyk-sync 1.0/1.1): the Classic fields sit at the top level.
		if (!('api_id' in value) && !('proxy' in value) && !('name' in value)) {
			return {error: 'neither a Tyk OAS API nor a Classic API definition; wrap a Classic definition as {"api_definition": …} (or give it "api_id"), or a Tyk OAS document as {"oas": …} with x-tyk-api-gateway.info.id'};
		}
		body = {api_definition: value};
		bare = true;
	}
	const def = body['api_definition'] as JsonObject;
	if (overrides.apiId) def['api_id'] = overrides.apiId;
	if (overrides.dbId) def['id'] = overrides.dbId;
	if (overrides.orgId) def['org_id'] = overrides.orgId;
	const problem = first(
		fieldProblem(def, 'api_id', 'string', 'api_definition.'),
		fieldProblem(def, 'name', 'string', 'api_definition.'),
		fieldProblem(def, 'org_id', 'string', 'api_definition.'),
		fieldProblem(def, 'proxy', 'object', 'api_definition.'),
		fieldProblem(def, 'active', 'boolean', 'api_definition.'),
		objectIdProblem(def['id'], 'api_definition.id'),
		listProblem(body['user_owners'], 'user_owners', true),
		listProblem(body['user_group_owners'], 'user_group_owners', true),
		fieldProblem(body, 'sort_by', 'integer', ''),
		fieldProblem(body, 'is_site', 'boolean', ''),
	);
	if (problem) return {error: problem};
	const item = makeItem('api', body, file);
	if (item.id === '') return {error: 'Classic API without an ID (api_definition.api_id is missing or empty); add it, or an "api_id" override in its .tyk.json entry'};
	return {item: bare ? {...item, shape: 'bare'} : item};
}

/** Policy fields tyk-sync decodes as float64 and as int64. */
const policyFloats = ['rate', 'per', 'throttle_interval'];
const policyInts = ['quota_max', 'quota_renewal_rate', 'throttle_retry_limit', 'max_query_depth', 'key_expires_in'];

function ownedObject(kind: 'policy' | 'template', value: JsonObject, entry: JsonObject, file: string): FileResult {
	const idOverride = overrideString(entry, 'id');
	if (idOverride instanceof Error) return {error: idOverride.message};
	if (idOverride) value['id'] = idOverride;
	const label = kind === 'policy' ? 'policy' : 'API template';
	const problem = first(
		fieldProblem(value, 'org_id', 'string', ''),
		objectIdProblem(value['_id'], '_id'),
		fieldProblem(value, 'id', 'string', ''),
		fieldProblem(value, 'name', 'string', ''),
		...(kind === 'policy'
			? [
					fieldProblem(value, 'access_rights', 'object', ''),
					fieldProblem(value, 'active', 'boolean', ''),
					...policyFloats.map((key) => fieldProblem(value, key, 'number', '')),
					...policyInts.map((key) => fieldProblem(value, key, 'integer', '')),
				]
			: [fieldProblem(value, 'last_updated', 'string', ''), fieldProblem(value, 'kind', 'string', '')]),
	);
	if (problem) return {error: problem};
	const item = makeItem(kind, value, file);
	if (item.id === '') return {error: `${label} without an ID ("id" and "_id" are both empty); add "id", or an "id" override in its .tyk.json entry`};
	// tyk-sync's own backups write templates with `org_id: ""`, and its loader then refuses them. The org of a written
	// item is always the target's (config orgId, else the Dashboard user's), so the file is read and the gap noted.
	const orgId = value['org_id'];
	if (typeof orgId === 'string' && orgId !== '') return {item};
	return {item, note: `${file}: ${label} without org_id (tyk-sync 1.5 refuses to load it); tyk-console publishes it with the target's organisation`};
}

/**
 * tyk-sync 1.2–1.4 wrote every Classic API with an empty OAS placeholder beside its `api_definition` (`openapi: ""`,
 * an empty `info`, no `x-tyk-api-gateway`). The file is the Classic API it always was; tyk-sync 1.5 misreads it as OAS.
 */
export function isOasPlaceholder(oas: JsonObject): boolean {
	const gateway = oas['x-tyk-api-gateway'];
	return (gateway === undefined || gateway === null) && (oas['openapi'] === undefined || oas['openapi'] === '' || oas['openapi'] === null);
}

/** A Tyk OAS document kept as it is (Tyk's own repositories do): top-level `openapi` and `x-tyk-api-gateway`. */
export function isBareOasDocument(value: JsonObject): boolean {
	return typeof value['openapi'] === 'string' && isJsonObject(value['x-tyk-api-gateway']) && !('oas' in value) && !('api_definition' in value);
}

/** A Gateway `policies.json`: one object mapping policy IDs to policies, not one Dashboard policy. */
function policyMapSize(value: JsonObject): number | undefined {
	if ('access_rights' in value || 'name' in value || 'id' in value || '_id' in value || 'org_id' in value) return undefined;
	const entries = Object.values(value);
	if (entries.length === 0) return undefined;
	const policyKeys = ['access_rights', 'rate', 'per', 'quota_max', 'partitions', 'active'];
	return entries.every((entry) => isJsonObject(entry) && policyKeys.some((key) => key in entry)) ? entries.length : undefined;
}

function apiFromObject(value: JsonObject, entry: JsonObject, file: string): FileResult {
	const oas = value['oas'];
	if (oas !== undefined && oas !== null && !isJsonObject(oas)) return {error: `"oas" must be an object, found ${typeName(oas)}`};
	if (isJsonObject(oas)) {
		const wrapped = value['api_definition'];
		if (isOasPlaceholder(oas) && isJsonObject(wrapped) && wrapped['is_oas'] !== true) {
			const {oas: _placeholder, ...classic} = value;
			return classicApi(classic, entry, file);
		}
		if (isOasPlaceholder(oas)) {
			return {error: 'its "oas" member is an empty placeholder (no "openapi", no "x-tyk-api-gateway") and there is no Classic "api_definition" beside it; dump the API again, or put its Tyk OAS document under "oas"'};
		}
		return oasApi(value, entry, file);
	}
	if (isBareOasDocument(value)) {
		const result = oasApi({oas: value}, entry, file, '');
		return 'item' in result ? {item: {...result.item, shape: 'bare'}} : result;
	}
	if (typeof value['openapi'] === 'string' || typeof value['swagger'] === 'string') {
		const what = typeof value['swagger'] === 'string' ? 'a Swagger 2.0 document' : 'an OpenAPI document';
		return {error: `${what} without "x-tyk-api-gateway", so not a Tyk API definition; add the Tyk extension "x-tyk-api-gateway" (with info.id), or import it into the Dashboard and dump it`};
	}
	return classicApi(value, entry, file);
}

/**
 * Interprets one parsed file listed in `.tyk.json` as tyk-sync 1.5 would (checklist items 4–7, 10), with the index
 * overrides applied, but rejects what tyk-sync would silently misread (e.g. a malformed owner id making it fall back
 * to an almost empty bare definition). It also reads what real repositories hold beyond tyk-sync 1.5: Classic files
 * of tyk-sync 1.2–1.4 (empty `oas` placeholder) and bare Tyk OAS documents.
 */
export function itemFromFile(kind: Kind, value: JsonValue, entry: JsonObject, file: string): FileResult {
	if (!isJsonObject(value)) {
		return {error: `expected a JSON object, found ${typeName(value)}${Array.isArray(value) ? '; tyk-sync reads one definition per file, so list each one in its own file' : ''}`};
	}
	if (kind === 'api') return apiFromObject(value, entry, file);
	if (kind === 'policy') {
		const size = policyMapSize(value);
		if (size !== undefined) {
			return {error: `a Gateway policies.json (a map of ${size} policies by ID), not one Dashboard policy; tyk-sync reads one policy per file, so split it into policy files with "id", "name" and "org_id", or remove it from .tyk.json`};
		}
	}
	return ownedObject(kind, value, entry, file);
}

/**
 * Best-effort kind, flavor and ID of a file that failed the rules, so an invalid file can still be shown next to the
 * live item it was meant to be (instead of only as an anonymous broken file).
 */
export function guessIdentity(kind: Kind, value: JsonValue): {flavor?: 'classic' | 'oas'; id?: string} {
	if (!isJsonObject(value)) return {};
	let body = value;
	if (kind === 'api') {
		const oas = value['oas'];
		if (isJsonObject(oas) && isOasPlaceholder(oas) && isJsonObject(value['api_definition'])) body = {api_definition: value['api_definition']};
		else if (isJsonObject(oas) && !isJsonObject(oas['x-tyk-api-gateway'])) return {flavor: 'oas'};
		else if (typeof value['openapi'] === 'string' || typeof value['swagger'] === 'string' || 'x-tyk-api-gateway' in value) body = {oas: value};
		else if (!isJsonObject(oas) && !isJsonObject(value['api_definition'])) {
			// A fragment that is no definition at all has no flavor to show.
			if (!('api_id' in value) && !('proxy' in value) && !('name' in value)) return {};
			body = {api_definition: value};
		}
	}
	const item = makeItem(kind, body);
	return {...(item.flavor ? {flavor: item.flavor} : {}), ...(item.id ? {id: item.id} : {})};
}
