import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import type {ExecutionContext} from 'ava';

/** One request as the test server saw it. */
export interface SeenRequest {
	readonly method: string;
	readonly url: string;
	readonly authorization?: string;
	readonly body: string;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string, index: number) => void;

/** A loopback server started by a test and closed on teardown; it records every request it gets. */
export interface TestServer {
	readonly url: string;
	readonly requests: SeenRequest[];
}

/**
 * Starts a small HTTP(S) server on 127.0.0.1, port 0, for behaviour the emulator cannot produce (HTML bodies,
 * resets, redirects, slow answers, paging quirks). Closed with t.teardown.
 */
export async function startServer(t: ExecutionContext, handler: Handler, tls?: {key: string; cert: string}): Promise<TestServer> {
	const requests: SeenRequest[] = [];
	const listener = (request: http.IncomingMessage, response: http.ServerResponse) => {
		let body = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => (body += chunk));
		request.on('end', () => {
			requests.push({method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body});
			handler(request, response, body, requests.length - 1);
		});
	};
	const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => {
		server.closeAllConnections();
		return new Promise<void>((resolve) => server.close(() => resolve()));
	});
	const {port} = server.address() as AddressInfo;
	return {url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, requests};
}

/** Sends a JSON answer the way the Dashboard does. */
export function json(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	response.writeHead(status, {'content-type': 'application/json', ...headers});
	response.end(JSON.stringify(body));
}

/** A Dashboard error body (contract §9). */
export function dashboardError(response: http.ServerResponse, status: number, message: string): void {
	json(response, status, {Status: 'Error', Message: message, Meta: null});
}

/** A loopback port nobody listens on: bound once by the OS, then released. */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
