import {createContext, useContext} from 'react';
import {useStdin, useStdout} from 'ink';
import type {ExternalOutcome, ExternalPrograms} from '../../sources/external-program.js';

/** The pager and editor; provided by runConsole (a real terminal), absent in tests that do not pass one. */
export const ExternalContext = createContext<ExternalPrograms | undefined>(undefined);

const leaveAlternate = '\u001B[?1049l\u001B[?25h';
const enterAlternate = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';

/** What the raw views need of the terminal: run an outside program, copy a text to the clipboard. */
export interface External {
	readonly programs?: ExternalPrograms;
	/** Suspends the console, runs `what` with the terminal, and restores the console's screen. */
	run(what: (programs: ExternalPrograms) => ExternalOutcome): ExternalOutcome;
	/** Puts `text` on the terminal's clipboard with OSC 52 (works over SSH and in tmux with set-clipboard on). */
	copy(text: string): void;
}

/**
 * The console's side of running a pager or editor. Ink keeps the terminal in raw mode on the alternate screen; the
 * program needs the normal screen and a cooked terminal, and the console must not read its keys. So: leave the
 * alternate screen, raw mode off, run the program synchronously (the event loop, and with it Ink's input, waits),
 * then raw mode on, back to a cleared alternate screen, and have Ink write its whole last frame again.
 */
export function useExternal(): External {
	const programs = useContext(ExternalContext);
	const {stdout, write} = useStdout();
	const {stdin, isRawModeSupported} = useStdin();
	return {
		programs,
		run(what) {
			if (!programs) return {ok: false, message: 'No pager or editor in this console'};
			stdout.write(leaveAlternate);
			if (isRawModeSupported) stdin.setRawMode(false);
			try {
				return what(programs);
			} finally {
				if (isRawModeSupported) stdin.setRawMode(true);
				stdout.write(enterAlternate);
				// Ink's own write: it forgets what it drew and draws the whole frame again on the cleared screen.
				write('');
			}
		},
		copy(text) {
			stdout.write(`\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`);
		},
	};
}
