import {Text} from 'ink';
import type {Theme} from '../theme.js';

/** Props of <ProgressBar/>. */
export interface ProgressBarProps {
	readonly done: number;
	readonly total: number;
	readonly width: number;
	readonly theme: Theme;
}

/** `[█████░░░░░] 5/10`: the count is always printed, the bar only helps the eye. */
export function ProgressBar({done, total, width, theme}: ProgressBarProps) {
	const label = ` ${done}/${total}`;
	const inner = Math.max(1, width - label.length - 2);
	const filled = total === 0 ? inner : Math.min(inner, Math.round((done / total) * inner));
	return (
		<Text>
			[<Text {...theme.ui.barDone}>{'█'.repeat(filled)}</Text>
			<Text {...theme.ui.barEmpty}>{'░'.repeat(inner - filled)}</Text>]{label}
		</Text>
	);
}
