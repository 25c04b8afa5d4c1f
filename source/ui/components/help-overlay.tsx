import {Box, Text} from 'ink';
import {bindingsFor, type ScreenName} from '../keys.js';
import {useKeys} from '../hooks/use-keys.js';
import type {Theme} from '../theme.js';
import {fit} from '../text.js';

/** Props of <HelpOverlay/>. */
export interface HelpOverlayProps {
	readonly screen: ScreenName;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
	readonly onClose: () => void;
}

/**
 * The `?` overlay, generated from the registry so it can never disagree with what the keys do. It is modal: on top of
 * the input stack it swallows every key, and the registry's help, back and quit keys (?, Esc, q) close it.
 */
export function HelpOverlay({screen, width, height, theme, onClose}: HelpOverlayProps) {
	useKeys('global', {help: onClose, back: onClose, quit: onClose}, {layer: 'overlay', modal: true});
	const rows = bindingsFor(screen);
	const keyWidth = Math.min(18, Math.max(...rows.map((b) => b.keys.join(' ').length)) + 2);
	// Inside the border: one title line, then rows; when they do not all fit, the last line says how many are left.
	const room = Math.max(1, height - 3);
	const visible = rows.length <= room ? rows : rows.slice(0, Math.max(1, room - 1));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
			<Text {...theme.ui.title}>Keys on this screen ({screen}) · ? or Esc closes</Text>
			{visible.map((b, i) => (
				<Text key={i} wrap="truncate">
					<Text {...theme.ui.key}>{fit(b.keys.join(' '), keyWidth)}</Text>{b.description}
				</Text>
			))}
			{visible.length < rows.length ? <Text {...theme.ui.muted}>… {rows.length - visible.length} more</Text> : null}
		</Box>
	);
}
