import type {JsonValue} from './json.js';
import type {Segment} from './paths.js';

/**
 * Which fields of an item body hold secrets (product.md §6), decided by JSON path and key name only.
 * Matching whole key names (never substrings) keeps `token_url`, `body_password_regexp` or `monkey` visible
 * while `password`, `client_secret` or `api_key` are hidden.
 */

/** Key names that hold a secret wherever they appear (Classic and OAS). */
const secretKeys = new Set([
	'password', 'secret', 'shared_secret', 'sharedSecret', 'client_secret', 'clientSecret', 'private_key', 'privateKey',
]);

/** Words that make a user-chosen key (config data, secret-ish map keys) a secret when they appear as a whole word. */
const secretWords = new Set(['secret', 'secrets', 'password', 'passwords', 'passwd', 'token', 'tokens', 'key', 'keys', 'apikey']);

/** Splits `clientSecret`, `api_key`, `X-Api-Token`, `APIKey` into lower-case words. */
export function keyWords(key: string): string[] {
	return key
		.replace(/([a-z\d])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.split(/[^A-Za-z\d]+/)
		.filter(word => word !== '')
		.map(word => word.toLowerCase());
}

/** Whether a user-chosen key name reads as a secret (`api_key`, `clientSecret`; not `monkey`, `keyboard`). */
export function isSecretKeyName(key: string): boolean {
	return keyWords(key).some(word => secretWords.has(word));
}

function looksLikeUrl(value: JsonValue): boolean {
	return typeof value === 'string' && /^https?:\/\//i.test(value.trim());
}

/** Index of the first occurrence of `key` in the path, or -1. */
function indexOfKey(path: readonly Segment[], key: string): number {
	for (let i = 0; i < path.length; i++) if (path[i] === key) return i;
	return -1;
}

function hasUserKeySecretBelow(path: readonly Segment[], from: number): boolean {
	for (let i = from; i < path.length; i++) {
		const segment = path[i];
		if (typeof segment === 'string' && isSecretKeyName(segment)) return true;
	}
	return false;
}

/**
 * Whether the primitive `value` at `path` (from the item body root, tyk-sync file shape) is a secret.
 * `value` matters for JWT sources only: a JWKS URL is configuration, an inline key or shared secret is not.
 */
export function isSecretField(path: readonly Segment[], value: JsonValue): boolean {
	if (value === null || typeof value === 'boolean' || typeof value === 'object') return false;
	const last = path[path.length - 1];
	const parent = path[path.length - 2];
	if (typeof last === 'string') {
		if (secretKeys.has(last)) return true;
		if (last === 'jwt_source') return !looksLikeUrl(value);
	}
	// Webhook header values: Classic hook_references[].hook.header_map.* and event_handlers...handler_meta.header_map.*
	if (parent === 'header_map') return true;
	const tyk = indexOfKey(path, 'x-tyk-api-gateway');
	if (tyk >= 0 && typeof last === 'string') {
		if (/(?:secret|password)$/i.test(last) && !/^(?:is|use|enable)/i.test(last)) return true;
		// JWT `source` inside an OAS security scheme: inline secrets are masked, JWKS URLs are not.
		if (last === 'source' && indexOfKey(path, 'securitySchemes') > tyk) return !looksLikeUrl(value);
		// OAS webhook headers: eventHandlers[n].headers[m].value
		if (last === 'value' && path[path.length - 3] === 'headers' && indexOfKey(path, 'eventHandlers') > tyk) return true;
		// OAS plugin config data, the twin of Classic config_data.
		const pluginData = indexOfKey(path, 'pluginConfig');
		if (pluginData > tyk && path[pluginData + 1] === 'data' && path[pluginData + 2] === 'value') {
			return hasUserKeySecretBelow(path, pluginData + 3);
		}
	}
	const configData = indexOfKey(path, 'config_data');
	if (configData >= 0) return hasUserKeySecretBelow(path, configData + 1);
	return false;
}

/** Path-only variant for change lists and other places without a value: assumes the value is an inline secret. */
export function isSecretPath(path: readonly Segment[]): boolean {
	return isSecretField(path, 'x');
}
