import type {JsonObject} from '../core/json.js';

/**
 * One stored API. Classic keeps the full wrapper; OAS keeps the document plus the wrapper members that
 * live beside it (`categories`, `created_at`, ...), so both list and OAS endpoints read from one record.
 */
export interface ApiRecord {
	// Records are replaced on every write (never mutated), so indexes can trust their ids.
	readonly flavor: 'classic' | 'oas';
	readonly dbId: string;
	readonly apiId: string;
	/** Classic: the whole wrapper including `api_definition`. OAS: wrapper members only (no `api_definition`, no `oas`). */
	readonly wrapper: JsonObject;
	/** OAS only: the stored Tyk OAS document. */
	readonly doc?: JsonObject;
	/** Insertion counter; breaks `created_at` ties so order stays stable. */
	seq: number;
}

/** A stored policy: the body as saved, computed fields are added when it is read. */
export interface PolicyRecord {
	readonly dbId: string;
	body: JsonObject;
	seq: number;
}

/** A stored API template (asset). */
export interface AssetRecord {
	readonly dbId: string;
	body: JsonObject;
	seq: number;
}
