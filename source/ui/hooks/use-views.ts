import {useCallback, useEffect, useReducer, useRef} from 'react';
import {errorMessage} from '../../core/errors.js';
import type {OperationResult} from '../../core/plan.js';
import type {ConsoleServices} from '../../engine/services.js';
import {viewKey, viewsReducer, type ViewStore} from '../state/views.js';

/** The view cache plus a loader; the only place environment views are fetched. */
export interface Views {
	readonly store: ViewStore;
	/** Starts loading unless already loaded or loading (`force` reloads). Never awaits: input stays responsive. */
	load(environment: string, options?: {base?: string; force?: boolean}): void;
	/**
	 * Brings every held view up to date after an apply: the engine patches exactly the rows the apply wrote (the
	 * environment's own view, comparisons involving it, other environments on the same Git branch after a dump), from
	 * what the apply read back; nothing is reloaded whole. A view still loading is loaded again, since its read may
	 * predate the write.
	 */
	applied(result: OperationResult): void;
	/** When the view at `key` was last loaded whole (clock milliseconds), for "loaded 40 s ago"; undefined before. */
	loadedAt(key: string): number | undefined;
	/** When the last load of `key` started, successful or not (the auto-refresh paces retries of failed loads by it). */
	startedAt(key: string): number | undefined;
}

/** One view the console can hold: an environment (Git vs live) or a comparison `base → environment`. */
export interface ViewTarget {
	readonly environment: string;
	readonly base?: string;
}


/**
 * Loads environment views in the background, one request per key at a time, each with its own AbortController, so a
 * slow or failing Dashboard affects only its own entry and pending requests are aborted when the console closes.
 */
export function useViews(services: ConsoleServices, clock: () => number = Date.now): Views {
	const [store, dispatch] = useReducer(viewsReducer, {});
	const times = useRef({loaded: new Map<string, number>(), started: new Map<string, number>()});
	const storeRef = useRef(store);
	storeRef.current = store;
	const inFlight = useRef(new Map<string, AbortController>());
	useEffect(() => () => {
		for (const controller of inFlight.current.values()) controller.abort();
	}, []);
	const load = useCallback((environment: string, options: {base?: string; force?: boolean} = {}) => {
		const key = viewKey(environment, options.base);
		const current = storeRef.current[key];
		if (!options.force && current && current.state !== 'failed') return;
		if (inFlight.current.has(key) && !options.force) return;
		inFlight.current.get(key)?.abort();
		const controller = new AbortController();
		inFlight.current.set(key, controller);
		times.current.started.set(key, clock());
		dispatch({type: 'loading', key});
		// Started on the next turn, so the "loading" frame is drawn even if the service does synchronous work first.
		const request = new Promise<void>((resolve) => setImmediate(resolve)).then(() => (options.base === undefined
			? services.loadEnvironment(environment, controller.signal)
			: services.compareEnvironments(options.base, environment, controller.signal)));
		request.then(
			(view) => {
				if (controller.signal.aborted) return;
				inFlight.current.delete(key);
				times.current.loaded.set(key, clock());
				dispatch({type: 'loaded', key, view});
			},
			(error: unknown) => {
				if (controller.signal.aborted) return;
				inFlight.current.delete(key);
				dispatch({type: 'failed', key, error: errorMessage(error)});
			},
		);
	}, [services, clock]);
	const applied = useCallback((result: OperationResult) => {
		for (const [key, entry] of Object.entries(storeRef.current)) {
			const [base, other] = key.includes('→') ? key.split('→') : [undefined, key];
			if (entry.state === 'loading') {
				load(other!, {base, force: true});
				continue;
			}
			if (entry.state !== 'ready') continue;
			services.refreshView(entry.view, result).then(
				(view) => {
					// Only if nothing replaced the entry meanwhile (a reload the user asked for wins).
					if (view !== entry.view && storeRef.current[key] === entry) dispatch({type: 'loaded', key, view});
				},
				() => load(other!, {base, force: true}),
			);
		}
	}, [load, services]);
	const loadedAt = useCallback((key: string) => times.current.loaded.get(key), []);
	const startedAt = useCallback((key: string) => times.current.started.get(key), []);
	return {store, load, applied, loadedAt, startedAt};
}

/**
 * Reloads the views on screen every `seconds` (the config's `refreshSeconds`; undefined: never), counted from each
 * view's last load, so a console left open is never silently stale and a view just reloaded with R is not reloaded
 * again at once. A reload keeps the old view on screen until the new one arrives (the screens keep their cursor, marks
 * and filter); a view still loading is left alone, so a slow Dashboard is never asked twice.
 */
export function useAutoRefresh(views: Views, targets: readonly ViewTarget[], seconds: number | undefined, clock: () => number = Date.now): void {
	const latest = useRef({views, targets});
	latest.current = {views, targets};
	useEffect(() => {
		if (!seconds) return;
		const period = seconds * 1000;
		const timer = setInterval(() => {
			const {views: current, targets: shown} = latest.current;
			for (const target of shown) {
				const key = viewKey(target.environment, target.base);
				const started = current.startedAt(key);
				if (current.store[key]?.state === 'loading' || started === undefined) continue;
				if (clock() - started >= period) current.load(target.environment, {base: target.base, force: true});
			}
		}, Math.min(period, 1000));
		return () => clearInterval(timer);
	}, [seconds, clock]);
}
