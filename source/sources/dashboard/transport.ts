import http from 'node:http';
import https from 'node:https';

/** One raw HTTP answer: status, headers and the whole body, before any JSON handling. */
export interface RawResponse {
	readonly statusCode: number;
	readonly headers: http.IncomingHttpHeaders;
	readonly body: Buffer;
}

/** How one Dashboard is reached: keep-alive agents and the TLS settings every request repeats. */
export interface Transport {
	send(method: string, url: URL, payload: string | undefined, headers: Readonly<Record<string, string>>): Promise<RawResponse>;
	/** Frees the keep-alive sockets. */
	close(): void;
}

/** Options fixed for the life of one client. */
export interface TransportOptions {
	readonly timeoutMs: number;
	readonly maxSockets: number;
	readonly tls?: {readonly insecure?: boolean; readonly ca?: string};
}

/**
 * A transport failure shaped like the ones `transportError` reads (`name` TimeoutError, Node's error codes), so a
 * timeout reads the same however it happened.
 */
function timeoutError(ms: number): Error {
	const error = new Error(`no answer within ${ms} ms`) as Error & {code: string};
	error.name = 'TimeoutError';
	error.code = 'ETIMEDOUT';
	return error;
}

/** The error for a body that stopped before its end: a reset mid-body, retried like any other reset. */
function cutOffError(): Error {
	const error = new Error('the connection closed before the answer was complete') as Error & {code: string};
	error.code = 'ECONNRESET';
	return error;
}

/**
 * Plain node:http(s) with keep-alive and one deadline per request (connect to last body byte), never following a
 * redirect. It replaced got for the Dashboard client: got built ~20 KB of option, timer and hook objects per request,
 * and over the ~2,000 requests of a 3,000-item load that garbage outlived young-generation collections and grew the
 * heap by ~40 MB before a full GC ran (a raw loop of the same requests: ~6 MB). That was most of the console's and
 * `diff`'s peak RSS above the data it keeps.
 */
export function createTransport(options: TransportOptions): Transport {
	const agentOptions = {keepAlive: true, maxSockets: options.maxSockets};
	const tls = {rejectUnauthorized: !options.tls?.insecure, ca: options.tls?.ca};
	const agents = {http: new http.Agent(agentOptions), https: new https.Agent({...agentOptions, ...tls})};
	return {
		send(method, url, payload, headers) {
			return new Promise<RawResponse>((resolve, reject) => {
				const secure = url.protocol === 'https:';
				const requestHeaders: Record<string, string | number> = {...headers};
				if (payload !== undefined) requestHeaders['content-length'] = Buffer.byteLength(payload);
				const requestOptions: https.RequestOptions = {method, headers: requestHeaders, agent: secure ? agents.https : agents.http};
				if (secure) Object.assign(requestOptions, tls);
				const request = (secure ? https : http).request(url, requestOptions);
				let settled = false;
				const fail = (error: Error): void => {
					if (settled) return;
					settled = true;
					clearTimeout(timer);
					request.destroy();
					reject(error);
				};
				const timer = setTimeout(() => fail(timeoutError(options.timeoutMs)), options.timeoutMs);
				request.on('error', fail);
				request.on('response', (response) => {
					const chunks: Buffer[] = [];
					let length = 0;
					response.on('data', (chunk: Buffer) => {
						chunks.push(chunk);
						length += chunk.length;
					});
					response.on('error', (error) => fail((error as NodeJS.ErrnoException).code ? error : cutOffError()));
					response.on('close', () => {
						if (!response.complete) fail(cutOffError());
					});
					response.on('end', () => {
						if (settled) return;
						settled = true;
						clearTimeout(timer);
						resolve({statusCode: response.statusCode ?? 0, headers: response.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)});
					});
				});
				request.end(payload);
			});
		},
		close() {
			agents.http.destroy();
			agents.https.destroy();
		},
	};
}
