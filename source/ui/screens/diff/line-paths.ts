import {formatPath, type Segment} from '../../../core/paths.js';

interface Container {
	readonly path: readonly Segment[];
	readonly array: boolean;
	next: number;
}

const keyed = /^"((?:[^"\\]|\\.)*)":\s?(.*)$/;

function parseKey(raw: string): string {
	try {
		return JSON.parse(`"${raw}"`) as string;
	} catch {
		return raw;
	}
}

/**
 * The field path (`api_definition.proxy.target_url`, `paths["/items"].get`) of each line of a 2-space indented JSON
 * text, as the Diff screen and the JSON view print it: what `Y` copies. Walks the lines once, keeping the open objects
 * and arrays; a closing bracket belongs to its container, and the outer braces have the empty path.
 */
export function linePaths(text: string): string[] {
	const stack: Container[] = [];
	const out: string[] = [];
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		const parent = stack.at(-1);
		if (trimmed.startsWith('}') || trimmed.startsWith(']')) {
			out.push(formatPath(parent?.path ?? []));
			stack.pop();
			continue;
		}
		const match = keyed.exec(trimmed);
		const rest = match ? match[2]! : trimmed;
		let path: readonly Segment[] = parent?.path ?? [];
		if (parent && match) path = [...parent.path, parseKey(match[1]!)];
		else if (parent?.array) path = [...parent.path, parent.next++];
		out.push(formatPath(path));
		if (rest.endsWith('{') || rest.endsWith('[')) stack.push({path, array: rest.endsWith('['), next: 0});
	}
	return out;
}
