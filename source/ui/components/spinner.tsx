import {createContext, useContext, useEffect, useState} from 'react';
import {Text} from 'ink';
import type {Style} from '../theme.js';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** False inside screens hidden under the top one: their spinners stop, so a hidden load never redraws the screen. */
export const VisibleContext = createContext(true);

/** Props of <Spinner/>. */
export interface SpinnerProps {
	readonly label: string;
	readonly style?: Style;
}

/** A small animated indicator so the user can tell "still loading" from "stuck". */
export function Spinner({label, style}: SpinnerProps) {
	const visible = useContext(VisibleContext);
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!visible) return;
		const timer = setInterval(() => setFrame((f) => (f + 1) % frames.length), 150);
		return () => clearInterval(timer);
	}, [visible]);
	return <Text {...style}>{frames[frame]} {label}</Text>;
}
