import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair} from 'yaml';
import {closestKey} from '../../config/suggest.js';
import {itemKey, kinds, type ItemSet, type Kind} from '../../core/item.js';
import {isJsonObject, type JsonValue} from '../../core/json.js';
import type {Overlay, OverlaySecret, OverlaySecretSource, OverlaySet} from '../../core/overlay.js';
import {valueAt} from '../../core/overlay.js';
import {parsePath, wildcard, type Segment} from '../../core/paths.js';
import type {FileStore} from '../layout/file-store.js';

/** Where an environment's overlay lives, beside the layout (tyk-sync ignores files `.tyk.json` does not list). */
export function overlayFile(dir: string, environment: string): string {
	const base = dir.replace(/\/+$/, '');
	return `${base === '' ? '' : `${base}/`}.tyk-console/overlays/${environment}.yaml`;
}

/** An overlay that cannot be used: every problem at once, each `file:line: key path: what is wrong`. */
export class OverlayError extends Error {
	constructor(readonly file: string, readonly problems: readonly string[]) {
		super(problems.length === 1 ? problems[0]! : `${problems.length} problems in the overlay ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
		this.name = 'OverlayError';
	}
}

const topKeys = ['replace', 'set', 'secrets'];

/** Collects problems with their line; the key path reads like the config's (`set[api/4f1c][rate]`). */
class Problems {
	private readonly entries: {line: number; text: string}[] = [];
	constructor(private readonly file: string, private readonly lines: LineCounter) {}

	/** In file order, whatever order the sections were checked in. */
	get list(): string[] {
		return [...this.entries].sort((a, b) => a.line - b.line).map((entry) => entry.text);
	}

	add(node: Node | Pair | null | undefined, keyPath: string, message: string): void {
		const offset = node && 'range' in node && node.range ? node.range[0] : (node && 'key' in node && isScalar(node.key) ? node.key.range?.[0] : undefined);
		const line = offset === undefined ? undefined : this.lines.linePos(offset).line;
		this.entries.push({line: line ?? 0, text: `${this.file}${line === undefined ? '' : `:${line}`}: ${keyPath ? `${keyPath}: ` : ''}${message}`});
	}
}

function keyText(pair: Pair): string | undefined {
	return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** Splits a command line into words (double or single quotes group), for running it without a shell. */
export function commandWords(text: string): string[] | undefined {
	const words: string[] = [];
	let word: string | undefined;
	let quote: string | undefined;
	for (const char of text) {
		if (quote !== undefined) {
			if (char === quote) quote = undefined;
			else word += char;
		} else if (char === '"' || char === "'") {
			quote = char;
			word ??= '';
		} else if (/\s/.test(char)) {
			if (word !== undefined) words.push(word);
			word = undefined;
		} else word = (word ?? '') + char;
	}
	if (quote !== undefined) return undefined;
	if (word !== undefined) words.push(word);
	return words.length > 0 ? words : undefined;
}

interface ItemEntry<T> {
	readonly key: string;
	readonly name: string;
	readonly node: Pair;
	readonly fields: (T & {readonly node: Pair})[];
}

/** A raw overlay: the shape checked, the items and paths not yet checked against a layout. */
interface Parsed {
	readonly lines: LineCounter;
	readonly replace: {from: string; to: string}[];
	readonly set: ItemEntry<OverlaySet>[];
	readonly secrets: ItemEntry<OverlaySecret>[];
}

function parseItemName(problems: Problems, pair: Pair, section: string): string | undefined {
	const name = keyText(pair);
	const match = name === undefined ? null : /^([a-z]+)\/(.+)$/.exec(name);
	if (!match || !(kinds as readonly string[]).includes(match[1]!)) {
		problems.add(pair, `${section}[${name ?? String(pair.key)}]`, `must name an item as kind/id (${kinds.join(', ')}), e.g. api/4f1c0a or policy/gold`);
		return undefined;
	}
	return itemKey({kind: match[1] as Kind, id: match[2]!});
}

function parseFieldPath(problems: Problems, pair: Pair, keyPath: string): Segment[] | undefined {
	const text = keyText(pair);
	if (text === undefined) {
		problems.add(pair, keyPath, 'a field path must be a string (as diff --json prints it)');
		return undefined;
	}
	try {
		const path = parsePath(text);
		if (path.includes(wildcard)) {
			problems.add(pair, keyPath, 'a field path names one field: no * wildcards');
			return undefined;
		}
		return path as Segment[];
	} catch (error) {
		problems.add(pair, keyPath, (error as Error).message);
		return undefined;
	}
}

function readSecretSource(problems: Problems, pair: Pair, keyPath: string): OverlaySecretSource | undefined {
	const value = pair.value;
	const bad = () => problems.add(pair, keyPath, 'must be {env: VARIABLE} or {command: "program args"}');
	if (!isMap(value) || value.items.length !== 1) return void bad();
	const entry = value.items[0]!;
	const name = keyText(entry);
	const text = isScalar(entry.value) && typeof entry.value.value === 'string' ? entry.value.value.trim() : '';
	if (name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) return {type: 'env', variable: text};
	if (name === 'command') {
		const argv = commandWords(text);
		if (argv) return {type: 'command', argv, text};
		problems.add(entry, `${keyPath}.command`, 'must be a program and its arguments (run without a shell), with quotes closed');
		return undefined;
	}
	if (name === 'env') problems.add(entry, `${keyPath}.env`, 'must be an environment variable name');
	else bad();
	return undefined;
}

function readItems<T>(problems: Problems, section: string, node: unknown, readField: (pair: Pair, keyPath: string, path: Segment[], text: string) => T | undefined): ItemEntry<T>[] {
	if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
	if (!isMap(node)) {
		problems.add(node as Node, section, 'must be a mapping of items (kind/id) to field paths');
		return [];
	}
	const out: ItemEntry<T>[] = [];
	for (const pair of node.items as Pair[]) {
		const key = parseItemName(problems, pair, section);
		if (key === undefined) continue;
		const name = keyText(pair)!;
		const entry: ItemEntry<T> = {key, name, node: pair, fields: []};
		if (!isMap(pair.value)) {
			problems.add(pair, `${section}[${name}]`, 'must be a mapping of field paths');
			continue;
		}
		for (const field of pair.value.items as Pair[]) {
			const text = keyText(field) ?? String(field.key);
			const keyPath = `${section}[${name}][${text}]`;
			const path = parseFieldPath(problems, field, keyPath);
			if (!path) continue;
			const read = readField(field, keyPath, path, text);
			if (read !== undefined) entry.fields.push({...read, node: field});
		}
		out.push(entry);
	}
	return out;
}

function readReplace(problems: Problems, node: unknown): {from: string; to: string}[] {
	if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
	if (!isSeq(node)) {
		problems.add(node as Node, 'replace', 'must be a list of {from, to}');
		return [];
	}
	const out: {from: string; to: string}[] = [];
	node.items.forEach((entry, index) => {
		const keyPath = `replace[${index}]`;
		const value = isMap(entry) ? (entry.toJSON() as Record<string, unknown>) : undefined;
		if (!value || typeof value['from'] !== 'string' || value['from'] === '' || typeof value['to'] !== 'string' || Object.keys(value).some((key) => key !== 'from' && key !== 'to')) {
			problems.add(entry as Node, keyPath, 'must be {from: TEXT, to: TEXT} with a non-empty from');
			return;
		}
		out.push({from: value['from'], to: value['to']});
	});
	return out;
}

/** Parses and checks the shape of an overlay file; items and paths are checked against a layout by `checkOverlay`. */
function parseOverlay(text: string, file: string): Parsed {
	const lines = new LineCounter();
	const document = parseDocument(text, {lineCounter: lines, uniqueKeys: true, prettyErrors: true});
	if (document.errors.length > 0) {
		throw new OverlayError(file, document.errors.map((error) => {
			const position = error.linePos?.[0];
			return `${file}${position ? `:${position.line}:${position.col}` : ''}: invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
		}));
	}
	const problems = new Problems(file, lines);
	const root = document.contents;
	if (root === null || (isScalar(root) && root.value === null)) return {lines, replace: [], set: [], secrets: []};
	if (!isMap(root)) throw new OverlayError(file, [`${file}: the top level must be a mapping with ${topKeys.join(', ')}`]);
	const sections = new Map<string, unknown>();
	for (const pair of root.items as Pair[]) {
		const key = keyText(pair) ?? String(pair.key);
		if (topKeys.includes(key)) sections.set(key, pair.value);
		else {
			const guess = closestKey(key, topKeys);
			problems.add(pair, key, `unknown key (${guess ? `did you mean "${guess}"?` : `known keys: ${topKeys.join(', ')}`})`);
		}
	}
	const replace = readReplace(problems, sections.get('replace'));
	const set = readItems<OverlaySet>(problems, 'set', sections.get('set'), (pair, _keyPath, path, text) => {
		const value = (isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value.toJSON() : null) as JsonValue;
		return {path, text, value};
	});
	const secrets = readItems<OverlaySecret>(problems, 'secrets', sections.get('secrets'), (pair, keyPath, path, text) => {
		const source = readSecretSource(problems, pair, keyPath);
		return source ? {path, text, source} : undefined;
	});
	if (problems.list.length > 0) throw new OverlayError(file, problems.list);
	return {lines, replace, set, secrets};
}

/** Whether `path` can hold a value in `body`: its parent is an object (or an array the index is inside). */
function parentExists(body: JsonValue, path: readonly Segment[]): boolean {
	const parent = valueAt(body, path.slice(0, -1));
	const last = path[path.length - 1];
	return typeof last === 'number' ? Array.isArray(parent) && last < parent.length : isJsonObject(parent);
}

/**
 * Reads environment `environment`'s overlay from the same store (Git ref) as the layout and checks it against the
 * layout's items: an unknown item, a `set` path the item does not have, a secret path with no parent, a field both
 * set and secret. Undefined when there is no overlay file; an OverlayError with every problem at once otherwise.
 */
export async function readOverlay(store: FileStore, dir: string, environment: string, set: ItemSet): Promise<Overlay | undefined> {
	const file = overlayFile(dir, environment);
	const raw = await store.read(file);
	if (raw === undefined) return undefined;
	const text = raw.toString('utf8');
	const parsed = parseOverlay(text, file);
	const problems = new Problems(file, parsed.lines);
	const items = new Map(set.items.map((item) => [itemKey(item), item]));
	const checked = <T extends {path: readonly Segment[]; text: string}>(section: string, entries: ItemEntry<T>[], fits: (body: JsonValue, path: readonly Segment[]) => boolean, what: string) => {
		const out = new Map<string, T[]>();
		for (const entry of entries) {
			const item = items.get(entry.key);
			if (!item) {
				problems.add(entry.node, `${section}[${entry.name}]`, `unknown item: the layout has no ${entry.name.replace('/', ' ')}`);
				continue;
			}
			const fields: T[] = [];
			for (const {node, ...field} of entry.fields) {
				if (fits(item.body, field.path)) fields.push(field as unknown as T);
				else problems.add(node, `${section}[${entry.name}][${field.text}]`, what);
			}
			if (fields.length > 0) out.set(entry.key, [...out.get(entry.key) ?? [], ...fields]);
		}
		return out;
	};
	const setFields = checked('set', parsed.set, (body, path) => valueAt(body, path) !== undefined, 'the item has no such field (a path as diff --json prints it)');
	const secretFields = checked('secrets', parsed.secrets, parentExists, 'the item has no place for such a field (its parent is missing)');
	for (const entry of parsed.secrets) {
		for (const field of entry.fields) {
			if (setFields.get(entry.key)?.some((other) => other.text === field.text)) {
				problems.add(field.node, `secrets[${entry.name}][${field.text}]`, 'is also under set: a field is either set or a secret');
			}
		}
	}
	if (problems.list.length > 0) throw new OverlayError(file, problems.list);
	return {environment, file, text, replace: parsed.replace, set: setFields, secrets: secretFields};
}
