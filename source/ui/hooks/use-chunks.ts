import {useEffect, useLayoutEffect, useRef} from 'react';
import {useStdin} from 'ink';

/**
 * Terminals, pastes and tmux send-keys can deliver several keys in one chunk ("jj\r", "/gold"). A screen handles the
 * first key and hands the rest back to Ink once React has committed what the first key did (the next commit of the
 * component, or a short fallback timer when the key changed nothing), so the rest reaches whichever input is active
 * then: a filter field the first key opened, or a new screen.
 */
export function useRequeue(): (rest: string) => void {
	const {internal_eventEmitter: emitter} = useStdin();
	const pending = useRef<string | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const flush = () => {
		const rest = pending.current;
		pending.current = undefined;
		clearTimeout(timer.current);
		if (rest) setImmediate(() => emitter.emit('input', rest));
	};
	useLayoutEffect(() => {
		if (pending.current !== undefined) flush();
	});
	useEffect(() => () => clearTimeout(timer.current), []);
	return (rest: string) => {
		if (rest === '') return;
		pending.current = (pending.current ?? '') + rest;
		clearTimeout(timer.current);
		timer.current = setTimeout(flush, 30);
	};
}

/** Splits a plain chunk into its first key and the rest; escape sequences are never split. */
export function firstKey(input: string): [string, string] {
	if (input.startsWith('\u001B') || input.length <= 1) return [input, ''];
	const first = String.fromCodePoint(input.codePointAt(0)!);
	return [first, input.slice(first.length)];
}
