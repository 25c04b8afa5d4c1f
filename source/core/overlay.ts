import {itemKey, makeItem, type Item, type ItemSet} from './item.js';
import {cloneJson, isJsonObject, type JsonObject, type JsonValue} from './json.js';
import {formatPath, type Segment} from './paths.js';

/**
 * Environment overlays (`<dir>/.tyk-console/overlays/<environment>.yaml`): one canonical definition in Git, and per
 * environment the few values that differ. The Git side of an environment is `render(base, overlay)` everywhere (diff,
 * console, publish); a dump reverses it, so an environment's own values never move into the base.
 */

/** Where an overlay secret's value comes from when an item is written; the value itself is never stored. */
export type OverlaySecretSource =
	| {readonly type: 'env'; readonly variable: string}
	/** Run without a shell: `argv[0]` with the rest as its arguments (the text as written, for messages). */
	| {readonly type: 'command'; readonly argv: readonly string[]; readonly text: string};

/** One field an overlay governs: its path (segments and as written) and, for `set`, its value. */
export interface OverlayField {
	readonly path: readonly Segment[];
	readonly text: string;
}

export interface OverlaySet extends OverlayField {
	readonly value: JsonValue;
}

export interface OverlaySecret extends OverlayField {
	readonly source: OverlaySecretSource;
}

/** A validated overlay; `set` and `secrets` are keyed by item key (`api:<id>`, as `itemKey`). */
export interface Overlay {
	readonly environment: string;
	/** Store path of the file, for messages. */
	readonly file: string;
	/** The file's text, so a dump can edit it in place (comments kept). */
	readonly text: string;
	readonly replace: readonly {readonly from: string; readonly to: string}[];
	readonly set: ReadonlyMap<string, readonly OverlaySet[]>;
	readonly secrets: ReadonlyMap<string, readonly OverlaySecret[]>;
}

/** What an overlay did to one item: the rendered item and the paths (as diff prints them) whose value it gave. */
export interface Rendered {
	readonly item: Item;
	readonly fields: readonly string[];
}

/**
 * The fields of one item a view's overlay gave, or undefined when it gave none. Here, not in the engine, so `diff`
 * prints them without loading the engine for `--help`.
 */
export function overlayFieldsOf(view: {readonly overlay?: {readonly fields: Readonly<Record<string, readonly string[]>>}}, key: string): readonly string[] | undefined {
	const fields = view.overlay?.fields[key];
	return fields && fields.length > 0 ? fields : undefined;
}

/** Keys whose strings identify an item: `replace` never touches them, so pairing by ID survives any overlay. */
const identityKeys = new Set(['id', '_id', 'api_id', 'dbId']);

/** The value at `path`, or undefined when any step is missing. */
export function valueAt(root: JsonValue, path: readonly Segment[]): JsonValue | undefined {
	let current: JsonValue | undefined = root;
	for (const segment of path) {
		if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
		else current = isJsonObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
		if (current === undefined) return undefined;
	}
	return current;
}

/** Sets the value at `path` in place (a body being built); false when the parent is missing. */
export function setAt(root: JsonObject, path: readonly Segment[], value: JsonValue): boolean {
	return putAt(root, path, value);
}

/** Sets (or with `undefined`, removes) the value at `path` in place; false when the parent is missing. */
function putAt(root: JsonObject, path: readonly Segment[], value: JsonValue | undefined): boolean {
	const parent = valueAt(root, path.slice(0, -1));
	const last = path[path.length - 1];
	if (last === undefined) return false;
	if (typeof last === 'number') {
		if (!Array.isArray(parent) || last >= parent.length) return false;
		if (value !== undefined) parent[last] = value;
		return true;
	}
	if (!isJsonObject(parent)) return false;
	if (value === undefined) delete parent[last];
	else parent[last] = value;
	return true;
}

/** Every string of `value` with the pairs applied in order; the paths whose string changed are added to `changed`. */
function replaceStrings(value: JsonValue, pairs: readonly {from: string; to: string}[], path: Segment[], changed: string[]): JsonValue {
	if (typeof value === 'string') {
		const key = path[path.length - 1];
		if (typeof key === 'string' && identityKeys.has(key)) return value;
		let out = value;
		for (const {from, to} of pairs) if (from !== '') out = out.split(from).join(to);
		if (out !== value) changed.push(formatPath(path));
		return out;
	}
	// Containers are copied only when something inside them changed: an item no pair touches stays the same object.
	if (Array.isArray(value)) {
		let out: JsonValue[] | undefined;
		value.forEach((entry, index) => {
			path.push(index);
			const next = replaceStrings(entry, pairs, path, changed);
			path.pop();
			if (next !== entry) (out ??= [...value])[index] = next;
		});
		return out ?? value;
	}
	if (isJsonObject(value)) {
		let out: JsonObject | undefined;
		for (const [key, entry] of Object.entries(value)) {
			path.push(key);
			const next = replaceStrings(entry, pairs, path, changed);
			path.pop();
			if (next !== entry) (out ??= {...value})[key] = next;
		}
		return out ?? value;
	}
	return value;
}

function reversed(pairs: Overlay['replace']): {from: string; to: string}[] {
	return [...pairs].reverse().map(({from, to}) => ({from: to, to: from}));
}

function remake(item: Item, body: JsonObject): Item {
	const made = makeItem(item.kind, body, item.file);
	return item.shape ? {...made, shape: item.shape} : made;
}

/** Whether an overlay gives anything at all to an item. */
export function overlayTouches(overlay: Overlay, key: string): boolean {
	return overlay.replace.length > 0 || overlay.set.has(key) || overlay.secrets.has(key);
}

/**
 * The item as environment `overlay.environment` should hold it: `replace` on every string (in order), then `set`.
 * Secret fields are listed but keep the base value: their real value is only obtained when writing.
 */
export function renderItem(item: Item, overlay: Overlay): Rendered {
	const key = itemKey(item);
	if (!overlayTouches(overlay, key)) return {item, fields: []};
	const replacedPaths: string[] = [];
	const replaced = replaceStrings(item.body, overlay.replace, [], replacedPaths) as JsonObject;
	const sets = overlay.set.get(key) ?? [];
	// `set` writes in place: into a copy (the replaced body shares untouched parts with the base item).
	const body = sets.length > 0 ? cloneJson(replaced) : replaced;
	const fields = new Set<string>();
	for (const field of sets) {
		if (putAt(body, field.path, cloneJson(field.value))) fields.add(field.text);
	}
	for (const field of overlay.secrets.get(key) ?? []) fields.add(field.text);
	for (const path of replacedPaths) fields.add(path);
	return {item: fields.size === 0 ? item : remake(item, body), fields: [...fields]};
}

/** A whole Git set rendered for one environment, with the overlay's fields per item key (only items it touched). */
export function renderSet(set: ItemSet, overlay: Overlay): {set: ItemSet; fields: Map<string, readonly string[]>} {
	const fields = new Map<string, readonly string[]>();
	const items = set.items.map((item) => {
		const rendered = renderItem(item, overlay);
		if (rendered.fields.length > 0) fields.set(itemKey(item), rendered.fields);
		return rendered.item;
	});
	return {set: {...set, items}, fields};
}

/** A field the overlay governs put back to the base value (removed when the base has none). */
function toBase(body: JsonObject, base: Item | undefined, path: readonly Segment[]): void {
	const value = base ? valueAt(base.body, path) : undefined;
	putAt(body, path, value === undefined ? undefined : cloneJson(value));
}

/**
 * A live item with an environment's overlay taken off: `replace` reversed on every string, and every field the
 * overlay sets or fills from a secret back to its value in `base` (the Git item), or left out when Git has none.
 */
export function stripOverlay(live: Item, base: Item | undefined, overlay: Overlay): Item {
	const key = itemKey(live);
	if (!overlayTouches(overlay, key)) return live;
	const governed = [...overlay.set.get(key) ?? [], ...overlay.secrets.get(key) ?? []];
	const replaced = replaceStrings(live.body, reversed(overlay.replace), [], []) as JsonObject;
	const body = governed.length > 0 ? cloneJson(replaced) : replaced;
	for (const field of governed) toBase(body, base, field.path);
	return remake(live, body);
}

/** What a dump of one item writes: the base item for Git, and the hotfixes that go into the environment's overlay. */
export interface DumpReversal {
	readonly item: Item;
	/** Fields the overlay sets whose live value differs from it: the new overlay values. */
	readonly hotfixes: readonly OverlaySet[];
	/** Fields filled from a secret: never written to Git (Git keeps its value, or the field is left out). */
	readonly secrets: readonly string[];
}

/**
 * The reverse of `renderItem` for a dump: what Git must hold so that rendering it gives the live item again. A field
 * the overlay sets keeps its Git value; when live differs from the overlay (a hotfix) the new value goes into the
 * overlay, never into the base, so other environments are unaffected.
 */
export function reverseForDump(live: Item, base: Item | undefined, overlay: Overlay): DumpReversal {
	const key = itemKey(live);
	const hotfixes: OverlaySet[] = [];
	for (const field of overlay.set.get(key) ?? []) {
		const value = valueAt(live.body, field.path);
		if (value !== undefined && JSON.stringify(value) !== JSON.stringify(field.value)) hotfixes.push({...field, value: cloneJson(value)});
	}
	const secrets = (overlay.secrets.get(key) ?? []).map((field) => field.text);
	return {item: stripOverlay(live, base, overlay), hotfixes, secrets};
}

/** An overlay with new values for some of its `set` fields (a dump's hotfixes), for rendering what the dump wrote. */
export function withHotfixes(overlay: Overlay, hotfixes: ReadonlyMap<string, readonly OverlaySet[]>): Overlay {
	if (hotfixes.size === 0) return overlay;
	const set = new Map(overlay.set);
	for (const [key, fields] of hotfixes) {
		const byText = new Map(fields.map((field) => [field.text, field]));
		set.set(key, (set.get(key) ?? []).map((field) => byText.get(field.text) ?? field));
	}
	return {...overlay, set};
}

/** The item with live's value at each secret path (the value is only known where it is written, so it is not compared). */
export function adoptSecrets(item: Item, live: Item | undefined, overlay: Overlay): Item {
	const fields = overlay.secrets.get(itemKey(item));
	if (!fields || !live) return item;
	const body = cloneJson(item.body);
	let changed = false;
	for (const field of fields) {
		const value = valueAt(live.body, field.path);
		if (value !== undefined && putAt(body, field.path, cloneJson(value))) changed = true;
	}
	return changed ? remake(item, body) : item;
}

/** The body with resolved secret values put in (for the write only; never stored, logged or shown). */
export function fillSecrets(body: JsonObject, values: readonly {readonly path: readonly Segment[]; readonly value: string}[]): JsonObject {
	if (values.length === 0) return body;
	const out = cloneJson(body);
	for (const {path, value} of values) putAt(out, path, value);
	return out;
}
