import {useEffect, useState} from 'react';
import {Text} from 'ink';
import type {Style} from '../theme.js';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Props of <Spinner/>. */
export interface SpinnerProps {
	readonly label: string;
	readonly style?: Style;
}

/** A small animated indicator so the user can tell "still loading" from "stuck". */
export function Spinner({label, style}: SpinnerProps) {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setFrame((f) => (f + 1) % frames.length), 120);
		return () => clearInterval(timer);
	}, []);
	return <Text {...style}>{frames[frame]} {label}</Text>;
}
