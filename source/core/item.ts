import {isJsonObject, type JsonObject, type JsonValue} from './json.js';
import {isSafeText, safeText} from './safe-text.js';

/** The three object kinds tyk-console manages; APIs also carry a flavor. */
export type Kind = 'api' | 'policy' | 'template';
export type Flavor = 'classic' | 'oas';

export const kinds: readonly Kind[] = ['api', 'policy', 'template'];

/**
 * One API, policy or template from any source (Dashboard, Git, snapshot).
 * `body` is always the tyk-sync file shape, so every source and every writer share one representation:
 * - Classic API: the Dashboard wrapper `{api_definition, hook_references, is_site, sort_by, user_group_owners, user_owners, ...}`
 * - OAS API: `{oas: <Tyk OAS document>, categories: [...], hook_references, ...}` (no `api_definition`)
 * - policy: the policy object; template: the asset object.
 */
export interface Item {
	readonly kind: Kind;
	/** Set for APIs only. */
	readonly flavor?: Flavor;
	/** Portable ID: Classic `api_definition.api_id`, OAS `x-tyk-api-gateway.info.id`, policy `id` (fallback `_id`), template `id`. */
	readonly id: string;
	readonly name: string;
	/** Classic: `#tags` in the name; OAS: wrapper `categories`; others: empty. */
	readonly categories: readonly string[];
	readonly body: JsonObject;
	/** Path of the Git file it came from, relative to the layout directory. */
	readonly file?: string;
	/** Environment-local database id (`api_definition.id`, `info.dbId`, `_id`), when known. */
	readonly dbId?: string;
	/**
	 * How the Git file holds an API when it is not tyk-sync's wrapper: `bare` = the Classic definition or the Tyk OAS
	 * document at the top level (tyk-sync 1.0/1.1, Tyk's own repositories). A dump keeps that shape when it can.
	 */
	readonly shape?: 'bare';
}

/** A Git file that could not become an item; it is shown with status `invalid`, never dropped silently. */
export interface InvalidEntry {
	readonly file: string;
	readonly error: string;
	readonly kind?: Kind;
	readonly flavor?: Flavor;
	readonly id?: string;
}

/** Two or more items in one source that claim the same portable ID. */
export interface ConflictEntry {
	readonly kind: Kind;
	readonly id: string;
	readonly files: readonly string[];
	readonly items: readonly Item[];
}

/** Everything one source holds. */
export interface ItemSet {
	readonly items: readonly Item[];
	readonly invalid: readonly InvalidEntry[];
	readonly conflicts: readonly ConflictEntry[];
	/** What the reader noticed but could work with (a file listed twice, a template without org_id), one line each. */
	readonly notes?: readonly string[];
}

/**
 * Why an ID cannot name an item on a Dashboard, or undefined when it can. An empty ID, `.`, `..` or any ID made only
 * of dots becomes a dot segment of the URL (`/api/apis/oas/..` is `/api/apis`): reads, updates and deletes would reach
 * another route and a create could not be undone. Such an item is shown as invalid and never written.
 */
export function idProblem(id: string): string | undefined {
	if (id === '') return 'the ID is empty';
	if (/^\.+$/.test(id)) return `the ID ${JSON.stringify(id)} is only dots, which a Dashboard URL cannot hold (it would address another route)`;
	return undefined;
}

/** Stable key used to pair items across sources. */
export function itemKey(item: {kind: Kind; id: string}): string {
	return `${item.kind}:${item.id}`;
}

function str(value: JsonValue | undefined): string {
	return typeof value === 'string' ? value : '';
}

function obj(value: JsonValue | undefined): JsonObject {
	return isJsonObject(value) ? value : {};
}

/** Classic categories are ` #tag` tokens inside the name (Dashboard convention). */
export function classicCategories(name: string): string[] {
	const out: string[] = [];
	for (const match of name.matchAll(/(?:^|\s)#([^\s#]+)/g)) {
		const tag = match[1]!;
		if (!out.includes(tag)) out.push(tag);
	}
	return out;
}

function stringList(value: JsonValue | undefined): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Whether a tyk-sync file body / Dashboard envelope is a Tyk OAS API (a non-null top-level `oas` object). */
export function isOasBody(body: JsonObject): boolean {
	return isJsonObject(body['oas']);
}

/**
 * Builds an Item from a body in the tyk-sync file shape; the caller has already decided the kind. Item names are only
 * ever shown (lists, diffs, plans, commit messages), so one carrying control characters is made safe here, once
 * (`safeText`: an escape sequence shown raw could retitle, clear or rewrite the user's terminal).
 */
export function makeItem(kind: Kind, body: JsonObject, file?: string): Item {
	const item = makeRawItem(kind, body, file);
	return isSafeText(item.name) ? item : {...item, name: safeText(item.name)};
}

function makeRawItem(kind: Kind, body: JsonObject, file?: string): Item {
	if (kind === 'api') {
		if (isOasBody(body)) {
			const doc = obj(body['oas']);
			const info = obj(obj(doc['x-tyk-api-gateway'])['info']);
			const name = str(info['name']) || str(obj(doc['info'])['title']);
			return {
				kind, flavor: 'oas', id: str(info['id']) || str(info['dbId']), name,
				categories: stringList(body['categories']), body, file, dbId: str(info['dbId']) || undefined,
			};
		}
		const def = obj(body['api_definition']);
		const name = str(def['name']);
		return {
			kind, flavor: 'classic', id: str(def['api_id']) || str(def['id']), name,
			categories: classicCategories(name), body, file, dbId: str(def['id']) || undefined,
		};
	}
	if (kind === 'policy') {
		return {
			kind, id: str(body['id']) || str(body['_id']), name: str(body['name']), categories: [], body, file,
			dbId: str(body['_id']) || undefined,
		};
	}
	return {
		kind, id: str(body['id']) || str(body['_id']), name: str(body['name']), categories: [], body, file,
		dbId: str(body['_id']) || undefined,
	};
}
