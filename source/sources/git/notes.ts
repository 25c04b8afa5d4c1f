import {isJsonObject} from '../../core/json.js';
import {mergeEntries, newer, parseRecord, type BaseEntries, type BaseRecord} from '../base/records.js';
import {CatFileBatch} from './cat-file.js';
import {identityEnv} from './identity.js';
import {git, runGit} from './run.js';

/** The notes ref that carries the base in Git: one note per commit, pushed by `dump --push`. */
export const notesRef = 'refs/notes/tyk-console';

/** Where a remote's notes are fetched to (outside refs/notes/, so `git log` and pushes of refs/notes/* leave it alone). */
export function remoteNotesRef(remote: string): string {
	return `refs/tyk-console/notes/${remote}`;
}

function checkRemote(remote: string): void {
	if (remote === '' || remote.startsWith('-') || /[\s\0]/.test(remote)) throw new Error(`invalid remote name ${JSON.stringify(remote)}`);
}

/**
 * A note's text as base records of one environment. A note is one JSON object per line, `{"<environment>":
 * {"<kind>:<id>": {"hash", "time"}}}`; more than one line comes from merging two clones' notes (`cat_sort_uniq`),
 * and the newest record of an item wins. Lines that are not such JSON are skipped.
 */
export function parseNote(text: string, environment: string, commit: string): Map<string, BaseRecord> {
	const out = new Map<string, BaseRecord>();
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			continue;
		}
		const entries = isJsonObject(value) ? value[environment] : undefined;
		if (!isJsonObject(entries)) continue;
		for (const [key, entry] of Object.entries(entries)) {
			const record = parseRecord(isJsonObject(entry) ? {...entry, commit} : entry);
			if (record) out.set(key, newer(out.get(key), record));
		}
	}
	return out;
}

/** A note's text with `records` of `environment` merged into it: one compact line, other environments untouched. */
export function mergeNote(text: string | undefined, environment: string, records: BaseEntries): string {
	const all: Record<string, Record<string, {hash: string | null; time: string}>> = {};
	for (const line of (text ?? '').split('\n')) {
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			continue;
		}
		if (!isJsonObject(value)) continue;
		for (const [env, entries] of Object.entries(value)) {
			if (!isJsonObject(entries)) continue;
			const into = (all[env] ??= {});
			for (const [key, entry] of Object.entries(entries)) {
				const record = parseRecord(entry);
				if (record && (!into[key] || Date.parse(into[key].time) <= Date.parse(record.time))) into[key] = {hash: record.hash, time: record.time};
			}
		}
	}
	const mine = (all[environment] ??= {});
	for (const [key, record] of records) mine[key] = {hash: record.hash, time: record.time};
	return JSON.stringify(all);
}

/** The (note blob, commit) pairs of a notes ref; empty when the ref does not exist. */
async function listNotes(repo: string, ref: string): Promise<Array<{blob: string; commit: string}>> {
	const result = await runGit(repo, ['ls-tree', '-r', '-z', ref]);
	if (result.code !== 0) return [];
	return result.stdout.toString('utf8').split('\0').flatMap((line) => {
		const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
		return match ? [{blob: match[1]!, commit: match[2]!.replaceAll('/', '')}] : [];
	});
}

/**
 * The base records of one environment from Git notes: the local notes ref and every remote's fetched copy, the
 * newest record of each item kept. A repository without notes has none.
 */
export async function readNotesBase(repo: string, environment: string): Promise<Map<string, BaseRecord>> {
	const refs = (await runGit(repo, ['for-each-ref', '--format=%(refname)', notesRef, 'refs/tyk-console/notes/'])).stdout.toString('utf8').split('\n').filter(Boolean);
	const notes = (await Promise.all(refs.map((ref) => listNotes(repo, ref)))).flat();
	if (notes.length === 0) return new Map();
	const batch = new CatFileBatch(repo);
	try {
		const texts = await Promise.all(notes.map(async (note) => ({note, text: (await batch.read(note.blob))?.toString('utf8') ?? ''})));
		return mergeEntries(...texts.map(({note, text}) => parseNote(text, environment, note.commit)));
	} finally {
		await batch.close();
	}
}

/**
 * Adds base records of one environment to the note on `commit`, merged with what the note already says (other
 * environments, other items), retried when another writer moved the notes ref at the same moment.
 */
export async function writeNote(repo: string, commit: string, environment: string, records: BaseEntries): Promise<void> {
	const env = await identityEnv(repo);
	for (let attempt = 1; ; attempt++) {
		const current = await runGit(repo, ['notes', `--ref=${notesRef}`, 'show', commit]);
		const text = current.code === 0 ? current.stdout.toString('utf8') : undefined;
		const written = await runGit(repo, ['notes', `--ref=${notesRef}`, 'add', '-f', '-F', '-', commit], {env, input: mergeNote(text, environment, records)});
		if (written.code === 0) return;
		if (attempt >= 3) throw new Error(`could not write the base note on ${commit.slice(0, 7)} in ${repo}: ${written.stderr.trim()}`);
	}
}

/** The remote a repository's branch reads from: its configured upstream remote, else `origin` when it exists. */
export async function remoteOf(repo: string, branch: string): Promise<string | undefined> {
	const configured = await runGit(repo, ['config', '--get', `branch.${branch}.remote`]);
	const name = configured.stdout.toString('utf8').trim();
	if (configured.code === 0 && name !== '' && name !== '.') return name;
	const remotes = (await runGit(repo, ['remote'])).stdout.toString('utf8').split('\n');
	return remotes.includes('origin') ? 'origin' : undefined;
}

/**
 * Fetches a remote's notes into its tracking ref, so a fresh clone knows the base its team recorded. Resolves false
 * when the remote has no notes yet or cannot be reached (the caller goes on with what it has), true when fetched.
 */
export async function fetchNotes(repo: string, remote: string): Promise<boolean> {
	checkRemote(remote);
	// Never a prompt, never a hang: ssh in batch mode with a connect timeout (unless the user chose an ssh command),
	// and an HTTP transfer that stalls for 10 s gives up. The caller reads on with what it has.
	const ssh: Record<string, string> = process.env['GIT_SSH_COMMAND'] || process.env['GIT_SSH'] ? {} : {GIT_SSH_COMMAND: 'ssh -o BatchMode=yes -o ConnectTimeout=10'};
	const fetched = await runGit(repo, [
		'-c', 'http.lowSpeedLimit=1', '-c', 'http.lowSpeedTime=10', 'fetch', '--quiet', '--no-tags', remote, `+${notesRef}:${remoteNotesRef(remote)}`,
	], {env: ssh});
	return fetched.code === 0;
}

/**
 * Pushes the notes ref: fetches the remote's notes first and merges them into the local ref line by line
 * (`cat_sort_uniq`: a note of two clones keeps both lines, and the reader takes the newest record), so a push never
 * drops another clone's records and stays a fast-forward. Throws with git's reason when the push fails.
 */
export async function pushNotes(repo: string, remote: string): Promise<void> {
	checkRemote(remote);
	if ((await runGit(repo, ['rev-parse', '--verify', '--quiet', notesRef])).code !== 0) return;
	if (await fetchNotes(repo, remote)) {
		await git(repo, ['notes', `--ref=${notesRef}`, 'merge', '--quiet', '-s', 'cat_sort_uniq', remoteNotesRef(remote)], {env: await identityEnv(repo)});
	}
	await git(repo, ['push', '--quiet', remote, `${notesRef}:${notesRef}`]);
}
