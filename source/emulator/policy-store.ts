import {cloneJson, isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import type {StoreContext} from './context.js';
import {ApiError} from './errors.js';
import {stringAt} from './json-path.js';
import {paginate, sortBy, type Page} from './paging.js';
import {fillPolicyDefaults, normaliseAccessRights, presentPolicy} from './policy-fields.js';
import type {ApiRecord, PolicyRecord} from './records.js';

const safePolicyId = /^[A-Za-z0-9_.~-]+$/;

function readPolicy(body: JsonValue): JsonObject {
	if (!isJsonObject(body)) throw new ApiError(403, 'Request body malformed.');
	const copy = cloneJson(body);
	for (const key of ['access_rights_array', 'auth_type', 'auth_types', 'graphql_enabled']) delete copy[key];
	return copy;
}

function checkId(id: string): void {
	if (id !== '' && !safePolicyId.test(id)) {
		throw new ApiError(400, 'Invalid policy ID: only letters, digits and the characters _ . ~ - are allowed.');
	}
}

/**
 * Security policies, addressable by `_id` or custom `id` (5.12+). Computed fields are produced on read from
 * the current APIs, so they follow API changes the way the Dashboard's do.
 */
export class PolicyStore {
	private readonly byDb = new Map<string, PolicyRecord>();
	private readonly byId = new Map<string, string>();
	private readonly byName = new Map<string, string>();
	private nextSeq = 1;

	constructor(
		private readonly ctx: StoreContext,
		private readonly lookupApi: (apiId: string) => ApiRecord | undefined,
	) {}

	/** Looks a policy up by `_id`, then by `id`. */
	find(x: string): PolicyRecord | undefined {
		const direct = this.byDb.get(x);
		if (direct) return direct;
		const dbId = this.byId.get(x);
		return dbId === undefined ? undefined : this.byDb.get(dbId);
	}

	/** The policy as the API returns it. */
	present(record: PolicyRecord): JsonObject {
		return presentPolicy(record.body, this.lookupApi);
	}

	private checkName(name: string, selfDbId?: string): void {
		const owner = this.byName.get(name);
		if (name !== '' && owner !== undefined && owner !== selfDbId && this.byDb.has(owner)) {
			throw new ApiError(400, 'This policy name has already been used. Enter a unique policy name.');
		}
	}

	private put(record: PolicyRecord): void {
		const previous = this.byDb.get(record.dbId);
		if (previous) this.unindex(previous);
		record.seq = previous?.seq ?? this.nextSeq++;
		this.byDb.set(record.dbId, record);
		this.byId.set(stringAt(record.body['id']), record.dbId);
		this.byName.set(stringAt(record.body['name']), record.dbId);
	}

	private unindex(record: PolicyRecord): void {
		const id = stringAt(record.body['id']);
		if (this.byId.get(id) === record.dbId) this.byId.delete(id);
		const name = stringAt(record.body['name']);
		if (this.byName.get(name) === record.dbId) this.byName.delete(name);
	}

	private stamp(): {iso: string; unix: string} {
		const now = this.ctx.now();
		return {iso: now.toISOString(), unix: String(Math.floor(now.getTime() / 1000))};
	}

	private build(dbId: string, id: string, body: JsonObject, orgId: string, dateCreated: string, lastUpdated: string): JsonObject {
		delete body['_id'];
		delete body['id'];
		const out: JsonObject = {_id: dbId, id, ...body, org_id: orgId, date_created: dateCreated, last_updated: lastUpdated};
		normaliseAccessRights(out, this.lookupApi);
		return fillPolicyDefaults(out);
	}

	/** `POST /api/portal/policies`: `_id` is always generated (a body `_id` is ignored), `id` defaults to it. */
	create(input: JsonValue): PolicyRecord {
		const body = readPolicy(input);
		const id = stringAt(body['id']);
		checkId(id);
		this.checkName(stringAt(body['name']));
		const dbId = this.ctx.ids.dbId();
		const {iso, unix} = this.stamp();
		const record: PolicyRecord = {dbId, body: this.build(dbId, id || dbId, body, this.ctx.orgId, iso, unix), seq: 0};
		this.put(record);
		return record;
	}

	/** `PUT /api/portal/policies/{x}`: `_id`, `date_created` and `org_id` stay; a body `id` changes the Policy ID. */
	update(target: string, input: JsonValue): PolicyRecord {
		const body = readPolicy(input);
		const existing = this.find(target);
		if (!existing) throw new ApiError(404, 'Could not retrieve portal object.');
		const id = stringAt(body['id']) || stringAt(existing.body['id']);
		checkId(id);
		this.checkName(stringAt(body['name']), existing.dbId);
		const old = existing.body;
		const previous = Number(stringAt(old['last_updated']));
		const now = Number(this.stamp().unix);
		// Whole-second stamps: a save within the same second still moves last_updated on, so changes stay visible.
		const unix = String(Number.isFinite(previous) && now <= previous ? previous + 1 : now);
		const next = this.build(existing.dbId, id, body, stringAt(old['org_id']) || this.ctx.orgId, stringAt(old['date_created']), unix);
		const record: PolicyRecord = {dbId: existing.dbId, body: next, seq: existing.seq};
		this.put(record);
		return record;
	}

	/** `DELETE /api/portal/policies/{x}`. */
	delete(target: string): void {
		const existing = this.find(target);
		if (!existing) throw new ApiError(404, 'Could not retrieve object for deletion');
		this.unindex(existing);
		this.byDb.delete(existing.dbId);
		const id = stringAt(existing.body['id']);
		for (const other of this.byDb.values()) if (stringAt(other.body['id']) === id && !this.byId.has(id)) this.byId.set(id, other.dbId);
	}

	/** Admin import: keeps `_id` (and `id`, defaulting to `_id`), dates when present. */
	import(input: JsonValue): PolicyRecord {
		const body = readPolicy(input);
		const dbId = stringAt(body['_id']) || this.ctx.ids.dbId();
		const id = stringAt(body['id']) || dbId;
		const {iso, unix} = this.stamp();
		const orgId = stringAt(body['org_id']) || this.ctx.orgId;
		const record: PolicyRecord = {
			dbId, body: this.build(dbId, id, body, orgId, stringAt(body['date_created']) || iso, stringAt(body['last_updated']) || unix), seq: 0,
		};
		this.put(record);
		return record;
	}

	/** List and search: `q` matches a name substring (case-insensitive) or an exact `id`/`_id`. */
	query(q: string | null, p: string | null, pageSize: number): Page<PolicyRecord> {
		const needle = (q ?? '').toLowerCase();
		const rows = [];
		for (const record of this.byDb.values()) {
			const name = stringAt(record.body['name']);
			if (needle && !name.toLowerCase().includes(needle) && record.dbId !== q && stringAt(record.body['id']) !== q) continue;
			rows.push({record, name, seq: record.seq, createdAt: stringAt(record.body['date_created']), updatedAt: stringAt(record.body['last_updated'])});
		}
		const page = paginate(sortBy(rows, null), p, pageSize);
		return {items: page.items.map((row) => row.record), pages: page.pages};
	}

	/** Every record in insertion order. */
	all(): PolicyRecord[] {
		return [...this.byDb.values()].sort((a, b) => a.seq - b.seq);
	}
}
