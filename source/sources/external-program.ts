import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** How an outside program ended, in words for the status bar. */
export interface ExternalOutcome {
	readonly ok: boolean;
	readonly message: string;
}

/**
 * The user's pager and editor, for the console's raw views. Both run in the foreground, synchronously, with the
 * terminal: the caller suspends its own screen first (see useExternal) and redraws it afterwards.
 */
export interface ExternalPrograms {
	/** The pager command line (`$PAGER`, default `less -R`). */
	readonly pager: string;
	/** The editor command line (`$VISUAL`, `$EDITOR`, default `vi`). */
	readonly editor: string;
	/** Shows `text` in the pager (on its standard input). */
	page(text: string): ExternalOutcome;
	/**
	 * Opens `text` in the editor as a read-only copy: file mode 0400 in a private temp dir (0700), removed when the
	 * editor exits, so nothing the user types can be mistaken for a change to the item and no copy is left behind.
	 */
	edit(text: string, fileName: string): ExternalOutcome;
}

/** The pager and editor commands from the environment's variables (the command decides which environment). */
export interface ExternalCommands {
	readonly pager?: string;
	readonly editor?: string;
}

function outcome(what: 'pager' | 'editor', command: string, result: ReturnType<typeof spawnSync>): ExternalOutcome {
	const named = `The ${what} (${command})`;
	// A pager quit before reading everything (q on the first page) closes the pipe: that is not a failure.
	const error = (result.error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE' && result.status !== null ? undefined : result.error;
	if (error) return {ok: false, message: `${named} could not start: ${error.message}`};
	if (result.status === 0) return {ok: true, message: `${what === 'pager' ? 'Pager' : 'Editor'} closed`};
	const how = result.signal ? `was ended by ${result.signal}` : `exited with ${String(result.status)}`;
	return {ok: false, message: `${named} ${how}${result.status === 127 ? ' (command not found: check the variable)' : ''}`};
}

/**
 * Runs `run` (a program in the foreground) with Ctrl-C held back from the console: the terminal is cooked while the
 * program runs, so Ctrl-C (in less it stops a search) signals the whole foreground process group, the console too,
 * whose SIGINT handler would quit it. Node delivers that signal once the event loop runs again, one turn after the
 * program ended, so the console's listeners come back after two turns.
 */
export function holdInterrupts<T>(run: () => T): T {
	const saved = process.rawListeners('SIGINT') as ((...args: unknown[]) => void)[];
	const hold = () => {};
	process.removeAllListeners('SIGINT');
	process.on('SIGINT', hold);
	try {
		return run();
	} finally {
		setImmediate(() => setImmediate(() => {
			process.off('SIGINT', hold);
			// Listeners added meanwhile (none expected) stay; the held ones return in their order, `once` ones still once.
			for (const listener of saved) process.on('SIGINT', listener);
		}));
	}
}

/** One shell word, whatever the text holds (a temp dir path may contain a quote). */
function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A file name that is safe in any temp dir: letters, digits, dot, dash and underscore only. */
export function safeFileName(name: string): string {
	const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(0, 100);
	return cleaned === '' ? 'item.json' : cleaned;
}

/**
 * Runs pager and editor through the shell, as `git` and `man` do, so `less -R` or `code --wait` work as written in
 * the variable; the only thing added to the command line is a quoted temp path the console made itself.
 */
export function externalPrograms(commands: ExternalCommands): ExternalPrograms {
	const pager = commands.pager?.trim() || 'less -R';
	const editor = commands.editor?.trim() || 'vi';
	return {
		pager,
		editor,
		page(text) {
			return outcome('pager', pager, holdInterrupts(() => spawnSync(pager, {shell: true, input: text, stdio: ['pipe', 'inherit', 'inherit']})));
		},
		edit(text, fileName) {
			const dir = mkdtempSync(join(tmpdir(), 'tyk-console-view-'));
			try {
				const file = join(dir, safeFileName(fileName));
				writeFileSync(file, text, {mode: 0o400, flag: 'wx'});
				return outcome('editor', editor, holdInterrupts(() => spawnSync(`${editor} ${shellQuote(file)}`, {shell: true, stdio: 'inherit'})));
			} finally {
				rmSync(dir, {recursive: true, force: true});
			}
		},
	};
}
