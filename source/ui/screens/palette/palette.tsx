import {useContext, useEffect, useMemo, useState, type FC} from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {EnvironmentInfo} from '../../../engine/services.js';
import {useUiActions} from '../../context.js';
import {useKeys} from '../../hooks/use-keys.js';
import {InputContext} from '../../input/input-provider.js';
import type {KeyPress} from '../../input/keypress.js';
import {useKeyHandler} from '../../input/use-key-handler.js';
import type {ScreenName} from '../../keys.js';
import type {NavStack} from '../../state/navigation.js';
import type {Theme} from '../../theme.js';
import {fit, truncate, width as cells} from '../../text.js';
import {filterEntries, paletteEntries, type PaletteEntry} from './palette-entries.js';

/** Props of <CommandPalette/>. */
export interface CommandPaletteProps {
	readonly open: boolean;
	readonly setOpen: (open: boolean) => void;
	readonly stack: NavStack;
	readonly screen: ScreenName;
	/** The environment the user is in (kind entries open its Items screen). */
	readonly environment?: string;
	readonly environments: readonly EnvironmentInfo[];
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
}

/** Pops down to the Items screen of `environment` if it is on the stack, else to the bottom and opens it. */
function jumpTo(stack: NavStack, environment: string | undefined, navigate: ReturnType<typeof useUiActions>['navigate']): void {
	const at = environment === undefined ? 0 : stack.findIndex((route) => route.type === 'items' && route.base === undefined && route.environment === environment);
	const keep = at >= 0 ? at + 1 : 1;
	for (let i = stack.length; i > keep; i--) navigate({type: 'pop'});
	if (at < 0 && environment !== undefined) navigate({type: 'push', route: {type: 'items', environment}});
}

/**
 * The `:` command palette (k9s, lazygit): every command of the key registry that acts on the current screen, every
 * environment and every item kind, filtered as the user types; Enter runs the highlighted entry. A registry command
 * runs by typing its key for the user once the palette has closed, so it does exactly what the key does; environments
 * and kinds navigate from anywhere. Modal while open: on top of the input stack, it takes every key.
 */
export function CommandPalette({open, setOpen, stack, screen, environment, environments, width, height, theme}: CommandPaletteProps) {
	const ui = useUiActions();
	const keys = useContext(InputContext);
	const [query, setQuery] = useState('');
	const [cursor, setCursor] = useState(0);
	// A command's key, typed once the palette has closed and the screen's handlers are the committed ones again.
	const [queued, setQueued] = useState<KeyPress | undefined>();
	useEffect(() => {
		if (open || queued === undefined || !keys) return;
		setQueued(undefined);
		keys.dispatchNext([queued]);
	}, [open, queued, keys]);
	const entries = useMemo(() => (open ? paletteEntries(screen, environments) : []), [open, screen, environments]);
	const shown = useMemo(() => filterEntries(entries, query), [entries, query]);
	const at = Math.min(cursor, Math.max(0, shown.length - 1));
	const close = () => {
		setOpen(false);
		setQuery('');
		setCursor(0);
	};
	const run = (entry: PaletteEntry | undefined) => {
		if (!entry) return;
		close();
		const action = entry.action;
		switch (action.type) {
			case 'key': return setQueued({name: action.key, text: ''});
			case 'environments': return jumpTo(stack, undefined, ui.navigate);
			case 'environment': return jumpTo(stack, action.environment, ui.navigate);
			case 'kind': {
				if (environment === undefined) return ui.say('Open an environment first: kinds are tabs of its Items screen');
				const top = stack[stack.length - 1]!;
				// On an Items screen (or a comparison) the tab changes in place; elsewhere the environment's Items screen opens.
				if (top.type !== 'items') jumpTo(stack, environment, ui.navigate);
				return setQueued({name: action.key, text: ''});
			}
		}
	};
	useKeys('global', {palette: () => setOpen(true)}, {layer: 'app', isActive: !open});
	// Inside the border: the query line, then the entries.
	const viewport = Math.max(1, height - 3);
	const move = (by: number) => setCursor(Math.max(0, Math.min(shown.length - 1, at + by)));
	useKeyHandler({
		onText: (text) => {
			setQuery((q) => q + text);
			setCursor(0);
		},
		onKey: (key) => {
			if (key.text !== '') {
				setQuery((q) => q + key.text);
				setCursor(0);
			} else if (key.name === 'enter') run(shown[at]);
			else if (key.name === 'esc') close();
			else if (key.name === 'backspace') {
				setQuery((q) => [...q].slice(0, -1).join(''));
				setCursor(0);
			} else if (key.name === 'up' || key.name === 'ctrl-p') move(-1);
			else if (key.name === 'down' || key.name === 'ctrl-n') move(1);
			else if (key.name === 'pgup') move(-viewport);
			else if (key.name === 'pgdn') move(viewport);
			return true;
		},
	}, {layer: 'overlay', isActive: open});
	// Inside the border and padding, after the indicator: the key or kind column keeps its width, labels get the rest.
	const inner = Math.max(10, width - 6);
	const detailWidth = Math.min(24, Math.max(0, ...shown.map((entry) => cells(entry.detail))));
	const labelWidth = Math.max(8, Math.min(inner - detailWidth - 2, Math.max(0, ...shown.map((entry) => cells(entry.label)))));
	const ItemView: FC<{isSelected?: boolean; label: string}> = useMemo(() => function PaletteItem({isSelected = false, label}) {
		return <Text {...(isSelected ? theme.ui.cursor : {})} wrap="truncate">{label}</Text>;
	}, [theme]);
	const Indicator: FC<{isSelected?: boolean}> = useMemo(() => function PaletteIndicator({isSelected = false}) {
		return <Text {...theme.ui.key}>{isSelected ? '› ' : '  '}</Text>;
	}, [theme]);
	if (!open) return null;
	// The window around the cursor; SelectInput draws it (not focused: the palette's own handler has the keys).
	const offset = Math.max(0, Math.min(at - Math.floor(viewport / 2), shown.length - viewport));
	const windowed = shown.slice(offset, offset + viewport);
	const items = windowed.map((entry, i) => ({
		key: String(offset + i), value: offset + i,
		label: truncate(`${fit(entry.label, labelWidth)}  ${entry.detail}`, inner),
	}));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
			<Text wrap="truncate">
				<Text {...theme.ui.key}>:</Text>{truncate(query, Math.max(1, width - 40))}<Text {...theme.ui.cursor}> </Text>
				<Text {...theme.ui.muted}>  {shown.length} of {entries.length} · Enter runs · Esc closes · ↑/↓ choose</Text>
			</Text>
			{items.length === 0
				? <Text {...theme.ui.muted}>Nothing matches "{query}": Backspace edits, Esc closes.</Text>
				: <SelectInput key={`${query}:${at}:${offset}`} items={items} initialIndex={at - offset} isFocused={false} itemComponent={ItemView} indicatorComponent={Indicator} />}
		</Box>
	);
}
