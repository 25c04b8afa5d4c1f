import {DashboardError, hints, kindForStatus, redactSecret, type DashboardErrorKind} from './errors.js';
import type {JsonValue} from '../../core/json.js';
import {isJsonObject} from '../../core/json.js';
import {errorMessage} from '../../core/errors.js';
import {scrubEchoes} from '../../core/echo-scrub.js';

/** The request an error is about; the key is passed only so it can be scrubbed from anything the server says. */
export interface RequestContext {
	readonly environment: string;
	readonly method: string;
	readonly path: string;
	readonly origin: string;
	readonly key: string;
	readonly timeoutMs: number;
}

const tlsCodes = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID',
	'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'CERT_SIGNATURE_FAILURE', 'EPROTO',
	'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function errorCode(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const code = (error as {code?: unknown}).code;
	return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a transport failure (no HTTP answer at all) into a DashboardError. Node and got report these as error codes;
 * users need to know whether the host is down, the name is wrong, the certificate is untrusted or it was just slow.
 */
export function transportError(error: unknown, context: RequestContext): DashboardError {
	const code = errorCode(error) ?? '';
	const name = error instanceof Error ? error.name : '';
	const host = new URL(context.origin).hostname;
	let kind: DashboardErrorKind = 'network';
	let reason: string;
	let hint: string | undefined = hints.network;
	if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
		kind = 'timeout';
		reason = `no answer within ${context.timeoutMs} ms`;
		hint = 'The Dashboard may be overloaded or unreachable; raise timeoutMs for this environment if it is just slow.';
	} else if (tlsCodes.has(code) || /CERT|SSL|TLS/.test(code)) {
		kind = 'tls';
		reason = `TLS certificate check for ${host} failed (${code})`;
		hint = hints.tls;
	} else if (code === 'ECONNREFUSED') {
		reason = `connection refused by ${context.origin}`;
	} else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		reason = `host ${host} not found (DNS ${code})`;
	} else if (code === 'ECONNRESET' || code === 'EPIPE') {
		reason = `connection to ${context.origin} was reset (${code})`;
	} else {
		reason = `request to ${context.origin} failed (${code || errorMessage(error)})`;
	}
	return new DashboardError({
		kind, environment: context.environment, method: context.method, path: context.path,
		reason: redactSecret(reason, context.key), hint, code: code || undefined,
	});
}

function serverMessage(body: JsonValue | undefined): string | undefined {
	if (!isJsonObject(body)) return undefined;
	const message = body['Message'] ?? body['message'];
	return typeof message === 'string' && message.trim() ? message.trim() : undefined;
}

/** Short description of a body that is not JSON, by content type; the body itself may be a large HTML page. */
export function notJsonReason(contentType: string | undefined): string {
	return `the response is not JSON (${contentType?.split(';')[0] || 'no content type'})`;
}

/**
 * The payload of a write, for scrubbing an answer that echoes it: as sent and as the `oas` member of a tyk-sync
 * body (an OAS API is sent as the bare document, and the secret rules know its paths under `oas`).
 */
function sentBodies(sent: string | undefined): JsonValue[] {
	if (sent === undefined) return [];
	try {
		const body = JSON.parse(sent) as JsonValue;
		return [body, {oas: body}];
	} catch {
		return [];
	}
}

/**
 * Turns an HTTP error answer into a DashboardError. Branches on the status code (contract §9: messages differ in
 * case and trailing dots between endpoints), and carries the Dashboard's `Message` for the user to read: scrubbed
 * of the definition the request sent (`sent`; a validation error may echo it whole: secrets and every string value
 * go), and cut to 300 characters by DashboardError, before any log, output or audit line can see it.
 */
export function statusError(
	status: number,
	body: JsonValue | undefined,
	contentType: string | undefined,
	location: string | undefined,
	context: RequestContext,
	sent?: string,
): DashboardError {
	const echoed = serverMessage(body);
	const message = echoed === undefined || sent === undefined ? echoed : scrubEchoes(echoed, sentBodies(sent));
	const kind = kindForStatus(status, context.method, message ?? '');
	let reason = message ?? (body === undefined ? notJsonReason(contentType) : 'no message');
	let hint = hints[kind];
	if (kind === 'redirect') {
		reason = `redirect to ${location ?? 'an unknown location'} (redirects are not followed)`;
		hint = 'Set the environment URL to the address the Dashboard redirects to (for example https://).';
	} else if (kind === 'permission' && message !== undefined && !/^access denied/i.test(message)) {
		hint = undefined;
	} else if (status === 429) {
		hint = 'The Dashboard (or a proxy in front of it) is rate limiting; lower concurrency for this environment.';
	}
	return new DashboardError({
		kind, environment: context.environment, method: context.method, path: context.path, status,
		reason: redactSecret(reason, context.key), hint, location: location && redactSecret(location, context.key),
	});
}

/** A successful answer whose body is not what the endpoint promises (HTML from a proxy, wrong envelope, ...). */
export function badResponse(context: Pick<RequestContext, 'environment' | 'method' | 'path'>, status: number, reason: string): DashboardError {
	return new DashboardError({
		kind: 'bad-response', environment: context.environment, method: context.method, path: context.path, status,
		reason, hint: 'Check that the URL points at the Tyk Dashboard API and not at another service or a login page.',
	});
}
