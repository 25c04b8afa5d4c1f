import {boundText} from '../../core/safe-text.js';

/** Every way a Dashboard call can fail; callers branch on this, never on message text. */
export type DashboardErrorKind =
	| 'authentication'
	| 'permission'
	| 'not-found'
	| 'conflict'
	| 'validation'
	| 'server'
	| 'network'
	| 'timeout'
	| 'tls'
	| 'redirect'
	| 'bad-response';

/** What the error is about, so the message can name the environment, the request and the answer. */
export interface DashboardErrorDetails {
	readonly kind: DashboardErrorKind;
	readonly environment: string;
	readonly method: string;
	readonly path: string;
	readonly status?: number;
	/** The Dashboard's own `Message`, or a short description of the transport failure; cut to 300 characters. */
	readonly reason: string;
	/** What the user can do about it, when there is a common answer. */
	readonly hint?: string;
	/** Where a redirect pointed, for `redirect` errors. */
	readonly location?: string;
	/** The Node error code of a transport failure (ECONNRESET, ENOTFOUND, ...), for retry decisions and logs. */
	readonly code?: string;
}

/**
 * One error class for the whole client, with a `kind` field, so the engine and the console can tell "wrong key"
 * from "unreachable" from "item gone" without parsing text. The message is one sentence naming the environment,
 * the request and the Dashboard's answer; it never contains the key (see `redactSecret`). Its fields are exactly the
 * details (interface and class merge), so they are declared once, in DashboardErrorDetails.
 */
export interface DashboardError extends Readonly<DashboardErrorDetails> {}
export class DashboardError extends Error {
	constructor(details: DashboardErrorDetails) {
		// The reason may quote the server (its Message, a Status): bounded here, once, for every error of the client.
		const bounded = {...details, reason: boundText(details.reason)};
		super(formatMessage(bounded));
		this.name = 'DashboardError';
		Object.assign(this, bounded);
	}
}

function formatMessage(details: DashboardErrorDetails): string {
	const where = `${details.environment}: ${details.method} ${details.path} failed`;
	const reason = details.reason.replace(/[.\s]+$/, '');
	const head = details.status === undefined
		? `${where}: ${reason}.`
		: `${where} with ${details.status}${reason ? `: ${reason}` : ''}.`;
	return details.hint ? `${head} ${details.hint}` : head;
}

/** Whether a value is a DashboardError, optionally of one kind; saves callers an import of the class. */
export function isDashboardError(error: unknown, kind?: DashboardErrorKind): error is DashboardError {
	return error instanceof DashboardError && (kind === undefined || error.kind === kind);
}

/**
 * Removes the key from any text that may reach the user. A misbehaving server or proxy can echo request headers
 * in its error body; the key must still never show up in output.
 */
export function redactSecret(text: string, secret: string): string {
	if (!secret) return text;
	return text.split(secret).join('***');
}

/** Default hints for the failures users hit most, so every caller gets the same advice. */
export const hints: Readonly<Partial<Record<DashboardErrorKind, string>>> = {
	authentication: 'Check the Dashboard API key configured for this environment.',
	permission: 'The key is valid but its user lacks the permission for this operation.',
	network: 'Check that the Dashboard URL is right and the Dashboard is running and reachable.',
	tls: 'Set tls.ca to the CA certificate (PEM) that signed the Dashboard certificate, or tls.insecure: true for a test setup.',
};

/** Maps an HTTP error status to an error kind (contract §9); `not-found` also covers the 400 "Could not retrieve" reads. */
export function kindForStatus(status: number, method: string, message: string): DashboardErrorKind {
	if (status === 401) return 'authentication';
	if (status === 403) return 'permission';
	if (status === 404) return 'not-found';
	if (status === 409) return 'conflict';
	if (status >= 300 && status < 400) return 'redirect';
	if (status >= 500 || status === 429) return 'server';
	if (status === 400 && method === 'GET' && /^could not retrieve/i.test(message.trim())) return 'not-found';
	return 'validation';
}
