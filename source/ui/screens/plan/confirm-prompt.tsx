import {Box, Text} from 'ink';
import type {ConfirmState} from '../../state/confirm.js';
import type {Theme} from '../../theme.js';
import {plural, truncate, width as cells} from '../../text.js';

/** Props of <ConfirmPrompt/>. */
export interface ConfirmPromptProps {
	readonly state: ConfirmState;
	readonly environment: string;
	readonly writes: number;
	readonly target: string;
	readonly protectedEnv: boolean;
	/** Why `y` cannot apply this plan (a read-only environment), when it cannot. */
	readonly refusal?: string;
	readonly width: number;
	readonly theme: Theme;
}

/** The end of a typed text that does not fit, so the user always sees what they typed last. */
function tail(text: string, max: number): string {
	if (cells(text) <= max) return text;
	return `…${[...text].slice(-(max - 1)).join('')}`;
}

/** Lines the prompt takes at most, so the Plan screen can size its step list to leave them room at every width. */
export const promptLines = 2;

/**
 * The confirmation lines. They are presentational: they say what `y` will do, default to the safe choice (nothing
 * happens until the user acts), and for protected environments ask for the typed name, which has a line of its own so
 * it is seen whole at any width.
 */
export function ConfirmPrompt({state, environment, writes, target, protectedEnv, refusal, width, theme}: ConfirmPromptProps) {
	const line = (text: string) => truncate(text, width);
	if (writes === 0) return <Text {...theme.ui.muted}>{line('Nothing to apply: every step is a skip. Esc goes back.')}</Text>;
	if (refusal) return <Text {...theme.ui.error}>{line(`${refusal} · Esc goes back`)}</Text>;
	if (state.typing) {
		return (
			<Box flexDirection="column" width={width}>
				<Text {...theme.env.protected}>{line(`${environment} is protected: type its name and press Enter to apply ${plural(writes, 'write')} · Esc cancels`)}</Text>
				<Text>
					<Text {...theme.ui.muted}>{'  name › '}</Text>
					<Text {...theme.ui.key}>{tail(state.typed, Math.max(1, width - 10))}█</Text>
				</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={width}>
			<Text {...(protectedEnv ? theme.env.protected : theme.ui.title)}>{line(`y applies ${plural(writes, 'write')} to ${target} · Esc cancels, nothing is written`)}</Text>
			{protectedEnv ? <Text {...theme.env.protected}>{line(`${environment} is protected: after y you type its name to confirm`)}</Text> : null}
		</Box>
	);
}
