import {createContext, useContext} from 'react';
import type {ConsoleServices, EnvironmentInfo} from '../engine/services.js';
import type {Hint} from './keys.js';
import type {Theme} from './theme.js';
import type {NavAction} from './state/navigation.js';
import type {Views} from './hooks/use-views.js';

/** What every screen reads; changes when a view loads, so readers re-render with it. */
export interface UiState {
	readonly services: ConsoleServices;
	readonly theme: Theme;
	readonly environments: readonly EnvironmentInfo[];
	readonly views: Views;
}

/**
 * What every screen can ask the app to do. One object for the console's lifetime: an action never changes identity,
 * so components and handlers that only act never re-render or re-subscribe because of it.
 */
export interface UiActions {
	navigate(action: NavAction): void;
	/** Sets the status-bar message (the last thing that happened). */
	say(message: string): void;
	/** Esc / q at the app level: pop one screen; `quit` at the top exits. */
	back(quit: boolean): void;
	toggleHelp(): void;
	/**
	 * Replaces the status-bar hints of the top screen while its state calls for others (a focused text field, a key
	 * that cannot act now); undefined gives the registry's hints back. A screen clears it when it stops being active.
	 */
	hints(override: readonly Hint[] | undefined): void;
}

/** Provided by <App/>; undefined outside it so a mis-wired screen fails loudly. */
export const UiStateContext = createContext<UiState | undefined>(undefined);

/** Provided by <App/>; undefined outside it so a mis-wired screen fails loudly. */
export const UiActionsContext = createContext<UiActions | undefined>(undefined);

/** The UI state; throws if a screen is rendered outside <App/>, a wiring bug that should fail loudly. */
export function useUiState(): UiState {
	const value = useContext(UiStateContext);
	if (!value) throw new Error('UI component rendered outside <App/>');
	return value;
}

/** The stable UI actions; throws outside <App/> like useUiState. */
export function useUiActions(): UiActions {
	const value = useContext(UiActionsContext);
	if (!value) throw new Error('UI component rendered outside <App/>');
	return value;
}

/** State and actions together, for screens that read and act (most do); the two contexts stay separate underneath. */
export function useUi(): UiState & UiActions {
	return {...useUiState(), ...useUiActions()};
}

/** Looks up an environment's settings (protected, read-only) by name. */
export function findEnvironment(environments: readonly EnvironmentInfo[], name: string): EnvironmentInfo | undefined {
	return environments.find((env) => env.name === name);
}
