import {mkdir, readFile, rename, writeFile, rm} from 'node:fs/promises';
import {dirname, basename, join} from 'node:path';
import {isJsonObject, type JsonObject, type JsonValue} from '../core/json.js';

/** On-disk state file shape; versioned so a future layout change can be detected instead of misread. */
export interface StateFile {
	version: 1;
	apis: JsonValue[];
	policies: JsonValue[];
	assets: JsonValue[];
}

/** Reads a state file; undefined when it does not exist. A corrupt file is an error naming the file. */
export async function loadState(file: string): Promise<StateFile | undefined> {
	let raw: string;
	try {
		raw = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw new Error(`Emulator data file ${file} is not valid JSON; fix or remove it.`);
	}
	if (!isJsonObject(parsed) || parsed['version'] !== 1 || !Array.isArray(parsed['apis']) || !Array.isArray(parsed['policies']) || !Array.isArray(parsed['assets'])) {
		throw new Error(`Emulator data file ${file} is not an emulator state file (expected version 1 with apis, policies, assets).`);
	}
	return parsed as unknown as StateFile;
}

/**
 * Writes state files atomically (temp file in the same directory, then rename) and coalesces bursts:
 * while one write runs, further requests collapse into a single follow-up write of the newest state.
 */
export class StateWriter {
	private running: Promise<void> | undefined;
	private requested = 0;
	private written = 0;
	private counter = 0;

	constructor(
		private readonly file: string,
		private readonly snapshot: () => StateFile,
	) {}

	/** Resolves once the current state (as of this call) is on disk; rejects when the write fails. */
	save(): Promise<void> {
		this.requested++;
		return this.flush();
	}

	/** Waits until every requested save is on disk. */
	async flush(): Promise<void> {
		const wanted = this.requested;
		while (this.written < wanted) {
			if (!this.running) {
				const generation = this.requested;
				this.running = this.write()
					.then(() => {
						this.written = Math.max(this.written, generation);
					})
					.finally(() => {
						this.running = undefined;
					});
			}
			await this.running;
		}
	}

	private async write(): Promise<void> {
		const state: JsonObject = this.snapshot() as unknown as JsonObject;
		await mkdir(dirname(this.file), {recursive: true});
		const temp = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${this.counter++}.tmp`);
		try {
			await writeFile(temp, JSON.stringify(state), 'utf8');
			await rename(temp, this.file);
		} catch (error) {
			await rm(temp, {force: true});
			throw error;
		}
	}
}
