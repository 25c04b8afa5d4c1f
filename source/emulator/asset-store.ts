import {cloneJson, isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import type {StoreContext} from './context.js';
import {ApiError} from './errors.js';
import {stringAt} from './json-path.js';
import type {AssetRecord} from './records.js';

/** The only asset kind the Dashboard supports. */
export const templateKind = 'oas-template';

function readAsset(body: JsonValue): JsonObject {
	if (!isJsonObject(body)) throw new ApiError(400, 'error reading json body.');
	const copy = cloneJson(body);
	const kind = copy['kind'] === undefined || copy['kind'] === '' ? templateKind : String(copy['kind']);
	if (kind !== templateKind) throw new ApiError(422, `unsupported asset kind: '${kind}'.`);
	copy['kind'] = kind;
	return copy;
}

/** Asset `last_updated`: RFC 3339 with nanoseconds, as the Dashboard writes it. */
function assetStamp(date: Date): string {
	return date.toISOString().replace(/Z$/, '000000Z');
}

/** API templates (assets), addressable by `_id` or custom `id`. */
export class AssetStore {
	private readonly byDb = new Map<string, AssetRecord>();
	private readonly byId = new Map<string, string>();
	private nextSeq = 1;

	constructor(private readonly ctx: StoreContext) {}

	/** Looks an asset up by `_id`, then by `id`. */
	find(x: string): AssetRecord | undefined {
		const direct = this.byDb.get(x);
		if (direct) return direct;
		const dbId = this.byId.get(x);
		return dbId === undefined ? undefined : this.byDb.get(dbId);
	}

	private put(record: AssetRecord): void {
		const previous = this.byDb.get(record.dbId);
		if (previous) this.byId.delete(stringAt(previous.body['id']));
		record.seq = previous?.seq ?? this.nextSeq++;
		this.byDb.set(record.dbId, record);
		this.byId.set(stringAt(record.body['id']), record.dbId);
	}

	private build(dbId: string, id: string, body: JsonObject, orgId: string, lastUpdated?: string): JsonObject {
		delete body['_id'];
		delete body['id'];
		delete body['org_id'];
		delete body['last_updated'];
		const {kind = templateKind, name = '', description = '', data = {}, ...rest} = body;
		return {_id: dbId, id, kind, name, description, data, org_id: orgId, ...rest, last_updated: lastUpdated || assetStamp(this.ctx.now())};
	}

	/**
	 * `POST /api/assets`: 409 on a used `id`; an omitted `id` is generated. `restore` (seeding, data file) also keeps
	 * a free `_id` and the stored `last_updated`.
	 */
	create(input: JsonValue, restore = false): AssetRecord {
		const body = readAsset(input);
		const id = stringAt(body['id']) || this.ctx.ids.apiId();
		if (this.byId.has(id)) throw new ApiError(409, `Asset ID already exists: '${id}'.`);
		const given = stringAt(body['_id']);
		const dbId = restore && given && !this.byDb.has(given) ? given : this.ctx.ids.dbId();
		const lastUpdated = restore ? stringAt(body['last_updated']) : '';
		const record: AssetRecord = {dbId, body: this.build(dbId, id, body, stringAt(body['org_id']) || this.ctx.orgId, lastUpdated), seq: 0};
		this.put(record);
		return record;
	}

	/** `PUT /api/assets/{x}`: `_id` never changes; a new `id` must be free. */
	update(target: string, input: JsonValue): AssetRecord {
		const existing = this.find(target);
		if (!existing) throw new ApiError(404, 'Asset not found.');
		const body = readAsset(input);
		const id = stringAt(body['id']) || stringAt(existing.body['id']);
		const owner = this.byId.get(id);
		if (owner !== undefined && owner !== existing.dbId) throw new ApiError(409, `Asset ID already exists: '${id}'.`);
		const record: AssetRecord = {dbId: existing.dbId, body: this.build(existing.dbId, id, body, stringAt(existing.body['org_id'])), seq: existing.seq};
		this.put(record);
		return record;
	}

	/** `DELETE /api/assets/{x}`. */
	delete(target: string): void {
		const existing = this.find(target);
		if (!existing) throw new ApiError(404, 'asset not found');
		this.byId.delete(stringAt(existing.body['id']));
		this.byDb.delete(existing.dbId);
	}

	/** Every asset in insertion order. */
	all(): AssetRecord[] {
		return [...this.byDb.values()].sort((a, b) => a.seq - b.seq);
	}
}
