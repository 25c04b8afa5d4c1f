import {createContext, useContext, useEffect, useState} from 'react';
import {Text} from 'ink';
import type {Style} from '../theme.js';
import {VisibleContext} from './spinner.js';

/** Milliseconds since the epoch; a context so tests can show "loaded 40 s ago" without waiting forty seconds. */
export type Clock = () => number;

/** The clock every age and the auto-refresh read (default: the system clock). */
export const ClockContext = createContext<Clock>(Date.now);

/** The console's clock. */
export function useClock(): Clock {
	return useContext(ClockContext);
}

/**
 * "just now", "40 s ago", "3 min ago", "2 h ago", "5 days ago": how long ago something happened, in the words a person
 * reads at a glance; a time in the future (a clock skew between this machine and a Git author's) reads "just now".
 */
export function relativeTime(then: number, now: number): string {
	const seconds = Math.floor((now - then) / 1000);
	if (seconds < 5) return 'just now';
	if (seconds < 60) return `${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ago`;
	const days = Math.floor(hours / 24);
	if (days < 60) return `${days} days ago`;
	const months = Math.floor(days / 30);
	return months < 24 ? `${months} months ago` : `${Math.floor(days / 365)} years ago`;
}

/** Props of <Age/>. */
export interface AgeProps {
	/** When it happened (clock milliseconds); nothing is shown while undefined. */
	readonly at: number | undefined;
	/** Words before the age, e.g. "loaded". */
	readonly prefix: string;
	readonly style?: Style;
}

/**
 * A live age ("loaded 40 s ago") that redraws itself while on screen, so a console left open never looks fresh when it
 * is not. Only this text re-renders on its tick; hidden screens stop ticking (like the spinner).
 */
export function Age({at, prefix, style}: AgeProps) {
	const clock = useClock();
	const visible = useContext(VisibleContext);
	const [, setTick] = useState(0);
	useEffect(() => {
		if (!visible || at === undefined) return;
		const timer = setInterval(() => setTick((t) => t + 1), 5000);
		return () => clearInterval(timer);
	}, [visible, at]);
	if (at === undefined) return null;
	return <Text {...style}>{prefix} {relativeTime(at, clock())}</Text>;
}
