import {Text} from 'ink';
import type {ConfirmState} from '../../state/confirm.js';
import type {Theme} from '../../theme.js';
import {truncate} from '../../text.js';

/** Props of <ConfirmPrompt/>. */
export interface ConfirmPromptProps {
	readonly state: ConfirmState;
	readonly environment: string;
	readonly writes: number;
	readonly target: string;
	readonly protectedEnv: boolean;
	readonly width: number;
	readonly theme: Theme;
}

/**
 * The confirmation line. It is presentational: it says what `y` will do, defaults to the safe choice (nothing happens
 * until the user acts), and for protected environments asks for the typed name.
 */
export function ConfirmPrompt({state, environment, writes, target, protectedEnv, width, theme}: ConfirmPromptProps) {
	if (writes === 0) return <Text {...theme.ui.muted}>Nothing to apply: every step is a skip. Esc goes back.</Text>;
	if (state.typing) {
		return (
			<Text wrap="truncate">
				<Text {...theme.env.protected}>{environment} is protected.</Text> Type its name and press Enter to apply {writes} write{writes === 1 ? '' : 's'} (Esc cancels): <Text {...theme.ui.key}>{state.typed}█</Text>
			</Text>
		);
	}
	const text = `y applies ${writes} write${writes === 1 ? '' : 's'} to ${target}${protectedEnv ? ' (protected: you will type its name)' : ''} · Esc cancels, nothing is written`;
	return <Text {...(protectedEnv ? theme.env.protected : theme.ui.title)}>{truncate(text, width)}</Text>;
}
