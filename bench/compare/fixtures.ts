import {cloneJson, isJsonObject, type JsonObject, type JsonValue} from '../../source/core/json.js';
import {makeItem, type Item} from '../../source/core/item.js';

/**
 * Deterministic fixtures for the `compare` scenario: edited copies of seeded items, a very large OAS document with
 * scattered edits, and two documents with nothing in common. No randomness, so every run compares the same work.
 */

/** Keys whose values are server-managed or identities: editing them would not be a "change" a user makes. */
const untouchable = new Set(['id', '_id', 'api_id', 'dbId', 'org_id', 'created_at', 'updated_at', 'date_created', 'last_updated']);

/** Every editable string leaf of a body, as parent object + key, in document order. */
function stringLeaves(value: JsonValue, out: Array<{parent: JsonObject; key: string}> = []): Array<{parent: JsonObject; key: string}> {
	if (Array.isArray(value)) {
		for (const entry of value) stringLeaves(entry, out);
	} else if (isJsonObject(value)) {
		for (const [key, entry] of Object.entries(value)) {
			if (untouchable.has(key)) continue;
			if (typeof entry === 'string') out.push({parent: value, key});
			else stringLeaves(entry, out);
		}
	}
	return out;
}

/** Appends a marker to `count` string leaves spread evenly through the document; returns how many were edited. */
export function editLeaves(body: JsonObject, count: number, marker: string): number {
	const leaves = stringLeaves(body);
	const edits = Math.min(count, leaves.length);
	for (let index = 0; index < edits; index++) {
		const {parent, key} = leaves[Math.floor(((index + 0.5) * leaves.length) / edits)]!;
		parent[key] = `${String(parent[key])}${marker}`;
	}
	return edits;
}

/** The same item with a few string fields edited, as Git would hold it after a hand edit. */
export function editedCopy(item: Item, edits: number): Item {
	const body = cloneJson(item.body);
	editLeaves(body, edits, '-edited');
	return makeItem(item.kind, body, item.file);
}

/** An OAS API body with `operations` extra operations under distinct paths: a large, realistic document. */
export function largeOasBody(seed: JsonObject, operations: number): JsonObject {
	const body = cloneJson(seed);
	const doc = body['oas'] as JsonObject;
	const paths: JsonObject = {};
	for (let index = 0; index < operations; index++) {
		const name = `resource${String(index).padStart(5, '0')}`;
		paths[`/${name}/{id}`] = {
			get: {
				operationId: `${name}get`,
				summary: `Fetch one ${name}`,
				parameters: [{name: 'id', in: 'path', required: true, schema: {type: 'string'}}],
				responses: {'200': {description: `The ${name}`}, '404': {description: 'Not found'}},
			},
		};
	}
	doc['paths'] = {...(doc['paths'] as JsonObject), ...paths};
	return body;
}

/** A JSON document of about `lines` lines whose keys and values all carry `side`, so two sides share no content lines. */
export function distinctDocument(side: string, lines: number): JsonObject {
	const doc: JsonObject = {};
	// Each entry prints as 7 lines: its key, two fields, a nested object of one field, and two closing braces.
	for (let index = 0; index < Math.ceil(lines / 7); index++) {
		doc[`${side}-entry-${index}`] = {[`${side}-name`]: `${side} value ${index}`, [`${side}-count`]: index, [`${side}-nested`]: {[`${side}-flag`]: index % 2 === 0}};
	}
	return doc;
}
