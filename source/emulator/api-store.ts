import {classicCategories} from '../core/item.js';
import type {JsonObject} from '../core/json.js';
import {ApiError} from './errors.js';
import {objectAt, stringAt} from './json-path.js';
import {classicProjection, oasDomain, oasInfo, oasListenPath} from './oas.js';
import {paginate, sortBy, type Page} from './paging.js';
import type {ApiRecord} from './records.js';

/** Filters of `GET /api/apis` and `/api/apis/search`. */
export interface ApiQuery {
	readonly q?: string | null;
	readonly category?: string | null;
	readonly sort?: string | null;
	readonly p?: string | null;
}

interface Row {
	readonly record: ApiRecord;
	readonly createdAt: string;
	readonly updatedAt: string;
	readonly name: string;
	readonly seq: number;
}

/** Display name of a stored API (Classic `name` or OAS `info.name`). */
export function recordName(record: ApiRecord): string {
	if (record.flavor === 'oas') return stringAt(oasInfo(record.doc ?? {})['name']);
	return stringAt(objectAt(record.wrapper['api_definition'])['name']);
}

/** Categories of a stored API: Classic `#tags` in the name, OAS wrapper `categories`. */
export function recordCategories(record: ApiRecord): string[] {
	if (record.flavor === 'oas') {
		const list = record.wrapper['categories'];
		return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
	}
	return classicCategories(recordName(record));
}

function urlKey(record: ApiRecord): string {
	if (record.flavor === 'oas') return `${oasDomain(record.doc ?? {})}|${oasListenPath(record.doc ?? {})}`;
	const def = objectAt(record.wrapper['api_definition']);
	return `${stringAt(def['domain'])}|${stringAt(objectAt(def['proxy'])['listen_path'])}`;
}

/**
 * The API collection: both flavours in one place, indexed by DB id and public id, because every endpoint
 * addresses APIs by either id and the Classic list shows both flavours.
 */
export class ApiStore {
	private readonly byDb = new Map<string, ApiRecord>();
	private readonly byApiId = new Map<string, ApiRecord>();
	private readonly projections = new WeakMap<JsonObject, JsonObject>();
	private readonly serialised = new WeakMap<ApiRecord, Buffer>();
	private readonly docBytes = new WeakMap<JsonObject, Buffer>();
	private readonly byUrl = new Map<string, Set<string>>();
	private nextSeq = 1;

	/** Looks an API up by DB id first, then by public id. */
	find(idOrApiId: string): ApiRecord | undefined {
		return this.byDb.get(idOrApiId) ?? this.byApiId.get(idOrApiId);
	}

	/** Looks an API up by public id only (policy `access_rights` keys). */
	findByApiId(apiId: string): ApiRecord | undefined {
		return this.byApiId.get(apiId);
	}

	/** Whether a public id is taken by an API other than `exceptDbId`. */
	apiIdTaken(apiId: string, exceptDbId?: string): boolean {
		const found = this.byApiId.get(apiId);
		return found !== undefined && found.dbId !== exceptDbId;
	}

	/** Enforces the (listen path, domain) uniqueness rule unless duplicates are allowed (contract §3.4). */
	checkUrl(candidate: ApiRecord, enableDuplicateSlugs: boolean): void {
		if (enableDuplicateSlugs) return;
		const owners = this.byUrl.get(urlKey(candidate));
		for (const dbId of owners ?? []) if (dbId !== candidate.dbId) throw new ApiError(403, 'Found API with same url.');
	}

	/** Adds or replaces a record; a replaced record keeps its place in insertion order. */
	put(record: ApiRecord): void {
		const previous = this.byDb.get(record.dbId);
		if (previous) this.unindex(previous);
		const clash = this.byApiId.get(record.apiId);
		if (clash && clash.dbId !== record.dbId) this.remove(clash);
		record.seq = previous?.seq ?? this.nextSeq++;
		this.byDb.set(record.dbId, record);
		this.byApiId.set(record.apiId, record);
		const key = urlKey(record);
		const owners = this.byUrl.get(key) ?? new Set<string>();
		owners.add(record.dbId);
		this.byUrl.set(key, owners);
	}

	/** Removes a record from every index. */
	remove(record: ApiRecord): void {
		this.unindex(record);
		this.byDb.delete(record.dbId);
	}

	/** Records are replaced, never mutated, so `record.apiId` is the id it was indexed under. */
	private unindex(record: ApiRecord): void {
		const key = urlKey(record);
		const owners = this.byUrl.get(key);
		owners?.delete(record.dbId);
		if (owners?.size === 0) this.byUrl.delete(key);
		if (this.byApiId.get(record.apiId)?.dbId === record.dbId) this.byApiId.delete(record.apiId);
	}

	/** Every record in insertion order (persistence and seeding). */
	all(): ApiRecord[] {
		return [...this.byDb.values()].sort((a, b) => a.seq - b.seq);
	}

	/** Number of stored APIs. */
	get size(): number {
		return this.byDb.size;
	}

	/** The wrapper a record shows in `GET /api/apis`: Classic as stored, OAS as a Classic projection with `oas`. */
	wrapperOf(record: ApiRecord): JsonObject {
		if (record.flavor === 'classic') return record.wrapper;
		const doc = record.doc ?? {};
		let projection = this.projections.get(doc);
		if (!projection) {
			projection = classicProjection(doc);
			this.projections.set(doc, projection);
		}
		const {created_at: createdAt, updated_at: updatedAt, categories, ...rest} = record.wrapper;
		return {
			api_model: {}, api_definition: projection, hook_references: [], is_site: false, sort_by: 0,
			user_group_owners: [], user_owners: [], ...rest,
			created_at: createdAt ?? '', updated_at: updatedAt ?? '', is_streams: false, categories: categories ?? [], oas: doc,
		};
	}

	/** The list item as UTF-8 JSON, cached per record (records are immutable), so large lists serialise quickly. */
	wrapperJson(record: ApiRecord): Buffer {
		let bytes = this.serialised.get(record);
		if (bytes === undefined) {
			bytes = Buffer.from(JSON.stringify(this.wrapperOf(record)));
			this.serialised.set(record, bytes);
		}
		return bytes;
	}

	/** An OAS record's document as UTF-8 JSON for the OAS list, cached per document like `wrapperJson`. */
	docJson(record: ApiRecord): Buffer {
		const doc = record.doc ?? {};
		let bytes = this.docBytes.get(doc);
		if (bytes === undefined) {
			bytes = Buffer.from(JSON.stringify(doc));
			this.docBytes.set(doc, bytes);
		}
		return bytes;
	}

	/** Filtered, sorted and paged records for list endpoints. */
	query(query: ApiQuery, pageSize: number, flavor?: 'oas'): Page<ApiRecord> {
		const needle = (query.q ?? '').toLowerCase();
		const wanted = (query.category ?? '').split(',').map((c) => c.trim()).filter(Boolean);
		const rows: Row[] = [];
		for (const record of this.byDb.values()) {
			if (flavor && record.flavor !== flavor) continue;
			const name = recordName(record);
			if (needle && !name.toLowerCase().includes(needle)) continue;
			if (wanted.length > 0) {
				const categories = recordCategories(record);
				if (!wanted.some((c) => categories.includes(c))) continue;
			}
			rows.push({
				record, name, seq: record.seq,
				createdAt: stringAt(record.wrapper['created_at']), updatedAt: stringAt(record.wrapper['updated_at']),
			});
		}
		const page = paginate(sortBy(rows, query.sort ?? null), query.p ?? null, pageSize);
		return {items: page.items.map((row) => row.record), pages: page.pages};
	}

	/** `GET /api/apis/categories`: each category with how many APIs (both flavours) carry it. */
	categoryCounts(): Array<{name: string; count: number}> {
		const counts = new Map<string, number>();
		for (const record of this.byDb.values()) {
			for (const category of recordCategories(record)) counts.set(category, (counts.get(category) ?? 0) + 1);
		}
		return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name, count]) => ({name, count}));
	}
}
