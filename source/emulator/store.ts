import {isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';
import {ApiStore} from './api-store.js';
import {AssetStore} from './asset-store.js';
import {AuditLog} from './audit-log.js';
import {importClassic} from './classic-writes.js';
import type {StoreContext} from './context.js';
import {Faults, type FaultSettings} from './faults.js';
import {importOas} from './oas-writes.js';
import type {StateFile} from './persist.js';
import {PolicyStore} from './policy-store.js';
import type {AssetRecord} from './records.js';

/**
 * All emulator state behind one object, free of HTTP. Tests and the demo seed and inspect it directly; the routes
 * translate requests into calls on it. `commit()` is awaited after every write so persistence (when enabled)
 * finishes before the client gets its answer.
 */
export class EmulatorStore {
	readonly apis = new ApiStore();
	readonly policies: PolicyStore;
	readonly assets: AssetStore;
	readonly faults: Faults;
	/** Every write under `/api`, for `GET /api/audit-logs` (kept in memory only). */
	readonly audit: AuditLog;
	private persist: (() => Promise<void>) | undefined;

	constructor(
		readonly ctx: StoreContext,
		faults: Partial<FaultSettings> = {},
		faultSeed = 1,
	) {
		this.policies = new PolicyStore(ctx, (apiId) => this.apis.findByApiId(apiId));
		this.assets = new AssetStore(ctx);
		this.faults = new Faults(faults, faultSeed);
		this.audit = new AuditLog(ctx.orgId, ctx.now);
	}

	/** Installs the persistence hook (used by startEmulator when a data file is set). */
	setPersistence(hook: (() => Promise<void>) | undefined): void {
		this.persist = hook;
	}

	/** Called after each successful write; resolves once the state is durable. */
	async commit(): Promise<void> {
		if (this.persist) await this.persist();
	}

	/**
	 * Stores API wrappers as the admin import does (ids kept). OAS wrappers (`api_definition.is_oas` with an `oas`
	 * member, i.e. `GET /api/apis` items, or tyk-sync `{oas, categories}` files, or bare Tyk OAS documents) become OAS APIs; entries that are
	 * neither are skipped. Returns `{api_id: true}` per stored API.
	 */
	importApis(wrappers: readonly JsonValue[]): Record<string, boolean> {
		const meta: Record<string, boolean> = {};
		for (const wrapper of wrappers) {
			if (!isJsonObject(wrapper)) continue;
			if (wrapper['api_definition'] === undefined && isJsonObject(wrapper['x-tyk-api-gateway'])) {
				meta[importOas(this.apis, this.ctx, {oas: wrapper}).apiId] = true;
				continue;
			}
			const def = wrapper['api_definition'];
			const isOas = isJsonObject(wrapper['oas']) && (!isJsonObject(def) || def['is_oas'] === true);
			if (!isOas && !isJsonObject(def)) continue;
			const record = isOas ? importOas(this.apis, this.ctx, wrapper) : importClassic(this.apis, this.ctx, wrapper);
			meta[record.apiId] = true;
		}
		return meta;
	}

	/** Every API as `GET /api/apis?p=-1` lists it (newest first). */
	listApis(): JsonObject[] {
		return this.apis.query({p: '-1'}, 1).items.map((record) => this.apis.wrapperOf(record));
	}

	/** Stores policies as the admin import does (`_id` kept). Returns `{_id: true}` per stored policy. */
	importPolicies(policies: readonly JsonValue[]): Record<string, boolean> {
		const meta: Record<string, boolean> = {};
		for (const policy of policies) {
			if (!isJsonObject(policy)) continue;
			meta[this.policies.import(policy).dbId] = true;
		}
		return meta;
	}

	/** Every policy as `GET /api/portal/policies?p=-1` lists it. */
	listPolicies(): JsonObject[] {
		return this.policies.query(null, '-1', 1).items.map((record) => this.policies.present(record));
	}

	/** Adds an API template; a given `_id` is kept when free (seeding and state restore). */
	addTemplate(asset: JsonObject): AssetRecord {
		return this.assets.create(asset, true);
	}

	/** Every template as `GET /api/assets` lists it. */
	listTemplates(): JsonObject[] {
		return this.assets.all().map((record) => record.body);
	}

	/** Changes fault injection while running. */
	setFaults(settings: Partial<FaultSettings>): void {
		this.faults.set(settings);
	}

	/** The whole state, for the data file. */
	snapshot(): StateFile {
		return {
			version: 1,
			apis: this.apis.all().map((record) => this.apis.wrapperOf(record)),
			policies: this.policies.all().map((record) => record.body),
			assets: this.assets.all().map((record) => record.body),
		};
	}

	/** Loads a state file into an empty store, keeping every id and timestamp. */
	restore(state: StateFile): void {
		this.importApis(state.apis);
		this.importPolicies(state.policies);
		for (const asset of state.assets) if (isJsonObject(asset)) this.addTemplate(asset);
	}
}
