import type {Got, Method} from 'got';
import type {IncomingHttpHeaders} from 'node:http';
import type {JsonValue} from '../../core/json.js';
import {ElementTooLarge, ListSplitter} from './list-json.js';

/** A complete HTTP answer: status, headers and the body, or the body already parsed when it was read as a list. */
export interface Exchanged {
	readonly statusCode: number;
	readonly headers: IncomingHttpHeaders;
	/** The raw body; empty when it was parsed while it arrived (see `listed`). */
	readonly body: Buffer;
	/** Bytes received. */
	readonly length: number;
	/**
	 * Set when a 2xx body was read with a `list` reading: the parsed value, or undefined when it was not valid JSON;
	 * `tooDeep` is the depth check done while splitting (undefined when the answer could not be split, then the
	 * caller checks the value).
	 */
	readonly listed?: {readonly value: JsonValue | undefined; readonly tooDeep?: boolean};
}

/** The largest declared body copied into one buffer up front (larger ones are collected as they arrive). */
const maxPreallocated = 64 * 1024 * 1024;

/** How much of an answer is read before giving up: an endless or absurd body must not take the process's memory. */
export interface ResponseLimits {
	/** Bytes of the whole body (a declared Content-Length above it fails before any byte is read). */
	readonly maxBytes: number;
	/** Bytes of one element of a list read with `list` (it is buffered until it ends). */
	readonly maxElementBytes: number;
}

/** The answer went past a bound of `ResponseLimits`; the connection was cut and the rest never read. */
export class ResponseTooLarge extends Error {
	constructor(readonly limit: number, readonly part: 'body' | 'element', readonly statusCode: number | undefined) {
		super(part === 'body' ? `the answer is larger than ${limit} bytes` : `one entry of the list is larger than ${limit} bytes`);
		this.name = 'ResponseTooLarge';
	}
}

/** Read a 2xx answer as a list, parsing each entry of `member` as it arrives (see `ListSplitter`). */
export interface ListReading {
	readonly member: string;
	readonly map: (entry: JsonValue) => JsonValue;
}

/**
 * One request over got's stream API, collecting the body itself. got's promise API keeps every chunk of an answer
 * and then concatenates them, so a 15 MB `/api/apis` list briefly needs 30 MB; here a body whose length the server
 * declares is copied into one buffer of that size as it arrives, and a 2xx answer read with `list` is parsed entry by
 * entry as it arrives and never kept whole. Bodies that are compressed, undeclared, very large or longer than
 * declared fall back to collecting chunks. Transport failures reject with got's own errors, as the promise API does.
 * A body (or one list element) past `limits` rejects with ResponseTooLarge at once, the connection cut.
 */
export function exchange(
	send: Got,
	url: string,
	options: {method: Method; headers?: Record<string, string>; body?: string; signal?: AbortSignal},
	list?: ListReading,
	limits: ResponseLimits = {maxBytes: Number.POSITIVE_INFINITY, maxElementBytes: Number.POSITIVE_INFINITY},
): Promise<Exchanged> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const stream = send.stream(url, {method: options.method, headers: options.headers, body: options.body, ...(options.signal ? {signal: options.signal} : {})});
		let answer: {statusCode: number; headers: IncomingHttpHeaders} | undefined;
		let whole: Buffer | undefined;
		let chunks: Buffer[] = [];
		let length = 0;
		let splitter: ListSplitter | undefined;
		let malformed = false;
		const tooLarge = (part: 'body' | 'element', limit: number): void => {
			if (settled) return;
			settled = true;
			splitter = undefined;
			whole = undefined;
			chunks = [];
			stream.destroy();
			reject(new ResponseTooLarge(limit, part, answer?.statusCode));
		};
		stream.on('response', (response: {statusCode: number; headers: IncomingHttpHeaders}) => {
			answer = {statusCode: response.statusCode, headers: response.headers};
			const declared = Number(response.headers['content-length']);
			const encoded = (response.headers['content-encoding'] ?? 'identity') !== 'identity';
			if (!encoded && Number.isSafeInteger(declared) && declared > limits.maxBytes) return tooLarge('body', limits.maxBytes);
			if (list && response.statusCode >= 200 && response.statusCode < 300) {
				splitter = new ListSplitter(list.member, list.map, limits.maxElementBytes);
				return;
			}
			// Only a plausible length is trusted with a buffer up front: a hostile Content-Length must not allocate gigabytes.
			if (!encoded && Number.isSafeInteger(declared) && declared > 0 && declared <= maxPreallocated) whole = Buffer.allocUnsafe(declared);
		});
		stream.on('data', (chunk: Buffer) => {
			if (settled) return;
			length += chunk.length;
			if (length > limits.maxBytes) return tooLarge('body', limits.maxBytes);
			if (splitter || malformed) {
				try {
					splitter?.push(chunk);
				} catch (error) {
					if (error instanceof ElementTooLarge) return tooLarge('element', error.limit);
					// Not valid JSON: the rest is received (so the connection stays usable) but not looked at.
					splitter = undefined;
					malformed = true;
				}
				return;
			}
			const received = length - chunk.length;
			if (whole && length <= whole.length) {
				chunk.copy(whole, received);
			} else {
				if (whole) {
					// Longer than declared: keep what was copied and collect the rest as chunks.
					chunks = [whole.subarray(0, received)];
					whole = undefined;
				}
				chunks.push(chunk);
			}
		});
		stream.once('end', () => {
			if (settled) return;
			settled = true;
			if (!answer) {
				reject(new Error('the connection ended without an HTTP answer'));
				return;
			}
			if (splitter || malformed) {
				let value: JsonValue | undefined;
				try {
					value = splitter?.finish();
				} catch {
					value = undefined;
				}
				const tooDeep = splitter?.depthChecked ? splitter.tooDeep : undefined;
				resolve({...answer, body: Buffer.alloc(0), length, listed: {value, ...(tooDeep === undefined ? {} : {tooDeep})}});
				return;
			}
			const body = whole ? whole.subarray(0, length) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
			resolve({...answer, body, length});
		});
		stream.on('error', (error) => {
			if (settled) return;
			settled = true;
			reject(error);
		});
		// got waits for a streamed body on methods that may carry one; a DELETE without a payload has none to send.
		if (options.body === undefined && options.method !== 'GET') stream.end();
	});
}
