import {isJsonObject, maxJsonDepth, type JsonObject, type JsonValue} from '../../core/json.js';

const quote = 0x22;
const backslash = 0x5c;
const colon = 0x3a;
const comma = 0x2c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

function isSpace(byte: number): boolean {
	return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function joined(parts: readonly Buffer[]): Buffer {
	return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** One element of a list answer grew past the bound given to the splitter (an endless or absurd entry). */
export class ElementTooLarge extends Error {
	constructor(readonly limit: number) {
		super(`one entry of the list is larger than ${limit} bytes`);
		this.name = 'ElementTooLarge';
	}
}

/**
 * Parses a list answer such as `{"apis": [...], "pages": 1}` while it arrives, one element at a time, handing each
 * element to `map` as soon as it is complete. A Dashboard's `/api/apis` list can be 15 MB: read whole, it is a 15 MB
 * buffer, a 15 MB string and one large object graph that outlives the young generation, so whatever a caller drops
 * (the OAS projections) stays in memory until a full collection. Split, each chunk and element dies young.
 *
 * The result is what JSON.parse and a map over the member would give. A document of another shape (not an object,
 * the member not an array) is kept whole and parsed at the end, so the caller sees it as it is and can say what is
 * wrong. Malformed JSON throws a SyntaxError, from `push` or `finish`; so does a document naming the member twice,
 * which JSON.parse would silently resolve to the last one. An element longer than `maxElementBytes` throws an
 * ElementTooLarge: it is buffered until it ends, and one that never ends must not take the process's memory with it.
 */
export class ListSplitter {
	private readonly member: string;
	private readonly map: (entry: JsonValue) => JsonValue;
	/** Every byte outside the member's brackets (small: the envelope), or the whole document once not splittable. */
	private readonly rest: Buffer[] = [];
	private readonly entries: JsonValue[] = [];
	private element: Buffer[] = [];
	/** Bytes buffered in `element`. */
	private elementBytes = 0;
	private readonly maxElementBytes: number;
	private key: Buffer[] | undefined;
	/** Where the string being read started in the current chunk (key bytes are collected from there). */
	private keyStart = 0;
	private depth = 0;
	private started = false;
	private whole = false;
	private inString = false;
	private escaped = false;
	private expectingKey = false;
	/** The last top-level key was the member; its value comes next. */
	private wanted = false;
	private inList = false;
	private listSeen = false;

	/**
	 * Set when arrays/objects nest deeper than `maxDepth` anywhere in what was split (the root is level 1): the depth
	 * bound is kept while the bytes are scanned anyway, so a split answer needs no second walk over its value.
	 */
	tooDeep = false;
	private readonly maxDepth: number;

	constructor(member: string, map: (entry: JsonValue) => JsonValue, maxElementBytes = Number.POSITIVE_INFINITY, maxDepth = maxJsonDepth) {
		this.member = member;
		this.map = map;
		this.maxElementBytes = maxElementBytes;
		this.maxDepth = maxDepth;
	}

	/** True when every byte went through the scan, so `tooDeep` is the whole answer's depth check. */
	get depthChecked(): boolean {
		return !this.whole;
	}

	/** Feeds the next chunk of the answer. */
	push(chunk: Buffer): void {
		if (this.whole) {
			this.rest.push(chunk);
			return;
		}
		let from = 0;
		const keep = (to: number): void => {
			if (to <= from) return;
			if (!this.inList) {
				this.rest.push(chunk.subarray(from, to));
				return;
			}
			this.elementBytes += to - from;
			if (this.elementBytes > this.maxElementBytes) throw new ElementTooLarge(this.maxElementBytes);
			this.element.push(chunk.subarray(from, to));
		};
		for (let at = 0; at < chunk.length; at++) {
			if (this.inString) {
				at = this.stringEnd(chunk, at);
				if (at === chunk.length) break;
				this.endString(chunk, at);
				continue;
			}
			const byte = chunk[at]!;
			if (isSpace(byte)) continue;
			if (!this.started) {
				this.started = true;
				if (byte !== openBrace) {
					this.keepWhole(chunk, from);
					return;
				}
			}
			if (byte === quote) {
				this.inString = true;
				if (this.depth === 1 && this.expectingKey) this.key = [];
				this.keyStart = at;
				if (this.depth === 1 && !this.expectingKey && this.wanted) {
					this.keepWhole(chunk, from);
					return;
				}
			} else if (byte === openBrace || byte === openBracket) {
				if (this.depth === 1 && this.wanted) {
					if (byte !== openBracket) {
						this.keepWhole(chunk, from);
						return;
					}
					keep(at + 1);
					from = at + 1;
					this.inList = true;
					this.listSeen = true;
					this.wanted = false;
				}
				this.depth++;
				if (this.depth > this.maxDepth) this.tooDeep = true;
				if (this.depth === 1) this.expectingKey = true;
			} else if (byte === closeBrace || byte === closeBracket) {
				this.depth--;
				if (this.inList && this.depth === 1) {
					keep(at);
					from = at;
					this.endElement(true);
					this.inList = false;
				}
			} else if (byte === comma) {
				if (this.depth === 1) this.expectingKey = true;
				else if (this.inList && this.depth === 2) {
					keep(at);
					from = at + 1;
					this.endElement(false);
				}
			} else if (this.depth === 1 && this.wanted && byte !== colon) {
				// The member's value is a scalar (null, a number): nothing to split.
				this.keepWhole(chunk, from);
				return;
			}
		}
		if (this.inString && this.key) this.key.push(chunk.subarray(this.keyStart, chunk.length));
		this.keyStart = 0;
		keep(chunk.length);
	}

	/** The parsed document, once the answer is complete. */
	finish(): JsonValue {
		const text = joined(this.rest).toString('utf8');
		const parsed = JSON.parse(text) as JsonValue;
		if (this.whole || !this.listSeen) return parsed;
		// Splitting happened only inside an object whose member was a list, so `parsed` holds `[]` in its place.
		if (!isJsonObject(parsed)) throw new SyntaxError('the list answer is not a JSON object');
		(parsed as JsonObject)[this.member] = this.entries;
		return parsed;
	}

	/**
	 * Where the string being read ends in `chunk` (its closing quote), or `chunk.length` when it goes on. Jumps from
	 * quote to quote with indexOf and counts the backslashes before each, instead of looking at every byte: strings
	 * are most of a Dashboard answer, and the byte loop was an eighth of a 20,000-API diff (bench `scale`).
	 */
	private stringEnd(chunk: Buffer, at: number): number {
		let from = at;
		if (this.escaped) {
			// The previous chunk ended in an odd run of backslashes: this byte is escaped.
			this.escaped = false;
			from++;
		}
		for (;;) {
			const found = chunk.indexOf(quote, from);
			const end = found < 0 ? chunk.length : found;
			let run = 0;
			while (end - run - 1 >= from && chunk[end - run - 1] === backslash) run++;
			if (found < 0) {
				this.escaped = run % 2 === 1;
				return chunk.length;
			}
			if (run % 2 === 0) return found;
			from = found + 1;
		}
	}

	private endString(chunk: Buffer, at: number): void {
		this.inString = false;
		if (!this.key) return;
		this.key.push(chunk.subarray(this.keyStart, at + 1));
		const name: unknown = JSON.parse(joined(this.key).toString('utf8'));
		this.key = undefined;
		this.expectingKey = false;
		this.wanted = name === this.member;
		if (this.wanted && this.listSeen) throw new SyntaxError(`the answer has the member "${this.member}" twice`);
	}

	private endElement(closing: boolean): void {
		const bytes = joined(this.element);
		this.element = [];
		this.elementBytes = 0;
		// `[]` and `[ ]` have no element; anything else between delimiters must parse (`[1,]` does not).
		if (closing && this.entries.length === 0 && bytes.every(isSpace)) return;
		this.entries.push(this.map(JSON.parse(bytes.toString('utf8')) as JsonValue));
	}

	/** Not a list to split (no object, or the member is not an array): keep every byte for one parse at the end. */
	private keepWhole(chunk: Buffer, from: number): void {
		this.whole = true;
		this.rest.push(chunk.subarray(from));
	}
}
