/**
 * An independent re-statement of tyk-sync 1.5's loading rules (tyk-sync-format.md §1 and checklist 12–20), used to
 * check what the writer produces. Deliberately written from the spec, not from the writer's code.
 */
type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

const hex24 = /^[0-9a-fA-F]{24}$/;

function asObject(value: Json | undefined, what: string): {[key: string]: Json} {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not an object`);
	return value;
}

function objectId(value: Json | undefined, what: string): void {
	if (value === undefined || value === null || value === '') return;
	if (typeof value !== 'string' || !hex24.test(value)) throw new Error(`${what} is not a valid ObjectId`);
}

function goStyle(text: string, what: string): void {
	if (text.endsWith('\n')) throw new Error(`${what} ends with a newline`);
	if (/[<>&]/.test(text)) throw new Error(`${what} has unescaped HTML characters`);
	if (!/^\{\n {2}"/.test(text) && text !== '{}') throw new Error(`${what} is not indented with two spaces`);
	if (/"(sort_by|quota_max|quota_renewal_rate|key_expires_in|rate|per)": -?\d+\.\d/.test(text)) throw new Error(`${what} has a decimal in an int field`);
}

export interface Loaded {
	readonly apis: {readonly id: string; readonly oas: boolean}[];
	readonly policies: string[];
	readonly assets: string[];
}

/** Loads a layout (files relative to its directory) as tyk-sync 1.5 would, throwing where tyk-sync would fail. */
export function tykSyncLoad(files: ReadonlyMap<string, string>): Loaded {
	const indexText = files.get('.tyk.json');
	if (indexText === undefined) throw new Error('no .tyk.json');
	goStyle(indexText, '.tyk.json');
	const index = asObject(JSON.parse(indexText) as Json, '.tyk.json');
	if (index['type'] !== 'apidef') throw new Error("Type must be 'apidef or 'oas'");
	const read = (entry: Json): [string, {[key: string]: Json}] => {
		const file = asObject(entry, 'entry')['file'];
		if (typeof file !== 'string') throw new Error('entry without file');
		const text = files.get(file.replace(/^\.\//, ''));
		if (text === undefined) throw new Error(`${file} is listed but missing`);
		goStyle(text, file);
		return [file, asObject(JSON.parse(text) as Json, file)];
	};
	const loaded: Loaded = {apis: [], policies: [], assets: []};
	for (const entry of (index['files'] as Json[] | undefined) ?? []) {
		if (!('oas' in asObject(entry, 'entry'))) throw new Error('dump entries carry "oas": {}');
		const [file, body] = read(entry);
		objectId((body['user_owners'] as Json[] | undefined)?.find((id) => !hex24.test(String(id))) as Json, `${file} user_owners`);
		if (body['oas'] !== undefined && body['oas'] !== null) {
			if ('api_definition' in body) throw new Error(`${file}: OAS file with api_definition`);
			const info = asObject(asObject(asObject(body['oas'], 'oas')['x-tyk-api-gateway'], 'x-tyk-api-gateway')['info'], 'info');
			objectId(info['dbId'], `${file} dbId`);
			if (typeof info['id'] !== 'string' || info['id'] === '') throw new Error(`${file}: OAS without info.id`);
			loaded.apis.push({id: info['id'], oas: true});
		} else {
			const def = asObject(body['api_definition'], `${file} api_definition`);
			objectId(def['id'], `${file} api_definition.id`);
			if (typeof def['api_id'] !== 'string' || def['api_id'] === '') throw new Error(`${file}: no api_id`);
			loaded.apis.push({id: def['api_id'], oas: false});
		}
	}
	for (const [section, out] of [['policies', loaded.policies], ['assets', loaded.assets]] as const) {
		for (const entry of (index[section] as Json[] | undefined) ?? []) {
			const [file, body] = read(entry);
			if (typeof body['org_id'] !== 'string' || body['org_id'] === '') throw new Error(`${file}: must include an org ID`);
			if (typeof body['id'] !== 'string' || body['id'] === '') throw new Error(`${file}: empty id`);
			objectId(body['_id'], `${file} _id`);
			if (section === 'assets' && body['last_updated'] !== undefined && Number.isNaN(Date.parse(String(body['last_updated'])))) {
				throw new Error(`${file}: last_updated is not RFC 3339`);
			}
			out.push(body['id']);
		}
	}
	return loaded;
}
