import {createContext, useContext, useEffect, useState} from 'react';
import {Text} from 'ink';
import type {Style} from '../theme.js';
import {VisibleContext} from './spinner.js';
import {relativeTime} from '../../core/relative-time.js';

/** Milliseconds since the epoch; a context so tests can show "loaded 40 s ago" without waiting forty seconds. */
export type Clock = () => number;

/** The clock every age and the auto-refresh read (default: the system clock). */
export const ClockContext = createContext<Clock>(Date.now);

/** The console's clock. */
export function useClock(): Clock {
	return useContext(ClockContext);
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
