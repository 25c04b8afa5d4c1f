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

/** Last words that make any key a credential (`hmac_secret`, `auth_token`, `refreshToken`), but not `token_url`. */
const credentialEnds = new Set(['secret', 'token', 'password', 'passwd', 'passphrase', 'apikey']);
/** Key names with "password" in them that configure how a password is found, not the password itself. */
const passwordSettings = new Set(['regexp', 'regex', 'pattern', 'field', 'name', 'header', 'param']);

/**
 * Whether a key, wherever it stands, names a credential by its words: it ends in secret, token, password or
 * passphrase, it is an API key (`api_key`, `apiKey`, `x-api-key`), or it mentions a password and is not a setting
 * about one (`body_password_regexp` stays visible).
 */
export function isCredentialKeyName(key: string): boolean {
	const words = keyWords(key);
	const last = words[words.length - 1];
	if (last === undefined) return false;
	if (credentialEnds.has(last)) return true;
	if (last === 'key' && words[words.length - 2] === 'api') return true;
	return words.some((word) => word === 'password' || word === 'passwd') && !passwordSettings.has(last);
}

/** HTTP header names whose values are credentials: authorisation, cookies, and any name that reads as a key or token. */
export function isCredentialHeader(name: string): boolean {
	const lower = name.toLowerCase();
	return ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'].includes(lower) || isSecretKeyName(name);
}

/** Keys whose members are HTTP header names mapped to values (Classic global and transform headers, GraphQL sources). */
const headerMaps = new Set(['global_headers', 'add_headers', 'headers', 'header_map']);

/** A URL whose user-info carries a password (`https://user:PASS@host/`): the password is a secret wherever it stands. */
export function urlPassword(value: JsonValue): {readonly start: number; readonly end: number} | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^([a-z][a-z\d+.-]*:\/\/[^/?#@\s:]*:)([^/?#@\s]+)@/i.exec(value.trim());
	if (!match) return undefined;
	const start = value.indexOf(match[0]) + match[1]!.length;
	return {start, end: start + match[2]!.length};
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
 * `value` matters for JWT sources (a JWKS URL is configuration, an inline key is not) and for URLs with a password
 * in them; `container` (the object holding the value) for OAS header entries (`{name: "Authorization", value}`).
 */
export function isSecretField(path: readonly Segment[], value: JsonValue, container?: JsonValue): boolean {
	if (value === null || typeof value === 'boolean' || typeof value === 'object') return false;
	const last = path[path.length - 1];
	const parent = path[path.length - 2];
	if (typeof last === 'string') {
		if (secretKeys.has(last)) return true;
		if (last === 'jwt_source') return !looksLikeUrl(value);
	}
	if (urlPassword(value)) return true;
	// Webhook header values: Classic hook_references[].hook.header_map.* and event_handlers...handler_meta.header_map.*
	if (parent === 'header_map') return true;
	// Header maps (global, transform and GraphQL data-source headers): credential headers only.
	if (typeof parent === 'string' && typeof last === 'string' && headerMaps.has(parent) && isCredentialHeader(last)) return true;
	// OAS header entries: {name, value} pairs (transformRequestHeaders.add[], and the like).
	if (last === 'value' && container !== null && typeof container === 'object' && !Array.isArray(container)) {
		const name = container['name'] ?? container['key'];
		if (typeof name === 'string' && isCredentialHeader(name)) return true;
	}
	// Policy metadata and any key whose name says credential (hmac_secret, auth_token, api_key).
	if (typeof last === 'string' && isCredentialKeyName(last)) return true;
	if (indexOfKey(path, 'meta_data') >= 0) return hasUserKeySecretBelow(path, indexOfKey(path, 'meta_data') + 1);
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
