import got, {type Method} from 'got';
import http from 'node:http';
import https from 'node:https';
import {performance} from 'node:perf_hooks';
import pLimit from 'p-limit';
import {maxJsonDepth, nestedDeeperThan, type JsonValue} from '../../core/json.js';
import {DashboardError} from './errors.js';
import {exchange, ResponseTooLarge, type ListReading, type ResponseLimits} from './exchange.js';
import {isRetryableStatus, parseRetryAfter, retryDelay, sleep as defaultSleep} from './retry.js';
import {badResponse, notJsonReason, statusError, transportError, type RequestContext} from './transport-errors.js';

/** One request as seen by `--verbose`: enough to debug, never the key. */
export interface RequestEvent {
	readonly method: string;
	/** Path and query, relative to the environment URL. */
	readonly path: string;
	readonly status?: number;
	readonly ms: number;
	/** Error kind and message when the request got no usable answer. */
	readonly error?: string;
}

/** How to reach one Dashboard; mirrors an environment entry of the config file. */
export interface DashboardClientOptions {
	/** Environment name, used in every error message so the user knows which Dashboard failed. */
	readonly name: string;
	readonly url: string;
	readonly key: string;
	/** Per-request timeout (default 15000). */
	readonly timeoutMs?: number;
	/** Parallel requests to this Dashboard (default 8). */
	readonly concurrency?: number;
	/** Extra attempts for idempotent reads (default 2); writes are never retried. */
	readonly retries?: number;
	/** First back-off delay, doubled per attempt (default 250); tests set it small. */
	readonly retryDelayMs?: number;
	/** Upper bound for any single wait, including a server's `Retry-After` (default 30000). */
	readonly maxRetryDelayMs?: number;
	readonly tls?: {readonly insecure?: boolean; readonly ca?: string};
	/**
	 * Bound on a list answer, in MiB (default 256); a single-item answer and one element of a list are bounded by a
	 * quarter of it, at most 64. An answer past its bound fails at once (never retried) instead of filling memory.
	 */
	readonly maxResponseMB?: number;
	/** Organisation stamped on created/updated objects; without it the server decides. */
	readonly orgId?: string;
	readonly onRequest?: (event: RequestEvent) => void;
	/** Injectable wait, so tests can check back-off and `Retry-After` without real delays. */
	readonly sleep?: (ms: number) => Promise<void>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A parsed JSON answer with a 2xx status. */
export interface DashboardResponse {
	readonly status: number;
	readonly body: JsonValue;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Per-request options: a JSON body, query parameters, and how to read a large list answer. */
export interface RequestOptions {
	readonly body?: JsonValue;
	readonly query?: Readonly<Record<string, string | number>>;
	/**
	 * Read a large list answer element by element: `map` sees each entry of `member` as soon as it is parsed, so what
	 * it drops never piles up. Applies to 2xx answers of that shape; anything else is parsed whole.
	 */
	readonly list?: ListReading;
	/** The answer is a list, bounded like one (`maxResponseMB`) even when not read with `list`; set by `listAll`. */
	readonly listAnswer?: boolean;
	/** Gives up: a queued request is never sent, one in flight is cut, and no retry follows (rejects with the reason). */
	readonly signal?: AbortSignal;
}

/** Low-level access to one Dashboard; the resource modules build every operation on `request`. */
export interface DashboardClient {
	readonly name: string;
	readonly url: string;
	readonly orgId?: string;
	/**
	 * Sends one request and resolves with the parsed JSON of a 2xx answer; rejects with a DashboardError otherwise.
	 * `path` must start with `/`; `query` values are encoded here.
	 */
	request(method: HttpMethod, path: string, options?: RequestOptions): Promise<DashboardResponse>;
	/** Frees the keep-alive sockets; call when done so the process can exit promptly. */
	close(): void;
}

/** Default bound on a list answer, in MiB. */
export const defaultMaxResponseMB = 256;
/** Largest bound on a single-item answer and on one list element, in MiB (a 50 MB definition must still load). */
export const maxItemMB = 64;

const mebibyte = 1024 * 1024;

/** The bounds for list answers and for everything else, from the environment's `maxResponseMB`. */
export function responseLimits(maxResponseMB = defaultMaxResponseMB): {list: ResponseLimits; item: ResponseLimits} {
	const item = Math.min(maxResponseMB / 4, maxItemMB) * mebibyte;
	return {list: {maxBytes: maxResponseMB * mebibyte, maxElementBytes: item}, item: {maxBytes: item, maxElementBytes: item}};
}

function megabytes(bytes: number): string {
	return `${Math.round((bytes / mebibyte) * 10) / 10} MB`;
}

/** The failure for an answer past its bound: names the request and the limit, and is never retried. */
function tooLargeError(error: ResponseTooLarge, context: RequestContext, listed: boolean): DashboardError {
	const what = error.part === 'element'
		? `one entry of the list is larger than ${megabytes(error.limit)}, the limit for one item`
		: `the answer is larger than ${megabytes(error.limit)}, the limit for ${listed ? 'a list' : 'one item'}`;
	return new DashboardError({
		kind: 'bad-response', environment: context.environment, method: context.method, path: context.path,
		reason: `${what}; the rest was not read`,
		hint: 'If the Dashboard really holds that much, raise maxResponseMB for this environment in the config.',
	});
}

function validatedBase(name: string, url: string): URL {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error(`${name}: the Dashboard URL "${url}" is not a valid URL (expected e.g. https://dashboard.example.com:3000).`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new Error(`${name}: the Dashboard URL must start with http:// or https://, got "${parsed.protocol}".`);
	}
	if (parsed.username || parsed.password) {
		throw new Error(`${name}: the Dashboard URL must not contain credentials; put the API key in the key setting.`);
	}
	return parsed;
}

/**
 * Creates a client for one Dashboard: keep-alive sockets, a per-client concurrency limit, a per-request timeout,
 * back-off retries for GETs only (honouring 429 `Retry-After`), and no redirects ever, so the key is never sent
 * to a place the user did not configure and a write is never replayed elsewhere.
 */
export function createDashboardClient(options: DashboardClientOptions): DashboardClient {
	const base = validatedBase(options.name, options.url);
	if (!options.key) throw new Error(`${options.name}: no Dashboard API key is configured.`);
	const prefix = base.href.replace(/\/+$/, '');
	const timeoutMs = options.timeoutMs ?? 15_000;
	const concurrency = Math.max(1, options.concurrency ?? 8);
	const retries = Math.max(0, options.retries ?? 2);
	const retryDelayMs = options.retryDelayMs ?? 250;
	const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
	const wait = options.sleep ?? defaultSleep;
	const limits = responseLimits(options.maxResponseMB);
	const limit = pLimit(concurrency);
	/** Server-requested waits, kept beside the errors so they never leak into the public error shape. */
	const retryAfter = new WeakMap<DashboardError, number>();
	const agentOptions = {keepAlive: true, maxSockets: concurrency};
	const agent = {
		http: new http.Agent(agentOptions),
		https: new https.Agent({...agentOptions, rejectUnauthorized: !options.tls?.insecure, ca: options.tls?.ca}),
	};
	// One got instance per client: the fixed options are merged once instead of on every request.
	const send = got.extend({
		prefixUrl: prefix,
		headers: {authorization: options.key, accept: 'application/json', 'user-agent': 'tyk-console'},
		throwHttpErrors: false,
		followRedirect: false,
		retry: {limit: 0},
		timeout: {request: timeoutMs},
		agent,
		https: {rejectUnauthorized: !options.tls?.insecure, certificateAuthority: options.tls?.ca},
	});

	async function attempt(method: HttpMethod, path: string, payload: string | undefined, context: RequestContext, list: ListReading | undefined, listAnswer: boolean, signal?: AbortSignal): Promise<DashboardResponse> {
		signal?.throwIfAborted();
		const started = performance.now();
		const report = (status?: number, error?: DashboardError): void => {
			options.onRequest?.({method, path, status, ms: Math.round(performance.now() - started), error: error && `${error.kind}: ${error.message}`});
		};
		let response;
		try {
			response = await exchange(send, path.slice(1), {
				method: method as Method,
				headers: payload === undefined ? undefined : {'content-type': 'application/json'},
				body: payload,
				signal,
			}, list, listAnswer ? limits.list : limits.item);
		} catch (error) {
			signal?.throwIfAborted();
			const failure = error instanceof ResponseTooLarge ? tooLargeError(error, context, listAnswer) : transportError(error, context);
			report(undefined, failure);
			throw failure;
		}
		const status = response.statusCode;
		const contentType = response.headers['content-type'];
		let body: JsonValue | undefined;
		if (response.listed) {
			body = response.length === 0 ? undefined : response.listed.value;
		} else {
			try {
				body = response.length === 0 ? undefined : (JSON.parse(response.body.toString('utf8')) as JsonValue);
			} catch {
				body = undefined;
			}
		}
		if (status >= 200 && status < 300) {
			// A split list answer was depth-checked while it was scanned; anything else is walked once here.
			if (body === undefined || (response.listed?.tooDeep ?? nestedDeeperThan(body))) {
				const failure = badResponse(context, status, body !== undefined
					? `the response is nested deeper than ${maxJsonDepth} levels`
					: response.length === 0
						? 'the response body is empty'
						: /json/i.test(contentType ?? '')
							// JSON by its content type but unparsable: cut off by a proxy or a dropped connection, or malformed.
							? `the response is not valid JSON (${response.length} bytes, cut off or malformed)`
							: notJsonReason(contentType));
				report(status, failure);
				throw failure;
			}
			report(status);
			return {status, body, headers: response.headers};
		}
		const location = response.headers.location;
		const failure = statusError(status, body, contentType, location, context, payload);
		const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
		if (retryAfterMs !== undefined) retryAfter.set(failure, retryAfterMs);
		report(status, failure);
		throw failure;
	}

	function retryable(error: unknown): boolean {
		if (!(error instanceof DashboardError)) return false;
		if (error.status !== undefined) return isRetryableStatus(error.status);
		return error.kind === 'timeout' || error.code === 'ECONNRESET' || error.code === 'EPIPE';
	}

	return {
		name: options.name,
		url: prefix,
		orgId: options.orgId,
		async request(method, path, requestOptions = {}) {
			const query = requestOptions.query
				? '?' + new URLSearchParams(Object.entries(requestOptions.query).map(([k, v]): [string, string] => [k, String(v)])).toString()
				: '';
			const fullPath = path + query;
			const context: RequestContext = {
				environment: options.name, method, path: fullPath, origin: base.origin, key: options.key, timeoutMs,
			};
			const payload = requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body);
			const attempts = method === 'GET' ? retries + 1 : 1;
			const {signal} = requestOptions;
			for (let number = 1; ; number++) {
				signal?.throwIfAborted();
				try {
					return await limit(() => attempt(method, fullPath, payload, context, requestOptions.list, requestOptions.list !== undefined || requestOptions.listAnswer === true, signal));
				} catch (error) {
					if (number >= attempts || !retryable(error) || signal?.aborted) throw error;
					await wait(retryDelay(number, retryDelayMs, retryAfter.get(error as DashboardError), maxRetryDelayMs));
				}
			}
		},
		close() {
			agent.http.destroy();
			agent.https.destroy();
		},
	};
}

/**
 * The same client with every request bound to `signal`, so a whole load can be abandoned (the console leaves a screen,
 * a newer reload replaces an older one) without threading the signal through every resource function.
 */
export function withSignal(client: DashboardClient, signal: AbortSignal | undefined): DashboardClient {
	if (!signal) return client;
	return {...client, request: (method, path, options = {}) => client.request(method, path, {...options, signal: options.signal ?? signal})};
}
