import {isJsonObject, type JsonObject} from '../../source/core/json.js';
import {makeItem, type Item, type ItemSet} from '../../source/core/item.js';
import {editedCopy, editLeaves, largeOasBody} from '../compare/fixtures.js';
import {seededItems} from '../shared/layout-repo.js';

/**
 * The console scenario's data: what an emulator seeded with 2,000 APIs (half OAS) and 1,000 policies serves, as live,
 * and the same items as Git with every tenth one edited by hand, so the Items screen has real drift to show.
 */
export interface ConsoleFixtures {
	readonly live: readonly Item[];
	readonly git: readonly Item[];
}

/** Seed counts shared by the in-process fixtures and the emulator process the compiled CLI reads. */
export const seed = {apis: 2000, policies: 1000, templates: 0} as const;

/** Live items from a seeded emulator and their Git twins (10% edited). */
export async function consoleFixtures(): Promise<ConsoleFixtures> {
	const live = await seededItems(seed);
	const git = live.map((item, index) => (index % 10 === 0 ? editedCopy(item, 2) : item));
	return {live, git};
}

/** Lines of the pretty-printed body, the size a diff shows. */
function lineCount(item: Item): number {
	return JSON.stringify(item.body, null, 2).split('\n').length;
}

/**
 * One OAS API of about `lines` lines in Git, and its live twin with `edits` string fields changed further down: the
 * "20,000-line diff" the Diff screen has to page through. Built from a seeded OAS API so its shape is realistic.
 */
export function hugePair(items: readonly Item[], lines: number, edits: number): {git: Item; live: Item; lines: number} {
	const oas = items.find((item) => item.kind === 'api' && isJsonObject(item.body['oas']));
	if (!oas) throw new Error('bench: the seed has no OAS API to grow');
	// Each added operation prints as about 25 lines; grow, then measure, so the figure printed is the real size.
	let operations = Math.ceil(lines / 25);
	let body = largeOasBody(oas.body, operations);
	while (JSON.stringify(body, null, 2).split('\n').length < lines) body = largeOasBody(oas.body, (operations += 50));
	const rename = (source: JsonObject, id: string): JsonObject => {
		const copy = structuredClone(source);
		const info = ((copy['oas'] as JsonObject)['x-tyk-api-gateway'] as JsonObject)['info'] as JsonObject;
		info['id'] = id;
		info['name'] = 'Huge OAS API';
		return copy;
	};
	const git = makeItem('api', rename(body, 'bench-huge-oas'));
	const liveBody = rename(body, 'bench-huge-oas');
	editLeaves(liveBody, edits, '-live');
	return {git, live: makeItem('api', liveBody), lines: lineCount(git)};
}

/** Items as an ItemSet with nothing invalid, what a clean source reads as. */
export function asSet(items: readonly Item[]): ItemSet {
	return {items, invalid: [], conflicts: []};
}
