import type {IncomingMessage, ServerResponse} from 'node:http';
import {parse as parseYaml} from 'yaml';
import type {JsonValue} from '../core/json.js';
import {ApiError} from './errors.js';
import type {EmulatorStore} from './store.js';

/** What a route handler sees: parsed path parameters and query, the raw body on demand, and the store. */
export interface RequestContext {
	readonly method: string;
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	readonly contentType: string;
	readonly store: EmulatorStore;
	readonly pageSize: number;
	readonly rawBody: string;
}

/** A handler's answer; JSON unless `text` is given. */
export interface Reply {
	readonly status: number;
	readonly body?: JsonValue;
	readonly text?: string;
	/**
	 * The body as ready-made UTF-8 pieces, sent as they are: a 20,000-API list is 150 MB, and building it as one
	 * string, measuring it and encoding it again took seconds per request (bench `scale`).
	 */
	readonly parts?: readonly Buffer[];
	readonly contentType?: string;
}

const comma = Buffer.from(',');
const closing = (pages: number): Buffer => Buffer.from(`],"pages":${pages}}`);

/** `{"apis":[...],"pages":N}` from entries already serialised, without building the list as one string. */
export function listParts(entries: readonly Buffer[], pages: number): Buffer[] {
	const parts: Buffer[] = [Buffer.from('{"apis":[')];
	entries.forEach((entry, index) => {
		if (index > 0) parts.push(comma);
		parts.push(entry);
	});
	parts.push(closing(pages));
	return parts;
}

/** `{"Status":"OK",...}` style envelope (contract §2.1). */
export function ok(message: string, meta: JsonValue = null, extra: Record<string, JsonValue> = {}, status = 200): Reply {
	return {status, body: {Status: 'OK', Message: message, Meta: meta, ...extra}};
}

/** Plain JSON reply. */
export function json(body: JsonValue, status = 200): Reply {
	return {status, body};
}

/** The contract's error body with the given status and exact message. */
export function errorReply(status: number, message: string): Reply {
	return {status, body: {Status: 'Error', Message: message, Meta: null}};
}

/** Parses a JSON body or throws the endpoint's own "bad body" error (texts differ per endpoint). */
export function parseJson(raw: string, status: number, message: string): JsonValue {
	try {
		return JSON.parse(raw) as JsonValue;
	} catch {
		throw new ApiError(status, message);
	}
}

/** Parses an OAS body: YAML when the request says so (`application/x-yaml`), JSON otherwise. */
export function parseDocument(raw: string, contentType: string, status: number, message: string): JsonValue {
	if (/yaml/i.test(contentType)) {
		try {
			return parseYaml(raw) as JsonValue;
		} catch {
			throw new ApiError(status, message);
		}
	}
	return parseJson(raw, status, message);
}

const maxBody = 64 * 1024 * 1024;

/** Reads the whole request body as UTF-8 (bounded, so a runaway client cannot exhaust memory). */
export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maxBody) throw new ApiError(413, 'Request body too large.');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Writes a reply with `Content-Type: application/json` unless the handler chose otherwise. */
export function send(res: ServerResponse, reply: Reply): void {
	if (reply.parts) {
		res.writeHead(reply.status, {
			'Content-Type': reply.contentType ?? 'application/json',
			'Content-Length': reply.parts.reduce((sum, part) => sum + part.length, 0),
		});
		// Written as they are, in one corked batch: copying 150 MB into one buffer first took seconds under load.
		res.cork();
		for (const part of reply.parts) res.write(part);
		res.end();
		return;
	}
	const payload = reply.text ?? JSON.stringify(reply.body ?? null);
	res.writeHead(reply.status, {
		'Content-Type': reply.contentType ?? 'application/json',
		'Content-Length': Buffer.byteLength(payload),
	});
	res.end(payload);
}
