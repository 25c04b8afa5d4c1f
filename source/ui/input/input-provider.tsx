import {createContext, useCallback, useLayoutEffect, useRef, useState, type ReactNode} from 'react';
import {useInput, type Key} from 'ink';
import {KeyStack} from './key-stack.js';
import {splitKeys, type KeyPress} from './keypress.js';

/** The stack handlers register with; undefined outside <InputProvider/> so a mis-wired handler fails loudly. */
export const InputContext = createContext<KeyStack | undefined>(undefined);

/** Props of <InputProvider/>. */
export interface InputProviderProps {
	readonly children?: ReactNode;
}

/**
 * After this many keys handled commit after commit inside layout effects, the next one waits for a fresh render
 * (scheduled from a microtask): React counts updates made in layout effects as nested and refuses more than 50 in a
 * row ("Maximum update depth exceeded").
 */
const chainLimit = 20;

/**
 * The one way keys come in: a single `useInput` at the root, a priority stack of handlers (overlay, text field, screen,
 * app; see KeyStack) and a queue of keys.
 *
 * Every chunk is split into keys at once (see splitKeys), and each key must meet the state the previous key left:
 * "/gold" opens the filter with `/` and types "gold" into it, "jj\r" opens the row two lines down. So keys are handed
 * out one commit apart, without timers. A key is dispatched, then the provider bumps its own state, so React commits
 * the key's updates together with the bump (React schedules that render itself). Handlers refresh themselves in layout
 * effects, and children's layout effects run before their parent's, so when the provider's layout effect hands out
 * the next key, every handler (a field the key opened, a new screen) is the one of the committed state. Updates made
 * in a layout effect commit synchronously, so the rest of a chunk is handled within that first commit. Keys that
 * arrive while a commit is pending (another chunk, or Ink's separate events for an escape sequence and the text
 * around it) only join the queue, so they cannot overtake or act on stale handlers.
 */
export function InputProvider({children}: InputProviderProps) {
	const [stack] = useState(() => new KeyStack());
	const queue = useRef<KeyPress[]>([]);
	/** A key was dispatched and its commit has not happened yet: the next key waits for it. */
	const pending = useRef(false);
	const chain = useRef(0);
	const [, setTurn] = useState(0);
	const bump = useCallback(() => setTurn((turn) => turn + 1), []);
	const step = useCallback(() => {
		pending.current = true;
		stack.dispatchNext(queue.current);
		bump();
	}, [stack, bump]);
	const onInput = useCallback((input: string, key: Key) => {
		queue.current.push(...splitKeys(input, key));
		if (!pending.current && queue.current.length > 0) step();
	}, [step]);
	useInput(onInput);
	useLayoutEffect(() => {
		if (!pending.current) return;
		if (queue.current.length === 0) {
			pending.current = false;
			chain.current = 0;
		} else if (++chain.current >= chainLimit) {
			chain.current = 0;
			queueMicrotask(bump);
		} else {
			step();
		}
	});
	return <InputContext.Provider value={stack}>{children}</InputContext.Provider>;
}
