import {cloneJson, isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import type {ApiStore} from './api-store.js';
import type {StoreContext} from './context.js';
import {ApiError} from './errors.js';
import {laterStamp, rfc3339} from './ids.js';
import {objectAt, stringAt} from './json-path.js';
import {cleanCategories, hasTykExtension, normaliseOasDoc, oasInfo} from './oas.js';
import type {ApiRecord} from './records.js';

function wrapperMembers(categories: JsonValue, createdAt: string, updatedAt: string, extra: JsonObject = {}): JsonObject {
	return {
		hook_references: [], is_site: false, sort_by: 0, user_group_owners: [], user_owners: [], ...extra,
		created_at: createdAt, updated_at: updatedAt, categories: Array.isArray(categories) ? cleanCategories(categories) : [],
	};
}

function validate(doc: JsonObject): void {
	if (!hasTykExtension(doc) || !isJsonObject(doc['x-tyk-api-gateway'])) throw new ApiError(400, 'The payload should contain x-tyk-api-gateway.');
	if (stringAt(oasInfo(doc)['name']) === '' || typeof doc['openapi'] !== 'string') throw new ApiError(500, 'Error while validating schema.');
}

/** `POST /api/apis/oas` (and import, after the extension is generated): keeps a supplied `info.id`. */
export function createOas(store: ApiStore, ctx: StoreContext, input: JsonObject, categories: JsonValue = []): ApiRecord {
	const doc = cloneJson(input);
	validate(doc);
	const apiId = stringAt(oasInfo(doc)['id']) || ctx.ids.apiId();
	if (store.apiIdTaken(apiId)) throw new ApiError(409, 'Found API with the same ID.');
	const dbId = ctx.ids.dbId();
	normaliseOasDoc(doc, {dbId, apiId, orgId: ctx.orgId}, ctx.gatewayBase);
	const stamp = rfc3339(ctx.now());
	const record: ApiRecord = {flavor: 'oas', dbId, apiId, doc, wrapper: wrapperMembers(categories, stamp, stamp), seq: 0};
	store.checkUrl(record, ctx.enableDuplicateSlugs);
	store.put(record);
	return record;
}

/** An OAS API by either id, or the contract's error for the calling endpoint. */
export function requireOas(store: ApiStore, target: string, status: number, message: string): ApiRecord {
	const record = store.find(target);
	if (!record || record.flavor !== 'oas') throw new ApiError(status, message);
	return record;
}

/** `PUT /api/apis/oas/{id}`: full replacement; ids and org are restored even when the body omits them. */
export function updateOas(store: ApiStore, ctx: StoreContext, target: string, input: JsonObject): ApiRecord {
	const existing = requireOas(store, target, 404, 'API definition does not exist');
	if (!hasTykExtension(input) || !isJsonObject(input['x-tyk-api-gateway'])) throw new ApiError(400, 'The payload should contain x-tyk-api-gateway.');
	const doc = cloneJson(input);
	const info = oasInfo(doc);
	const bodyId = stringAt(info['id']);
	const bodyDbId = stringAt(info['dbId']);
	if ((bodyId !== '' && bodyId !== existing.apiId) || (bodyDbId !== '' && bodyDbId !== existing.dbId)) {
		throw new ApiError(400, 'Invalid `ID` value');
	}
	validate(doc);
	const orgId = stringAt(oasInfo(existing.doc ?? {})['orgId']) || ctx.orgId;
	normaliseOasDoc(doc, {dbId: existing.dbId, apiId: existing.apiId, orgId}, ctx.gatewayBase);
	const wrapper = {...existing.wrapper, updated_at: laterStamp(ctx.now(), stringAt(existing.wrapper['updated_at']))};
	const record: ApiRecord = {flavor: 'oas', dbId: existing.dbId, apiId: existing.apiId, doc, wrapper, seq: existing.seq};
	store.checkUrl(record, ctx.enableDuplicateSlugs);
	store.put(record);
	return record;
}

/** `PUT /api/apis/oas/{id}/categories`: changes the wrapper only, never the document. */
export function setOasCategories(store: ApiStore, target: string, body: JsonValue): void {
	const existing = requireOas(store, target, 404, 'API not found');
	const list = isJsonObject(body) ? body['categories'] : undefined;
	if (!Array.isArray(list)) throw new ApiError(400, 'Failed to update ApiDef object to DB.');
	store.put({...existing, wrapper: {...existing.wrapper, categories: cleanCategories(list)}});
}

/** Admin import of an OAS wrapper from `GET /api/apis` (`api_definition.is_oas` with an `oas` member): ids kept. */
export function importOas(store: ApiStore, ctx: StoreContext, wrapper: JsonObject): ApiRecord {
	const def = objectAt(wrapper['api_definition']);
	const doc = cloneJson(objectAt(wrapper['oas']));
	const info = oasInfo(doc);
	const dbId = stringAt(def['id']) || stringAt(info['dbId']) || ctx.ids.dbId();
	const apiId = stringAt(def['api_id']) || stringAt(info['id']) || ctx.ids.apiId();
	const orgId = stringAt(info['orgId']) || stringAt(def['org_id']) || ctx.orgId;
	normaliseOasDoc(doc, {dbId, apiId, orgId}, ctx.gatewayBase);
	const stamp = rfc3339(ctx.now());
	const createdAt = stringAt(wrapper['created_at']) || stamp;
	const updatedAt = stringAt(wrapper['updated_at']) || createdAt;
	const extra: JsonObject = {};
	for (const [key, value] of Object.entries(wrapper)) {
		if (!['api_definition', 'oas', 'api_model', 'created_at', 'updated_at', 'categories', 'is_streams'].includes(key)) extra[key] = value;
	}
	const record: ApiRecord = {flavor: 'oas', dbId, apiId, doc, wrapper: wrapperMembers(wrapper['categories'] ?? [], createdAt, updatedAt, cloneJson(extra)), seq: 0};
	store.put(record);
	return record;
}
