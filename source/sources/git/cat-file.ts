import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {gitEnv, GitError, redactCredentials} from './run.js';

interface Pending {
	/** Called with the object's hash, type and content; `undefined` type when git reports it missing. */
	readonly answer: (hash: string, type: string | undefined, body: Buffer | undefined) => void;
	readonly reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` process: reading thousands of blobs through a single pipe is what makes a
 * 3,000-item ref load fast (one spawn per file would cost seconds). Requests are pipelined and answered in order.
 */
export class CatFileBatch {
	private readonly child: ChildProcessWithoutNullStreams;
	/**
	 * Requests waiting for their answer, oldest at `head`. Taken by index, not `shift()`: a 25,000-entry array sits in
	 * V8's large-object space, where every `shift()` moves the whole rest of it (a 20k layout read spent ~0.4 s there).
	 */
	private queue: Pending[] = [];
	private head = 0;
	private readonly repo: string;
	private chunks: Buffer[] = [];
	/** Bytes of `chunks[0]` already taken. */
	private offset = 0;
	/** Request lines not yet written; flushed once per turn by `send`. */
	private unsent: string[] = [];
	private buffered = 0;
	/** Size of the body being read (plus its trailing newline), or -1 while waiting for a header line. */
	private expecting = -1;
	/** Hash and type from the header of the body being read. */
	private current: {hash: string; type: string} = {hash: '', type: ''};
	private failure: Error | undefined;
	private closed = false;
	private readonly exited: Promise<void>;

	constructor(repo: string) {
		this.repo = repo;
		this.child = spawn('git', ['cat-file', '--batch'], {cwd: repo, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe']});
		let stderr = '';
		this.child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
		this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
		this.child.stdin.on('error', () => {
			// Reported through 'close' below with git's stderr, which says more than EPIPE.
		});
		this.exited = new Promise((resolve) => {
			this.child.on('error', (error) => {
				this.fail(new GitError(`cannot run git cat-file in ${repo}: ${error.message}`, null, ''));
				resolve();
			});
			this.child.on('close', (code) => {
				if (this.waiting() > 0 || code !== 0) {
					this.fail(new GitError(`git cat-file stopped in ${repo} (exit ${String(code)}): ${redactCredentials(stderr.trim())}`, code, stderr));
				}
				this.closed = true;
				resolve();
			});
		});
	}

	/** Content of one blob (a hash or `<rev>:<path>`), or undefined when it is missing or not a file. */
	read(object: string): Promise<Buffer | undefined> {
		return this.request(object, (resolve) => (_hash, type, body) => resolve(type === 'blob' ? body : undefined));
	}

	/**
	 * Hash of any object expression (e.g. `main^{commit}`), or undefined when it does not resolve to that type; lets a
	 * store resolve its ref through the process it needs anyway instead of spawning `rev-parse`.
	 */
	resolve(object: string, type: 'commit' | 'tree' | 'blob'): Promise<string | undefined> {
		return this.request(object, (resolve) => (hash, found) => resolve(found === type ? hash : undefined));
	}

	/**
	 * Reads many blobs and hands each body to `visit` (with its index in `objects`; undefined when missing or not a
	 * blob) inside the pipe's data handler, as it arrives; resolves once all are visited. `body` is a view into the
	 * pipe's chunk: `visit` must use it before returning, never keep it. A layout read goes through here rather than
	 * one `read` per file: 25,000 promises made up front sit in the old generation, so the chunks they resolved with
	 * stayed referenced until a full collection (~70 MB of pipe chunks held at a time at 20k items, bench `scale`).
	 */
	readEach(objects: readonly string[], visit: (index: number, body: Buffer | undefined) => void): Promise<void> {
		if (objects.length === 0) return Promise.resolve();
		for (const object of objects) {
			const refused = this.refusal(object);
			if (refused) return Promise.reject(refused);
		}
		return new Promise<void>((resolve, reject) => {
			let next = 0;
			let failed = false;
			// One entry object for every request of the batch: answers come in request order, so a counter gives the index.
			const pending: Pending = {
				answer: (_hash, type, body) => {
					if (failed) return;
					const index = next++;
					try {
						visit(index, type === 'blob' ? body : undefined);
					} catch (error) {
						failed = true;
						reject(error instanceof Error ? error : new Error(String(error)));
						return;
					}
					if (next === objects.length) resolve();
				},
				reject: (error) => {
					if (failed) return;
					failed = true;
					reject(error);
				},
			};
			for (const object of objects) {
				this.queue.push(pending);
				this.unsent.push(`${object}\n`);
			}
			queueMicrotask(() => this.send());
		});
	}

	/** Why a request cannot be made now (failed or closed process, a name that would split the request line). */
	private refusal(object: string): Error | undefined {
		if (this.failure) return this.failure;
		if (this.closed) return new GitError(`git cat-file for ${this.repo} is already closed`, null, '');
		if (/[\n\r]/.test(object)) return new GitError(`invalid object name ${JSON.stringify(object)}`, null, '');
		return undefined;
	}

	private request<T>(object: string, answer: (resolve: (value: T) => void) => Pending['answer']): Promise<T> {
		const refused = this.refusal(object);
		if (refused) return Promise.reject(refused);
		return new Promise<T>((resolve, reject) => {
			this.queue.push({answer: answer(resolve), reject});
			this.unsent.push(`${object}\n`);
			if (this.unsent.length === 1) queueMicrotask(() => this.send());
		});
	}

	/**
	 * Writes every request made in the current turn as one pipe write: a layout read asks for thousands of blobs at
	 * once, and one write per blob cost ~10% of a 3,000-item read (bench `git`).
	 */
	private send(): void {
		if (this.unsent.length === 0) return;
		const text = this.unsent.join('');
		this.unsent = [];
		if (!this.closed && !this.child.stdin.writableEnded) this.child.stdin.write(text);
	}

	/** Ends the process; safe to call twice. Pending reads still complete first. */
	async close(): Promise<void> {
		this.send();
		if (!this.closed) this.child.stdin.end();
		await this.exited;
	}

	private fail(error: Error): void {
		this.failure = error;
		const pending = this.queue.slice(this.head);
		this.queue = [];
		this.head = 0;
		for (const waiting of pending) waiting.reject(error);
	}

	/**
	 * The next `length` buffered bytes. Within one chunk this is a view (no copy); across chunks only those bytes are
	 * copied. Concatenating everything buffered on every take re-copied the rest of a 64 KB chunk once per blob.
	 */
	private take(length: number): Buffer {
		const first = this.chunks[0]!;
		if (first.length - this.offset >= length) {
			const head = first.subarray(this.offset, this.offset + length);
			this.offset += length;
			if (this.offset === first.length) this.drop();
			this.buffered -= length;
			return head;
		}
		const head = Buffer.allocUnsafe(length);
		let filled = 0;
		while (filled < length) {
			const chunk = this.chunks[0]!;
			const count = Math.min(length - filled, chunk.length - this.offset);
			chunk.copy(head, filled, this.offset, this.offset + count);
			filled += count;
			this.offset += count;
			if (this.offset === chunk.length) this.drop();
		}
		this.buffered -= length;
		return head;
	}

	/** How many requests wait for their answer. */
	private waiting(): number {
		return this.queue.length - this.head;
	}

	/**
	 * Takes the oldest waiting request. The answered ones are dropped when none is left, or in one copy once they are
	 * most of the array (a process that is never idle would otherwise keep them all).
	 */
	private next(): Pending {
		const pending = this.queue[this.head]!;
		this.head++;
		if (this.head === this.queue.length) {
			this.queue = [];
			this.head = 0;
		} else if (this.head >= 4096 && this.head * 2 >= this.queue.length) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
		return pending;
	}

	/** Forgets the fully read first chunk. */
	private drop(): void {
		this.chunks.shift();
		this.offset = 0;
	}

	private onData(chunk: Buffer): void {
		this.chunks.push(chunk);
		this.buffered += chunk.length;
		for (;;) {
			if (this.expecting < 0) {
				const newline = this.findNewline();
				if (newline < 0) return;
				const header = this.take(newline + 1).toString('utf8').trimEnd();
				const pending = this.queue[this.head];
				if (!pending) {
					this.fail(new GitError(`unexpected output from git cat-file in ${this.repo}: ${header}`, null, ''));
					return;
				}
				if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
					this.next();
					pending.answer('', undefined, undefined);
					continue;
				}
				const size = Number(header.slice(header.lastIndexOf(' ') + 1));
				if (!Number.isSafeInteger(size)) {
					this.fail(new GitError(`unexpected output from git cat-file in ${this.repo}: ${header}`, null, ''));
					return;
				}
				this.expecting = size + 1;
				const [hash = '', type = ''] = header.split(' ');
				this.current = {hash, type};
			}
			if (this.buffered < this.expecting) return;
			const body = this.take(this.expecting);
			this.expecting = -1;
			this.next().answer(this.current.hash, this.current.type, body.subarray(0, body.length - 1));
		}
	}

	/** Buffered bytes before the next newline, or -1 when none has arrived yet. */
	private findNewline(): number {
		let before = 0;
		for (const [index, chunk] of this.chunks.entries()) {
			const start = index === 0 ? this.offset : 0;
			const found = chunk.indexOf(10, start);
			if (found >= 0) return before + found - start;
			before += chunk.length - start;
		}
		return -1;
	}
}
