import {cloneJson, isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import type {ApiStore} from './api-store.js';
import {fillClassicDefaults, fillWrapperDefaults} from './classic-defaults.js';
import type {StoreContext} from './context.js';
import {ApiError} from './errors.js';
import {laterStamp, rfc3339} from './ids.js';
import {objectAt, stringAt} from './json-path.js';
import type {ApiRecord} from './records.js';

/** Wrapper keys in the order a Dashboard prints them; other members follow. */
const wrapperOrder = ['api_model', 'api_definition', 'hook_references', 'is_site', 'sort_by', 'user_group_owners', 'user_owners', 'created_at', 'updated_at', 'is_streams'];

function orderedWrapper(wrapper: JsonObject): JsonObject {
	const out: JsonObject = {};
	for (const key of wrapperOrder) if (wrapper[key] !== undefined) out[key] = wrapper[key]!;
	for (const [key, value] of Object.entries(wrapper)) if (!(key in out)) out[key] = value;
	return out;
}

function readWrapper(body: JsonValue): {wrapper: JsonObject; def: JsonObject} {
	if (!isJsonObject(body) || !isJsonObject(body['api_definition'])) throw new ApiError(400, "Couldn't read body.");
	const wrapper = cloneJson(body);
	delete wrapper['oas'];
	const def = wrapper['api_definition'] as JsonObject;
	delete def['is_oas'];
	return {wrapper, def};
}

function finish(def: JsonObject, apiId: string): void {
	fillClassicDefaults(def);
	const proxy = objectAt(def['proxy']);
	if (stringAt(proxy['listen_path']) === '') proxy['listen_path'] = `/${apiId}/`;
}

/** `POST /api/apis`: server-owned `id`, `org_id` and timestamps; a supplied `api_id` is kept unless legacy mode. */
export function createClassic(store: ApiStore, ctx: StoreContext, body: JsonValue): ApiRecord {
	const {wrapper, def} = readWrapper(body);
	const supplied = stringAt(def['api_id']);
	const apiId = supplied && !ctx.legacyResetApiIdOnCreate ? supplied : ctx.ids.apiId();
	if (store.apiIdTaken(apiId)) throw new ApiError(409, 'Found API with the same ID');
	const dbId = ctx.ids.dbId();
	def['id'] = dbId;
	def['api_id'] = apiId;
	def['org_id'] = ctx.orgId;
	finish(def, apiId);
	const stamp = rfc3339(ctx.now());
	wrapper['created_at'] = stamp;
	wrapper['updated_at'] = stamp;
	const record: ApiRecord = {flavor: 'classic', dbId, apiId, wrapper: orderedWrapper(fillWrapperDefaults(wrapper)), seq: 0};
	store.checkUrl(record, ctx.enableDuplicateSlugs);
	store.put(record);
	return record;
}

/** `PUT /api/apis/{id}`: full replacement that keeps `id`, `org_id` and `created_at`; `api_id` may change. */
export function updateClassic(store: ApiStore, ctx: StoreContext, target: string, body: JsonValue): ApiRecord {
	const {wrapper, def} = readWrapper(body);
	const existing = store.find(target);
	if (!existing || existing.flavor !== 'classic') throw new ApiError(404, 'API definition does not exist');
	const bodyId = stringAt(def['id']);
	if (bodyId !== '' && bodyId !== existing.dbId) throw new ApiError(400, 'Invalid `ID` value');
	const apiId = stringAt(def['api_id']) || existing.apiId;
	if (store.apiIdTaken(apiId, existing.dbId)) throw new ApiError(409, 'Found API with the same ID');
	const oldDef = objectAt(existing.wrapper['api_definition']);
	def['id'] = existing.dbId;
	def['api_id'] = apiId;
	def['org_id'] = stringAt(oldDef['org_id']) || ctx.orgId;
	finish(def, apiId);
	wrapper['created_at'] = existing.wrapper['created_at'] ?? rfc3339(ctx.now());
	wrapper['updated_at'] = laterStamp(ctx.now(), stringAt(existing.wrapper['updated_at']));
	const record: ApiRecord = {flavor: 'classic', dbId: existing.dbId, apiId, wrapper: orderedWrapper(fillWrapperDefaults(wrapper)), seq: existing.seq};
	store.checkUrl(record, ctx.enableDuplicateSlugs);
	store.put(record);
	return record;
}

/** Admin import of a Classic wrapper: keeps the given `id`, `api_id`, `org_id` and timestamps. */
export function importClassic(store: ApiStore, ctx: StoreContext, body: JsonObject): ApiRecord {
	const {wrapper, def} = readWrapper(body);
	const dbId = stringAt(def['id']) || ctx.ids.dbId();
	const apiId = stringAt(def['api_id']) || ctx.ids.apiId();
	def['id'] = dbId;
	def['api_id'] = apiId;
	if (stringAt(def['org_id']) === '') def['org_id'] = ctx.orgId;
	finish(def, apiId);
	const stamp = rfc3339(ctx.now());
	if (typeof wrapper['created_at'] !== 'string') wrapper['created_at'] = stamp;
	if (typeof wrapper['updated_at'] !== 'string') wrapper['updated_at'] = wrapper['created_at'];
	const record: ApiRecord = {flavor: 'classic', dbId, apiId, wrapper: orderedWrapper(fillWrapperDefaults(wrapper)), seq: 0};
	store.put(record);
	return record;
}
