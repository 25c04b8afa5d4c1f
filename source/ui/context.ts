import {createContext, useContext} from 'react';
import type {ConsoleServices, EnvironmentInfo} from '../engine/services.js';
import type {Theme} from './theme.js';
import type {NavAction} from './state/navigation.js';
import type {Views} from './hooks/use-views.js';

/** App-wide facilities every screen needs; kept small so screens stay testable on their own. */
export interface UiContextValue {
	readonly services: ConsoleServices;
	readonly theme: Theme;
	readonly environments: readonly EnvironmentInfo[];
	readonly views: Views;
	navigate(action: NavAction): void;
	/** Sets the status-bar message (the last thing that happened). */
	say(message: string): void;
	/** Esc / q at the app level: pop one screen; `quit` at the top exits. */
	back(quit: boolean): void;
	toggleHelp(): void;
	/** False while the help overlay has the focus. */
	readonly inputActive: boolean;
}

/** Provided by <App/>; undefined outside it so a mis-wired screen fails loudly in useUi. */
export const UiContext = createContext<UiContextValue | undefined>(undefined);

/** The UI context; throws if a screen is rendered outside <App/>, a wiring bug that should fail loudly. */
export function useUi(): UiContextValue {
	const value = useContext(UiContext);
	if (!value) throw new Error('UI component rendered outside <App/>');
	return value;
}

/** Looks up an environment's settings (protected, read-only) by name. */
export function findEnvironment(environments: readonly EnvironmentInfo[], name: string): EnvironmentInfo | undefined {
	return environments.find((env) => env.name === name);
}
