import {cloneJson, isJsonObject, type JsonObject} from '../core/json.js';

/** Deep merge of JSON objects: objects recurse, anything else from `over` wins. */
export function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
	const out = cloneJson(base);
	for (const [key, value] of Object.entries(over)) {
		const current = out[key];
		out[key] = isJsonObject(current) && isJsonObject(value) ? deepMerge(current, value) : cloneJson(value);
	}
	return out;
}

function unionMaps(base: JsonObject, over: JsonObject): JsonObject {
	return {...cloneJson(base), ...cloneJson(over)};
}

/**
 * Applies an API template (asset `data`) to a request document, as the Dashboard does on create (contract §6, item 48):
 * `paths` and each `components` section are unioned with the request winning on clashes, `servers` and `tags` come
 * only from the request, the template's `x-tyk-api-gateway` is deep-merged underneath the request's, and any other
 * member is taken from the request when present, else from the template.
 */
export function applyTemplate(template: JsonObject, request: JsonObject): JsonObject {
	const out: JsonObject = {};
	for (const [key, value] of Object.entries(template)) {
		if (key !== 'servers' && key !== 'tags') out[key] = cloneJson(value);
	}
	for (const [key, value] of Object.entries(request)) {
		const fromTemplate = template[key];
		if (key === 'paths' && isJsonObject(value) && isJsonObject(fromTemplate)) {
			out[key] = unionMaps(fromTemplate, value);
		} else if (key === 'components' && isJsonObject(value) && isJsonObject(fromTemplate)) {
			const merged: JsonObject = cloneJson(fromTemplate);
			for (const [section, entries] of Object.entries(value)) {
				const base = merged[section];
				merged[section] = isJsonObject(base) && isJsonObject(entries) ? unionMaps(base, entries) : cloneJson(entries);
			}
			out[key] = merged;
		} else if (key === 'x-tyk-api-gateway' && isJsonObject(value) && isJsonObject(fromTemplate)) {
			out[key] = deepMerge(fromTemplate, value);
		} else {
			out[key] = cloneJson(value);
		}
	}
	return out;
}
