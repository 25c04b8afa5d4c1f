import {useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp} from 'ink';
import type {ConsoleServices} from '../engine/services.js';
import {findEnvironment, UiActionsContext, UiStateContext, type UiActions, type UiState} from './context.js';
import {makeTheme, type Palette} from './theme.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useAutoRefresh, useViews, type ViewTarget} from './hooks/use-views.js';
import {useClock} from './components/age.js';
import {useKeys} from './hooks/use-keys.js';
import type {Hint} from './keys.js';
import {currentEnvironment, initialStack, navReducer, routeTitle, screenOf, type NavStack} from './state/navigation.js';
import {marksReducer, type Marks, type MarksAction} from './state/marks.js';
import {shownView, viewKey} from './state/views.js';
import {StatusBar} from './components/status-bar.js';
import {HelpOverlay} from './components/help-overlay.js';
import {CommandPalette} from './screens/palette/palette.js';
import {RouteView} from './route-view.js';
import {VisibleContext} from './components/spinner.js';
import {MarksContext} from './marks-context.js';
import {safeServices} from './safe-services.js';
import {truncate, width as cells} from './text.js';

/** Props of <Shell/>. */
export interface ShellProps {
	readonly services: ConsoleServices;
	/** Open this environment's Items screen directly (Esc still leads back to Environments). */
	readonly initialEnvironment?: string;
	/** Fixed size (tests); without it the terminal's size is used and followed on resize. */
	readonly width?: number;
	readonly height?: number;
	/** False for NO_COLOR / --no-color. */
	readonly color?: boolean;
	/** The terminal's colour depth and background, for the diff tints (default: dark, 24-bit). */
	readonly palette?: Palette;
	/** Reload the view on screen every this many seconds (the config's `refreshSeconds`); undefined: never. */
	readonly refreshSeconds?: number;
}

/** The path to the current screen; when it is too wide the oldest parts go first, the current screen stays. */
export function breadcrumb(parts: readonly string[], max: number): string {
	for (let start = 0; start < parts.length; start++) {
		const text = (start > 0 ? '… › ' : '') + parts.slice(start).join(' › ');
		if (cells(text) <= max) return text;
	}
	return truncate(parts.at(-1) ?? '', max);
}

const defaultMessage = '? shows every key';

/** What the shell's quit hands Ink's exit, so runConsole tells a quit from Ink's own Ctrl-C exit (which hands nothing). */
export const quitResult = 'quit';

function startStack(initialEnvironment: string | undefined): NavStack {
	return initialEnvironment === undefined
		? initialStack
		: [...initialStack, {type: 'items', environment: initialEnvironment}];
}

/**
 * Owns the screen stack, the view cache, marks, the help flag and the status message, and nothing else; every screen
 * lives in its own folder. Lower screens stay mounted (hidden) so going back restores cursor and filters.
 */
export function Shell({services: engineServices, initialEnvironment, width, height, color = true, palette, refreshSeconds}: ShellProps) {
	// The one edge where outside strings enter the UI model: everything below sees them made safe (safeServices).
	const services = useMemo(() => safeServices(engineServices), [engineServices]);
	const app = useApp();
	const size = useTerminalSize();
	// One row less than the terminal: Ink clears the whole screen on every frame that fills it, which flickers.
	const columns = width ?? size.columns;
	const rows = height ?? Math.max(5, size.rows - 1);
	const theme = useMemo(() => makeTheme(color, palette), [color, palette?.depth, palette?.background]);
	const environments = useMemo(() => services.environments(), [services]);
	const clock = useClock();
	const views = useViews(services, clock);
	const [stack, navigate] = useReducer(navReducer, initialEnvironment, startStack);
	const [message, setMessage] = useState(defaultMessage);
	const [help, setHelp] = useState(false);
	const [commands, setCommands] = useState(false);
	const [hints, setHints] = useState<readonly Hint[] | undefined>();
	const [marks, setMarks] = useState<Readonly<Record<string, Marks>>>({});
	// Read by the stable actions: the committed depth and exit, refreshed before the next key is handed out.
	const latest = useRef({depth: stack.length, exit: app.exit});
	useLayoutEffect(() => {
		latest.current = {depth: stack.length, exit: app.exit};
	});
	const actions = useMemo<UiActions>(() => ({
		// A new screen starts with the default message: the last one was about the screen the user left ("Press q to
		// quit" on a Plan screen misleads). Going back keeps it, since back handlers say what they cancelled.
		navigate: (action) => {
			if (action.type !== 'pop') setMessage(defaultMessage);
			navigate(action);
		},
		say: setMessage,
		back: (quit) => {
			if (latest.current.depth > 1) navigate({type: 'pop'});
			else if (quit) latest.current.exit(quitResult);
			else setMessage('Press q to quit');
		},
		toggleHelp: () => setHelp((h) => !h),
		hints: setHints,
	}), []);
	// The store is what changes; load and refresh keep their identity, so the state changes only when a view does.
	const state = useMemo<UiState>(() => ({services, theme, environments, views}), [services, theme, environments, views.store]);
	useKeys('global', {
		back: () => actions.back(false), quit: () => actions.back(true), help: actions.toggleHelp,
		// `@` opens the operations log of the environment the user is in (once: not on top of itself).
		operations: () => {
			const here = stack[stack.length - 1]!;
			const name = currentEnvironment(stack);
			if (here.type === 'operations') return;
			if (name === undefined) return void setMessage('@ needs an environment: open one');
			actions.navigate({type: 'push', route: {type: 'operations', environment: name}});
		},
	}, {layer: 'app'});
	const closeHelp = useCallback(() => setHelp(false), []);
	const marksValue = useMemo(() => ({
		marks,
		dispatch: (key: string, action: MarksAction) =>
			setMarks((all) => ({...all, [key]: marksReducer(all[key] ?? new Set(), action)})),
	}), [marks]);
	const top = stack[stack.length - 1]!;
	// Only the views a screen shows are refreshed by the timer: the Environments list, or the open Items view.
	const shownTargets = useMemo<readonly ViewTarget[]>(() => {
		if (top.type === 'environments') return environments.map((env) => ({environment: env.name}));
		return top.type === 'items' ? [{environment: top.environment, base: top.base}] : [];
	}, [top, environments]);
	useAutoRefresh(views, shownTargets, refreshSeconds, clock);
	const envName = currentEnvironment(stack);
	const envInfo = envName === undefined ? undefined : findEnvironment(environments, envName);
	// The marks in play are those of the nearest Items view below: a plan made from a comparison counts its marks.
	const itemsRoute = [...stack].reverse().find((route) => route.type === 'items');
	const topKey = itemsRoute?.type === 'items' ? viewKey(itemsRoute.environment, itemsRoute.base) : envName;
	const commit = envName === undefined ? undefined : shownView(views.store[envName])?.commit;
	const bodyHeight = Math.max(1, rows - 3);
	const crumbs = breadcrumb(['tyk-console', ...stack.map(routeTitle)], columns);
	return (
		<UiActionsContext.Provider value={actions}>
			<UiStateContext.Provider value={state}>
				<MarksContext.Provider value={marksValue}>
					<Box flexDirection="column" width={columns} height={rows}>
						<Text {...theme.ui.title} wrap="truncate">{crumbs}</Text>
						<Box height={bodyHeight} flexDirection="column">
							{help ? <HelpOverlay screen={screenOf(top)} width={columns} height={bodyHeight} theme={theme} onClose={closeHelp} /> : null}
							<CommandPalette
								open={commands && !help} setOpen={setCommands} stack={stack} screen={screenOf(top)} environment={envName}
								environments={environments} width={columns} height={bodyHeight} theme={theme}
							/>
							{/* Keyed by what the route shows too: a palette jump from one environment's Items screen to another's at
							    the same depth mounts a fresh screen, so filters and cursors never carry over. */}
							{stack.map((route, index) => (
								<Box key={`${index}:${routeTitle(route)}`} display={!help && !commands && index === stack.length - 1 ? 'flex' : 'none'} flexDirection="column">
									<VisibleContext.Provider value={!help && !commands && index === stack.length - 1}>
										<RouteView route={route} width={columns} height={bodyHeight} isActive={!help && !commands && index === stack.length - 1} />
									</VisibleContext.Provider>
								</Box>
							))}
						</Box>
						<StatusBar
							screen={screenOf(top)}
							environment={envInfo}
							commit={commit}
							marks={topKey === undefined ? 0 : marks[topKey]?.size ?? 0}
							message={message}
							hints={help ? undefined : hints}
							width={columns}
							theme={theme}
						/>
					</Box>
				</MarksContext.Provider>
			</UiStateContext.Provider>
		</UiActionsContext.Provider>
	);
}
