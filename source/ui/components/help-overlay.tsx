import {useState} from 'react';
import {Box, Text} from 'ink';
import {bindingsFor, type ScreenName} from '../keys.js';
import {moveHandlers, useKeys} from '../hooks/use-keys.js';
import type {ListMove} from '../state/list.js';
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
 * the input stack it swallows every key, and the registry's help, back and quit keys (?, Esc, q) close it. When the
 * bindings do not fit (80×24), it scrolls like a pager (j/k, arrows, PgUp/PgDn, g/G) and its last line says which rows
 * are shown, so no binding is out of reach.
 */
export function HelpOverlay({screen, width, height, theme, onClose}: HelpOverlayProps) {
	useKeys('global', {help: onClose, back: onClose, quit: onClose}, {layer: 'overlay', modal: true});
	const rows = bindingsFor(screen);
	const keyWidth = Math.min(18, Math.max(...rows.map((b) => b.keys.join(' ').length)) + 2);
	// Inside the border: one title line, then rows; when they do not all fit, the last line is the scroll indicator.
	const room = Math.max(1, height - 3);
	const scrolls = rows.length > room;
	const viewport = scrolls ? Math.max(1, room - 1) : room;
	const maxOffset = Math.max(0, rows.length - viewport);
	const [scroll, setScroll] = useState(0);
	const page = Math.max(1, viewport - 1);
	const steps: Record<ListMove, (at: number) => number> = {
		up: (at) => at - 1, down: (at) => at + 1, pageUp: (at) => at - page, pageDown: (at) => at + page, top: () => 0, bottom: () => maxOffset,
	};
	// Registered after the modal handler, so it sees keys first; anything it does not take goes on to be swallowed.
	useKeys('diff', moveHandlers((move) => setScroll((at) => Math.min(maxOffset, Math.max(0, steps[move](Math.min(at, maxOffset)))))), {
		layer: 'overlay', isActive: scrolls,
	});
	const offset = Math.min(scroll, maxOffset);
	const visible = rows.slice(offset, offset + viewport);
	const last = Math.min(rows.length, offset + viewport);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
			<Text {...theme.ui.title} wrap="truncate">Keys on this screen ({screen}) · ? or Esc closes</Text>
			{visible.map((b, i) => (
				<Text key={i} wrap="truncate">
					<Text {...theme.ui.key}>{fit(b.keys.join(' '), keyWidth)}</Text>{b.description}
				</Text>
			))}
			{scrolls
				? <Text {...theme.ui.muted} wrap="truncate">
					{offset > 0 ? '↑ ' : '  '}{last < rows.length ? '↓ ' : '  '}{offset + 1}–{last} of {rows.length} · j/k ↑/↓ PgUp/PgDn scroll
				</Text>
				: null}
		</Box>
	);
}
