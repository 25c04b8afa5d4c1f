import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** How long a journey waits for one expected screen: generous, because two cores are shared by many test processes. */
const defaultWaitMs = 20_000;
const pollMs = 50;

/** Options of a terminal: its size and the environment its shell starts with. */
export interface TerminalOptions {
	readonly columns?: number;
	readonly rows?: number;
	readonly cwd: string;
	readonly env: NodeJS.ProcessEnv;
}

/**
 * A real terminal: a tmux server on its own socket (in its own temp dir, so parallel tests and a developer's tmux
 * never meet) running an interactive shell with a known prompt. Journeys type into it and read its screen, exactly
 * what a user sees, escape sequences included.
 */
export class Terminal {
	/** The shell's prompt, so a test can tell the console has given the screen back. */
	static readonly prompt = 'journey-shell$ ';

	private readonly socket: string;
	private readonly dir: string;

	private constructor(dir: string) {
		this.dir = dir;
		this.socket = join(dir, 'tmux.sock');
	}

	/** Starts the server and a shell of `columns`×`rows`; call `close` (in t.teardown) to kill both. */
	static async start(options: TerminalOptions): Promise<Terminal> {
		const terminal = new Terminal(mkdtempSync(join(tmpdir(), 'tc-tmux-')));
		try {
			// The prompt is set on the command line: a PS1 in tmux's environment (or given with -e) never reaches the pane.
			await terminal.tmux(['-f', '/dev/null', 'new-session', '-d', '-s', 'journey', '-x', String(options.columns ?? 160),
				'-y', String(options.rows ?? 45), '-c', options.cwd,
				`PS1='${Terminal.prompt}' HISTFILE=/dev/null exec bash --norc --noprofile -i`], options.env);
			await terminal.waitFor((screen) => screen.includes(Terminal.prompt.trim()), 'the shell prompt');
		} catch (error) {
			await terminal.close();
			throw error;
		}
		return terminal;
	}

	private async tmux(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
		const {stdout} = await run('tmux', ['-S', this.socket, ...args], {env: env ? {...process.env, ...env} : process.env, encoding: 'utf8'});
		return stdout;
	}

	/** Types text literally (no key-name interpretation), e.g. a filter or an environment name. */
	async type(text: string): Promise<void> {
		await this.tmux(['send-keys', '-t', 'journey', '-l', text]);
	}

	/** Presses keys by tmux name: Enter, Escape, Space, C-c, PageDown, j... */
	async press(...keys: string[]): Promise<void> {
		await this.tmux(['send-keys', '-t', 'journey', ...keys]);
	}

	/** The visible screen as text; with `ansi`, including colour and attribute escapes. */
	async screen(ansi = false): Promise<string> {
		return this.tmux(['capture-pane', '-p', ...(ansi ? ['-e'] : []), '-t', 'journey']);
	}

	/** True while the program in the terminal has switched to the alternate screen. */
	async alternateScreen(): Promise<boolean> {
		return (await this.tmux(['display-message', '-p', '-t', 'journey', '#{alternate_on}'])).trim() === '1';
	}

	/**
	 * Polls the screen until `check` accepts it and returns that screen; after `timeoutMs` it fails naming what it
	 * waited for and showing the last screen, so a failing journey says where it got stuck.
	 */
	async waitFor(check: string | RegExp | ((screen: string) => boolean), what?: string, options: {ansi?: boolean; timeoutMs?: number} = {}): Promise<string> {
		const test = typeof check === 'function' ? check : typeof check === 'string' ? (s: string) => s.includes(check) : (s: string) => check.test(s);
		const deadline = Date.now() + (options.timeoutMs ?? defaultWaitMs);
		let last = '';
		for (;;) {
			last = await this.screen(options.ansi);
			if (test(last)) return last;
			if (Date.now() > deadline) break;
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
		throw new Error(`terminal: gave up waiting for ${what ?? String(check)}; the screen was:\n${last}`);
	}

	/** Kills the tmux server (and so the shell and anything still running in it) and removes its socket dir. */
	async close(): Promise<void> {
		try {
			await this.tmux(['kill-server']);
		} catch {
			// Already gone: the server exits by itself when its last session ends.
		}
		rmSync(this.dir, {recursive: true, force: true});
	}
}

/** The screen's lines, trailing blanks removed. */
export function lines(screen: string): string[] {
	return screen.split('\n').map((line) => line.trimEnd());
}

/**
 * Whether a line captured with escapes sets a background colour anywhere (SGR 40–47, 100–107 or 48;…), which is how
 * the diff tints changed lines. Colour parameters of 38/48 (`5;n`, `2;r;g;b`) are skipped, not misread.
 */
export function hasBackground(line: string): boolean {
	for (const match of line.matchAll(/\u001B\[([0-9;]*)m/g)) {
		const params = match[1]!.split(';').map(Number);
		for (let i = 0; i < params.length; i++) {
			const p = params[i]!;
			if (p === 48) return true;
			if (p === 38) {
				i += params[i + 1] === 2 ? 4 : 2;
				continue;
			}
			if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) return true;
		}
	}
	return false;
}
