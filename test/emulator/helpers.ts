import type {ExecutionContext} from 'ava';
import {startEmulator, type EmulatorOptions, type RunningEmulator} from '../../source/emulator/index.js';

/** Parsed answer of one request. */
export interface Answer {
	status: number;
	contentType: string;
	body: any;
	text: string;
}

/** A test emulator plus a small request helper that sends the user key unless told otherwise. */
export interface TestEmulator extends RunningEmulator {
	request(method: string, path: string, init?: {body?: unknown; raw?: string; headers?: Record<string, string>; key?: string | null}): Promise<Answer>;
}

export const secret = 'test-key';

/** Clock that moves one second per reading, so create/update stamps differ without real time passing. */
export function steppingClock(start = Date.UTC(2025, 0, 1)): () => Date {
	let tick = 0;
	return () => new Date(start + 1000 * tick++);
}

/** Counter id source: deterministic, distinct, valid hex. */
export function counterIds(): () => string {
	let n = 0;
	return () => (++n).toString(16);
}

/** Starts an emulator on a free loopback port, closed when the test ends. */
export async function emulator(t: ExecutionContext, options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
	const running = await startEmulator({secret, now: steppingClock(), randomId: counterIds(), ...options});
	t.teardown(() => running.close());
	return {
		...running,
		async request(method, path, init = {}) {
			const headers: Record<string, string> = {...init.headers};
			if (init.key !== null) headers['Authorization'] ??= init.key ?? secret;
			const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
			const response = await fetch(running.url + path, {method, headers, body});
			const text = await response.text();
			let parsed: unknown;
			try {
				parsed = JSON.parse(text);
			} catch {
				parsed = undefined;
			}
			return {status: response.status, contentType: response.headers.get('content-type') ?? '', body: parsed, text};
		},
	};
}

/** A minimal Tyk OAS document. */
export function oasDoc(name: string, listenPath: string, id?: string): Record<string, unknown> {
	return {
		openapi: '3.0.3',
		info: {title: name, version: '1.0.0'},
		paths: {},
		'x-tyk-api-gateway': {
			info: {name, state: {active: true}, ...(id ? {id} : {})},
			upstream: {url: 'http://upstream.test'},
			server: {listenPath: {value: listenPath, strip: true}},
		},
	};
}

/** Creates a Classic API over HTTP and returns `{Meta, ID}`. */
export async function createClassicApi(em: TestEmulator, name: string, listenPath: string, extra: Record<string, unknown> = {}): Promise<{Meta: string; ID: string}> {
	const answer = await em.request('POST', '/api/apis', {body: {api_definition: {name, proxy: {listen_path: listenPath, target_url: 'http://x'}, ...extra}}});
	if (answer.status !== 200) throw new Error(`create failed: ${answer.status} ${answer.text}`);
	return answer.body;
}

export const hex24 = /^[0-9a-f]{24}$/;
export const hex32 = /^[0-9a-f]{32}$/;

/** The contract's error body. */
export function errorBody(message: string): {Status: string; Message: string; Meta: null} {
	return {Status: 'Error', Message: message, Meta: null};
}
